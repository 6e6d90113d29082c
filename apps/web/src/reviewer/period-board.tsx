import { Alert, Button, Empty, Segmented, Space, Table, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { Completeness, CompletenessUnit, PeriodView, SubmissionListItem } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { useMe } from '../session/session';
import { formatDate, formatDateTime } from '../shared/format';
import { PeriodSelect } from '../shared/period-select';
import { DeadlineText, StateTag } from '../shared/state-tag';
import { useLoad } from '../shared/use-load';
import { BoardFilter, boardOrder, matches, timeliness } from './board-model';

function Timeliness({ c, today }: { c: CompletenessUnit | undefined; today: string | undefined }) {
  const { t } = useI18n();
  const k = timeliness(c, today);
  const tag = (color: string, text: string) => <Tag color={color} data-testid="timeliness" data-kind={k.kind}>{text}</Tag>;
  if (k.kind === 'onTime') return tag('green', t('board.onTime'));
  if (k.kind === 'late') return tag('orange', t('board.late', { n: k.days }));
  if (k.kind === 'overdue') return tag('red', t('board.overdueDays', { n: k.days }));
  if (k.kind === 'pending') return <span className="muted" data-testid="timeliness" data-kind="pending">{t('board.notYet')}</span>;
  return null;
}

/** The unit's own deadline; an extension is marked, its reason on hover. */
function UnitDeadline({ c }: { c: CompletenessUnit | undefined }) {
  const { t } = useI18n();
  if (!c) return null;
  if (!c.extended) return <span className="num-date">{formatDate(c.deadline)}</span>;
  return (
    <Tooltip title={t('board.extendedTip', { date: formatDate(c.deadline), reason: c.extensionReason ?? '' })}>
      <span className="num-date extended-deadline" data-testid="extended-deadline">
        {formatDate(c.deadline)} <Tag color="purple">{t('board.extended')}</Tag>
      </span>
    </Tooltip>
  );
}

/**
 * Every unit of a period: state, its own deadline, when it was submitted, on time or late (as the
 * server judged it, on its clock), and the last action on it.
 */
export function PeriodBoard() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { periodId } = useParams();
  const [filter, setFilter] = useState<BoardFilter>('all');
  const periods = useLoad(() => api.get<PeriodView[]>('/periods'), []);
  const period = periods.data?.find((p) => p.id === periodId) ?? periods.data?.[0];
  const list = useLoad(async () => {
    if (!period) return { submissions: [] as SubmissionListItem[], completeness: null };
    const [submissions, completeness] = await Promise.all([
      api.get<SubmissionListItem[]>(`/submissions?periodId=${period.id}`),
      api.get<Completeness>(`/periods/${period.id}/completeness`),
    ]);
    return { submissions, completeness };
  }, [period?.id]);
  const completeness = list.data?.completeness ?? null;
  const byUnit = useMemo(() => new Map((completeness?.units ?? []).map((u) => [u.unitId, u])), [completeness]);
  const rows = useMemo(() => [...(list.data?.submissions ?? [])].sort(boardOrder), [list.data]);
  const shown = rows.filter((s) => matches(s, filter, byUnit.get(s.unitId)));
  const late = completeness ? completeness.totals.late + completeness.totals.overdue : 0;
  const today = completeness?.today;

  if (periods.error) return <Alert type="error" showIcon title={periods.error.message} />;
  if (periods.data && !period) return <Empty className="page" description={t('board.noPeriod')} />;

  const c = period?.submissions;
  const count = (label: string, n: number | undefined) => (
    <span>
      {label} <b>{n ?? 0}</b>
    </span>
  );
  return (
    <div className="page" data-testid="period-board">
      <div className="page-head">
        <h2 className="page-title">{t('board.title')}</h2>
        <Space wrap>
          <PeriodSelect periods={periods.data} loading={periods.loading} value={period?.id} onChange={(id) => navigate(`/board/${id}`)} />
          {period && (
            <span className="muted">
              {t('common.deadline')}:{' '}
              {today ? <DeadlineText deadline={period.deadline} done={c?.draft === 0 && c?.returned === 0} now={new Date(`${today}T12:00:00`)} /> : formatDate(period.deadline)} ·{' '}
              {t('common.cutoff')} {formatDate(period.cutoffFrom)} – {formatDate(period.cutoffTo)}
              {today && <span data-testid="server-today"> · {t('common.today', { date: formatDate(today) })}</span>}
            </span>
          )}
        </Space>
      </div>
      <Segmented<BoardFilter>
        value={filter}
        onChange={setFilter}
        className="board-filter"
        options={[
          { value: 'all', label: count(t('board.all'), c?.total) },
          { value: 'submitted', label: count(t('board.waiting'), c?.submitted) },
          { value: 'returned', label: count(t('state.returned'), c?.returned) },
          { value: 'draft', label: count(t('state.draft'), c?.draft) },
          { value: 'approved', label: count(t('state.approved'), c?.approved) },
          { value: 'late', label: count(t('board.lateFilter'), late) },
        ]}
      />
      <Table<SubmissionListItem>
        size="small"
        rowKey="id"
        loading={list.loading || periods.loading}
        dataSource={shown}
        locale={list.loading || periods.loading ? { emptyText: ' ' } : undefined}
        pagination={false}
        sticky={{ offsetHeader: 52 }}
        tableLayout="fixed"
        rowClassName={(s) => `board-row board-${s.state}`}
        onRow={(s) => ({ onDoubleClick: () => navigate(`/review/${s.id}`) })}
        columns={[
          { title: t('common.unit'), render: (_, s) => (<span><span className="unit-code">{s.unitCode}</span> {s.unitName}</span>) },
          { title: t('common.state'), width: 175, render: (_, s) => <StateTag state={s.state} /> },
          { title: t('board.ownDeadline'), width: 160, render: (_, s) => <UnitDeadline c={byUnit.get(s.unitId)} /> },
          { title: t('board.submittedAt'), width: 140, render: (_, s) => formatDateTime(s.submittedAt) },
          { title: t('board.timeliness'), width: 130, render: (_, s) => <Timeliness c={byUnit.get(s.unitId)} today={today} /> },
          {
            title: t('board.lastAction'),
            width: 280,
            render: (_, s) =>
              s.lastAction && (
                <div className="last-action">
                  <div>
                    <b>{t(`action.${s.lastAction.action}`)}</b> · {formatDateTime(s.lastAction.at)}
                  </div>
                  <div className="muted ellipsis" title={s.lastAction.actorName}>{s.lastAction.actorName}</div>
                </div>
              ),
          },
          {
            title: '',
            width: 140,
            align: 'right',
            render: (_, s) => (
              <Link to={`/review/${s.id}`}>
                <Button size="small" type={s.state === 'submitted' && me.role === 'reviewer' ? 'primary' : 'default'} data-testid={`open-${s.unitCode}`}>
                  {s.state === 'submitted' && me.role === 'reviewer' ? t('review.title') : t('common.view')}
                </Button>
              </Link>
            ),
          },
        ]}
      />
    </div>
  );
}
