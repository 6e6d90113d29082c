import { Alert, Table, Tag } from 'antd';
import type { StuckWorkView } from '@app/contracts';
import { api } from '../api/client';
import { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../shared/format';
import { useLoad } from '../shared/use-load';

interface Row {
  key: string;
  kind: MessageKey;
  subject: string;
  since: string;
  detail: string;
  tags: MessageKey[];
}

/** Việc bị kẹt: what lacks its effect past STUCK_AFTER_MS (GET /api/admin/stuck), each with since when. */
export function StuckPage() {
  const { t } = useI18n();
  const stuck = useLoad(() => api.get<StuckWorkView>('/admin/stuck'), []);
  const v = stuck.data;
  const rows: Row[] = v
    ? [
        ...v.outbox.map((e) => ({ key: `o${e.id}`, kind: 'admin.stuck.outbox' as const, subject: e.type, since: e.since, detail: `#${e.id}`, tags: [] })),
        ...v.consolidations.map((c) => ({ key: `c${c.periodId}`, kind: 'admin.stuck.consolidation' as const, subject: c.periodLabel, since: c.since, detail: '', tags: [] })),
        ...v.renderings.map((r) => ({
          key: `r${r.revisionId}`, kind: 'admin.stuck.rendering' as const, subject: r.as, since: r.since, detail: r.revisionId,
          tags: r.awaitingLibreOffice ? (['admin.stuck.awaitingLibreOffice'] as MessageKey[]) : [],
        })),
        ...v.emails.map((e) => ({
          key: `e${e.deliveryId}`, kind: 'admin.stuck.email' as const, subject: e.to, since: e.since, detail: `${e.attempts}× ${e.lastError ?? ''}`,
          tags: e.status === 'failed' ? (['admin.stuck.failed'] as MessageKey[]) : [],
        })),
      ].sort((a, b) => a.since.localeCompare(b.since))
    : [];
  return (
    <div className="page" data-testid="stuck-page">
      <h2 className="page-title">{t('nav.admin.stuck')}</h2>
      {stuck.error && <Alert type="error" showIcon title={stuck.error.message} />}
      {v && <p>{t('admin.stuck.intro', { minutes: Math.round(v.stuckAfterMs / 60_000) })}</p>}
      {v?.redis === 'down' && <Alert type="warning" showIcon title={t('admin.stuck.redisDown', { since: formatDateTime(v.redisDownSince) })} />}
      <Table<Row>
        size="small"
        rowKey="key"
        loading={stuck.loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <span className="placeholder-strong">{t('admin.stuck.none')}</span> }}
        columns={[
          { title: t('admin.stuck.kind'), dataIndex: 'kind', width: 200, render: (k: MessageKey, r) => <>{t(k)} {r.tags.map((g) => <Tag key={g} color="red">{t(g)}</Tag>)}</> },
          { title: t('admin.stuck.subject'), dataIndex: 'subject' },
          { title: t('admin.stuck.since'), dataIndex: 'since', width: 180, render: (s: string) => formatDateTime(s) },
          { title: t('admin.stuck.detail'), dataIndex: 'detail' },
        ]}
      />
    </div>
  );
}
