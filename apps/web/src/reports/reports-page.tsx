import { SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import type { PeriodView, ReportSummary, UnitView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { useMe } from '../session/session';
import { formatDate, formatDateTime } from '../shared/format';
import { periodName } from '../shared/period-name';
import { PeriodSelect } from '../shared/period-select';
import { useLoad } from '../shared/use-load';
import { documentLine, latestRevision } from './report-model';
import { ReportStateTag } from './report-state-tag';

const POLL_MS = 1000;
const POLL_FOR_MS = 60_000;

/**
 * The consolidated reports of a period (one current, and any it superseded): state, revisions, the
 * document number once signed. The office can ask for a draft now; the draft lists the units whose
 * submissions are not approved yet.
 */
export function ReportsPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [waiting, setWaiting] = useState(false);
  const periods = useLoad(() => api.get<PeriodView[]>('/periods'), []);
  const period = periods.data?.find((p) => p.id === params.get('periodId')) ?? periods.data?.[0];
  const reports = useLoad(() => (period ? api.get<ReportSummary[]>(`/reports?periodId=${period.id}`) : Promise.resolve([])), [period?.id]);
  const units = useLoad(() => api.get<UnitView[]>('/units'), []);
  const unitName = (code: string) => units.data?.find((u) => u.code === code)?.name ?? code;
  const current = reports.data?.find((r) => r.state !== 'superseded');
  const latest = current ? latestRevision(current) : null;

  const consolidate = () =>
    modal.confirm({
      title: t('reports.consolidateTitle'),
      content: t('reports.consolidateText'),
      okText: t('reports.consolidate'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        if (!period) return;
        const before = latest?.number ?? 0;
        try {
          await api.post('/reports/consolidate', { periodId: period.id });
        } catch (e) {
          return void message.error(e instanceof ApiError ? `${e.message} (${e.code})` : String(e));
        }
        // the worker composes the draft; wait for it here, with a deadline
        setWaiting(true);
        const until = Date.now() + POLL_FOR_MS;
        try {
          while (Date.now() < until) {
            const list = await reports.reload();
            const r = list?.find((x) => x.state !== 'superseded');
            const rev = r && latestRevision(r);
            if (rev && rev.number > before) return void message.success(t('reports.consolidated', { n: rev.number }));
            await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          }
          message.info(t('reports.consolidateSlow'));
        } finally {
          setWaiting(false);
        }
      },
    });

  if (periods.error) return <Alert type="error" showIcon title={periods.error.message} />;
  if (periods.data && !period) return <Empty className="page" description={t('board.noPeriod')} />;

  return (
    <div className="page" data-testid="reports-page">
      <div className="page-head">
        <h2 className="page-title">{t('reports.title')}</h2>
        <Space wrap>
          <PeriodSelect periods={periods.data} loading={periods.loading} value={period?.id} onChange={(id) => setParams({ periodId: id })} />
          {me.role === 'reviewer' && (!current || current.state === 'drafting') && (
            <Button icon={<SyncOutlined spin={waiting} />} onClick={consolidate} loading={waiting} data-testid="consolidate">
              {waiting ? t('reports.consolidating') : t('reports.consolidate')}
            </Button>
          )}
        </Space>
      </div>
      {current?.state === 'drafting' && latest && (
        latest.missingUnits.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            className="missing-units"
            data-testid="missing-units"
            title={t('reports.missing', { n: latest.number, count: latest.missingUnits.length })}
            description={
              <ul className="missing-list">
                {latest.missingUnits.map((code) => (
                  <li key={code}><span className="unit-code">{code}</span> {unitName(code)}</li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert type="success" showIcon className="missing-units" title={t('reports.complete', { n: latest.number })} />
        )
      )}
      {reports.error && <Alert type="error" showIcon title={reports.error.message} />}
      <Table<ReportSummary>
        size="middle"
        rowKey="id"
        loading={reports.loading && !waiting}
        dataSource={reports.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('reports.empty')} /> }}
        rowClassName={(r) => `report-row report-${r.state}`}
        columns={[
          {
            title: t('reports.col.report'),
            render: (_, r) => (
              <Link to={`/reports/${r.id}`}>
                <b>{t('reports.title')} {period && periodName(period, lang)}</b>
              </Link>
            ),
          },
          { title: t('common.state'), width: 190, render: (_, r) => <ReportStateTag state={r.state} /> },
          { title: t('reports.col.revisions'), width: 90, align: 'right', render: (_, r) => r.revisions.length },
          {
            title: t('reports.col.latest'),
            width: 230,
            render: (_, r) => {
              const v = latestRevision(r);
              return v && <span>{t('report.revisionAt', { n: v.number, time: formatDateTime(v.createdAt) })}</span>;
            },
          },
          {
            title: t('reports.col.document'),
            width: 220,
            render: (_, r) => r.documentNumber && <span data-testid="document-number">{documentLine(r)} · {formatDate(r.documentDate)}</span>,
          },
          {
            title: '',
            width: 150,
            align: 'right',
            render: (_, r) => {
              const toSign = me.role === 'signer' && r.state === 'awaiting_signature';
              return (
                <Link to={`/reports/${r.id}`}>
                  <Button size="small" type={toSign ? 'primary' : 'default'} data-testid="open-report">
                    {toSign ? t('reports.toSign') : t('reports.open')}
                  </Button>
                </Link>
              );
            },
          },
        ]}
      />
    </div>
  );
}
