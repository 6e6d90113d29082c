import { DownloadOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Table } from 'antd';
import { Link } from 'react-router-dom';
import { api, ApiError, download } from '../api/client';
import type { PeriodView, SubmissionListItem } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { useMe } from '../session/session';
import { formatDate, formatDateTime } from '../shared/format';
import { periodName } from '../shared/period-name';
import { DeadlineText, StateTag } from '../shared/state-tag';
import { useLoad } from '../shared/use-load';

interface Row extends SubmissionListItem {
  period: PeriodView | undefined;
}

/** The unit's forms, newest period first, with what is left to do and by when. */
export function OfficerHome() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const { data, error, loading } = useLoad(async () => {
    const [periods, submissions] = await Promise.all([api.get<PeriodView[]>('/periods'), api.get<SubmissionListItem[]>('/submissions')]);
    const byId = new Map(periods.map((p) => [p.id, p]));
    return submissions
      .map((s) => ({ ...s, period: byId.get(s.periodId) }))
      .sort((a, b) => (b.period?.year ?? 0) - (a.period?.year ?? 0) || (b.period?.number ?? 0) - (a.period?.number ?? 0));
  }, []);

  const action = (s: Row) => {
    const editable = s.state === 'draft' || s.state === 'returned';
    return (
      <Link to={`/unit/submissions/${s.id}`}>
        <Button type={editable ? 'primary' : 'default'} icon={editable ? <EditOutlined /> : <EyeOutlined />} size="small">
          {s.state === 'returned' ? t('officer.home.fix') : editable ? t('officer.home.fill') : t('common.view')}
        </Button>
      </Link>
    );
  };

  const current = data?.find((s) => s.state === 'draft' || s.state === 'returned');
  // the unit's approved history, every month the system holds, in the long format of the period exports
  const months = (data ?? []).flatMap((s) => (s.period?.type === 'month' ? [`${s.period.year}-${String(s.period.number).padStart(2, '0')}`] : [])).sort();
  const exportHistory = async () => {
    try {
      await download(`/me/history.xlsx?from=${months[0]}&to=${months[months.length - 1]}`, `lich-su-${me.unit?.code ?? ''}.xlsx`);
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <div className="page" data-testid="officer-home">
      <div className="page-head">
        <h2 className="page-title">{t('officer.home.title', { unit: me.unit?.name ?? '' })}</h2>
        {months.length > 0 && (
          <Button icon={<DownloadOutlined />} onClick={() => void exportHistory()} data-testid="export-history">{t('export.history')}</Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error.message} />}
      {current?.period && (
        <Card className={`current-card ${current.state}`} size="small">
          <div className="current-card-body">
            <div>
              <div className="current-period">{periodName(current.period, lang)}</div>
              <div className="current-meta">
                <StateTag state={current.state} /> {t('common.deadline')}: <DeadlineText deadline={current.deadline} extensionReason={current.extended ? (current.extensionReason ?? '') : null} />
                <span className="muted"> · {t('common.cutoff')}: {formatDate(current.period.cutoffFrom)} – {formatDate(current.period.cutoffTo)}</span>
              </div>
            </div>
            {action(current)}
          </div>
        </Card>
      )}
      <Table<Row>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('officer.home.empty')} /> }}
        columns={[
          { title: t('common.period'), render: (_, s) => <b>{s.period ? periodName(s.period, lang) : ''}</b> },
          { title: t('common.cutoff'), render: (_, s) => (s.period ? `${formatDate(s.period.cutoffFrom)} – ${formatDate(s.period.cutoffTo)}` : '') },
          {
            title: t('common.deadline'),
            render: (_, s) => (
              <DeadlineText
                deadline={s.deadline}
                done={s.state === 'submitted' || s.state === 'approved'}
                extensionReason={s.extended ? (s.extensionReason ?? '') : null}
              />
            ),
          },
          { title: t('common.state'), dataIndex: 'state', render: (state) => <StateTag state={state} /> },
          { title: t('officer.home.submittedAt'), dataIndex: 'submittedAt', render: (v) => formatDateTime(v) },
          { title: '', align: 'right', render: (_, s) => action(s) },
        ]}
      />
    </div>
  );
}
