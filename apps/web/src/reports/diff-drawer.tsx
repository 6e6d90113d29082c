import { Alert, Drawer, Empty, Select, Space, Spin } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { ReportDiff, ReportSummary } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../shared/format';
import { useLoad } from '../shared/use-load';

/** So sánh hai bản: per changed section, the paragraphs removed (struck through) and added. */
export function DiffDrawer({ report, initial, onClose }: { report: ReportSummary; initial: { from: number; to: number }; onClose: () => void }) {
  const { t } = useI18n();
  const [range, setRange] = useState(initial);
  const diff = useLoad(() => api.get<ReportDiff>(`/reports/${report.id}/diff?from=${range.from}&to=${range.to}`), [report.id, range.from, range.to]);
  const options = report.revisions.map((r) => ({ value: r.number, label: `${t('report.revision', { n: r.number })} · ${formatDateTime(r.createdAt)}` }));
  return (
    <Drawer open onClose={onClose} size={900} title={t('report.diff')} data-testid="diff-drawer">
      <Space wrap style={{ marginBottom: 12 }}>
        {t('report.diffFrom')}
        <Select style={{ width: 230 }} value={range.from} options={options} onChange={(from) => setRange((r) => ({ ...r, from }))} data-testid="diff-from" aria-label={t('report.diffFrom')} />
        {t('report.diffTo')}
        <Select style={{ width: 230 }} value={range.to} options={options} onChange={(to) => setRange((r) => ({ ...r, to }))} data-testid="diff-to" aria-label={t('report.diffTo')} />
      </Space>
      {diff.error && <Alert type="error" showIcon title={diff.error.message} />}
      {diff.loading && !diff.data ? (
        <Spin />
      ) : diff.data && diff.data.sections.length === 0 ? (
        <Empty description={t('report.diffNone')} />
      ) : (
        diff.data?.sections.map((s) => (
          <div key={s.id} className="diff-section" data-testid="diff-section" data-section={s.id}>
            <h4>{s.heading}</h4>
            {s.changes.map((c, i) =>
              c.op === 'equal' ? (
                <p key={i} className="diff-equal">{c.text.length > 220 ? `${c.text.slice(0, 220)}…` : c.text}</p>
              ) : (
                <p key={i} className={`diff-${c.op}`} data-op={c.op}>
                  {c.text}
                </p>
              ),
            )}
          </div>
        ))
      )}
    </Drawer>
  );
}
