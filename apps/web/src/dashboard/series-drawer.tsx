import { Drawer, Table } from 'antd';
import { Link } from 'react-router-dom';
import type { IndicatorSeriesView, SeriesPointView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { fmtNum, formatDateTime } from '../shared/format';
import { monthLabel } from './dashboard-model';

/** A chart's figures and their sources: every month of the series, each linked to the approved submission it comes from. */
export function SeriesDrawer({ series, onClose }: { series: IndicatorSeriesView | null; onClose: () => void }) {
  const { t } = useI18n();
  const i = series?.indicator;
  const pct = (v: string | null) => (v === null ? '' : `${fmtNum(v, 1)}%`);
  const samePeriod = (p: SeriesPointView) => pct(i?.rule.samePeriodStyle === 'ratio' ? p.samePeriodRatioPct : p.samePeriodChangePct);
  return (
    <Drawer open={!!series} onClose={onClose} size="large" title={i ? t('dash.figures', { name: `${i.name}${i.unitOfMeasure ? ` (${i.unitOfMeasure})` : ''}` }) : ''} data-testid="series-drawer">
      {series?.series.map((s) => (
        <Table<SeriesPointView>
          key={s.unit.id}
          size="small"
          rowKey="period"
          pagination={false}
          scroll={{ x: 'max-content' }}
          title={() => <b>{s.unit.name}</b>}
          dataSource={[...s.points].reverse()}
          columns={[
            { title: t('dash.col.period'), dataIndex: 'period', render: (v: string) => monthLabel(v) },
            { title: t('dash.col.value'), dataIndex: 'value', align: 'right', render: (v: string | null) => fmtNum(v, i?.rule.decimals) },
            { title: t('dash.col.cumulative'), dataIndex: 'cumulative', align: 'right', render: (v: string | null) => fmtNum(v, i?.rule.decimals) },
            { title: t('dash.col.planPct'), dataIndex: 'planPct', align: 'right', render: pct },
            { title: t('dash.col.samePeriod'), key: 'same', align: 'right', render: (_: unknown, p) => samePeriod(p) },
            {
              title: t('dash.col.source'),
              key: 'source',
              render: (_: unknown, p) =>
                p.source && (
                  <Link to={`/review/${p.source.submissionId}`} data-testid="series-source">
                    {t('dash.sourceLink', { unit: s.unit.code })} · {formatDateTime(p.source.approvedAt)}
                  </Link>
                ),
            },
          ]}
        />
      ))}
    </Drawer>
  );
}
