import { Card } from 'antd';
import { useMemo } from 'react';
import type { TimelinessMatrix } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { CELL_COLOURS, CELL_KINDS, CELL_TEXT, heatCells } from './dashboard-model';
import { ChartOption, EChart } from './echart';

/**
 * Completeness and timeliness per unit over the year: unit × month, each cell coloured and lettered
 * (on time / late / overdue / not yet due / imported history), so colour is never the only cue.
 */
export function TimelinessHeatmap({ m }: { m: TimelinessMatrix }) {
  const { t } = useI18n();
  const label = (k: (typeof CELL_KINDS)[number]) => t(`dash.cell.${k}` as MessageKey);
  const short = (k: (typeof CELL_KINDS)[number]) => (k === 'none' ? '' : t(`dash.short.${k}` as MessageKey));
  const option = useMemo<ChartOption>(() => ({
    grid: { left: 8, right: 8, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: m.months.map((x) => `T${x}`), position: 'top', axisLabel: { color: '#374151' }, splitArea: { show: false } },
    yAxis: { type: 'category', data: m.units.map((u) => u.unitCode), inverse: true, axisLabel: { color: '#374151' } },
    tooltip: {
      formatter: (p) => {
        const [x, y, k] = (p as unknown as { value: [number, number, number] }).value;
        return `${m.units[y].unitName} · T${m.months[x]}/${m.year}: ${label(CELL_KINDS[k])}`;
      },
    },
    visualMap: {
      type: 'piecewise', show: false, dimension: 2,
      pieces: CELL_KINDS.map((k, i) => ({ value: i, color: CELL_COLOURS[k] })),
    },
    series: [{
      type: 'heatmap',
      data: heatCells(m).map((v) => ({ value: v, label: { color: CELL_TEXT[CELL_KINDS[v[2]]] } })),
      itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
      label: {
        show: true,
        formatter: (p) => short(CELL_KINDS[(p as unknown as { value: [number, number, number] }).value[2]]),
      },
    }],
  }), [m, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const height = Math.max(160, m.units.length * 22 + 48);
  return (
    <Card size="small" className="heat-card" title={<h3 className="kpi-title">{t('dash.timeliness', { year: m.year })}</h3>} data-testid="timeliness-heatmap">
      <p className="muted">{t('dash.timelinessHelp')}</p>
      <ul className="heat-legend">
        {CELL_KINDS.filter((k) => k !== 'none').map((k) => (
          <li key={k}>
            <span className="heat-swatch" style={{ background: CELL_COLOURS[k], color: CELL_TEXT[k] }} aria-hidden>{short(k)}</span> {label(k)}
          </li>
        ))}
      </ul>
      <div className="heat-scroll">
        <EChart option={option} label={t('dash.timeliness', { year: m.year })} style={{ height, minWidth: 320 }} />
      </div>
      {/* a table is as wide as its content whatever its width says: the clipping box is a div around it */}
      <div className="sr-only">
      <table>
        <caption>{t('dash.timeliness', { year: m.year })}</caption>
        <thead>
          <tr><th scope="col">{t('dash.unit')}</th>{m.months.map((x) => <th scope="col" key={x}>T{x}</th>)}</tr>
        </thead>
        <tbody>
          {m.units.map((u) => (
            <tr key={u.unitId}>
              <th scope="row">{u.unitName}</th>
              {m.months.map((x) => {
                const c = u.cells.find((cell) => cell.month === x);
                return <td key={x}>{label(c?.timeliness ?? 'none')}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </Card>
  );
}
