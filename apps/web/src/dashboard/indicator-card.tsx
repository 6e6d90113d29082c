import { Button, Card, Progress } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { fmtNum } from '../shared/format';
import { axisMonth, IndicatorCardModel, monthLabel, PALETTE, progressPercent } from './dashboard-model';
import { ChartOption, EChart } from './echart';

const num = (v: string | null, decimals: number | null) => (v === null ? '—' : fmtNum(v, decimals));

/**
 * One key indicator as a small multiple: the month against the same month last year, the cumulative
 * against the annual plan, the last 24 months. Every number comes from the series route; the card's
 * `data-points` is what its trend chart was given, for the browser test to compare with the route.
 */
export function IndicatorCard({ m, onOpen }: { m: IndicatorCardModel; onOpen: () => void }) {
  const { t } = useI18n();
  const unit = m.unitOfMeasure ? ` ${m.unitOfMeasure}` : '';
  const pct = progressPercent(m.planPct);
  const bars = useMemo<ChartOption>(() => ({
    grid: { left: 4, right: 4, top: 8, bottom: 20, containLabel: true },
    xAxis: { type: 'category', data: [m.lastYear ? monthLabel(m.lastYear.period) : '', m.current ? monthLabel(m.current.period) : ''], axisLabel: { color: '#374151' } },
    yAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${fmtNum(String(v), m.decimals)}${unit}` },
    series: [{
      type: 'bar', barWidth: '45%',
      data: [
        { value: m.lastYear?.value === null || !m.lastYear ? null : Number(m.lastYear.value), itemStyle: { color: PALETTE.lastYear } },
        { value: m.current?.value === null || !m.current ? null : Number(m.current.value), itemStyle: { color: PALETTE.current } },
      ] as never,
    }],
  }), [m, unit]);
  const trend = useMemo<ChartOption>(() => ({
    grid: { left: 4, right: 8, top: 8, bottom: 20, containLabel: true },
    xAxis: { type: 'category', data: m.trend.map((p) => axisMonth(p.period)), axisLabel: { color: '#374151', interval: 5 } },
    yAxis: { type: 'value', axisLabel: { color: '#374151', formatter: (v: number) => fmtNum(String(v), 0) }, splitLine: { lineStyle: { color: '#e5e7eb' } } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${fmtNum(String(v), m.decimals)}${unit}`) },
    series: [{ type: 'line', data: m.trend.map((p) => (p.value === null ? null : Number(p.value))), connectNulls: false, symbolSize: 4, lineStyle: { color: PALETTE.trend, width: 2 }, itemStyle: { color: PALETTE.trend } }],
  }), [m, unit]);

  return (
    <Card
      size="small"
      className="kpi-card"
      data-testid="kpi-card"
      data-code={m.code}
      data-points={JSON.stringify(m.trend)}
      title={<h3 className="kpi-title">{m.name}</h3>}
      extra={<Button size="small" type="link" onClick={onOpen} data-testid="kpi-open">{t('dash.open')}</Button>}
    >
      <div className="kpi-value">
        {m.current?.value ? (
          <>
            <b data-testid="kpi-month-value">{num(m.current.value, m.decimals)}</b>
            {unit} <span className="muted">· {t('dash.month', { month: monthLabel(m.current.period) })}</span>
          </>
        ) : (
          <span className="muted">{t('dash.noFigure')}</span>
        )}
      </div>
      <div className="kpi-row">
        <div className="kpi-bars">
          <div className="kpi-caption">{t('dash.monthVsLastYear')}</div>
          <EChart option={bars} label={`${t('dash.chartOf', { what: t('dash.monthVsLastYear'), name: m.name })}: ${num(m.lastYear?.value ?? null, m.decimals)} → ${num(m.current?.value ?? null, m.decimals)}${unit}`} style={{ height: 110 }} />
        </div>
        <div className="kpi-progress">
          {pct === null ? (
            <span className="muted">{t('dash.noPlan')}</span>
          ) : (
            <>
              <Progress
                type="circle"
                size={84}
                percent={pct}
                strokeColor={PALETTE.plan}
                format={() => `${fmtNum(m.planPct, 1)}%`}
                aria-label={t('dash.progressLabel', { name: m.name, pct: `${fmtNum(m.planPct, 1)}%` })}
              />
              <div className="kpi-caption">{t('dash.progress', { cumulative: num(m.cumulative, m.decimals), plan: num(m.plan, 0) })}</div>
            </>
          )}
        </div>
      </div>
      <div className="kpi-caption">{t('dash.trend')}</div>
      <EChart option={trend} label={t('dash.chartOf', { what: t('dash.trend'), name: m.name })} style={{ height: 130 }} testId="kpi-trend" />
    </Card>
  );
}
