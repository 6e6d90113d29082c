import { Alert, Button, Empty, Segmented, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { PeriodView, SubmissionListItem } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useMe } from '../session/session';
import { formatDate, formatDateTime } from '../shared/format';
import { periodName } from '../shared/period-name';
import { DeadlineText, StateTag } from '../shared/state-tag';
import { useLoad } from '../shared/use-load';
import { BoardFilter, boardOrder, matches, timeliness } from './board-model';

function Timeliness({ s, deadline }: { s: SubmissionListItem; deadline: string }) {
  const { t } = useI18n();
  const k = timeliness(s, deadline);
  if (k.kind === 'onTime') return <Tag color="green">{t('board.onTime')}</Tag>;
  if (k.kind === 'late') return <Tag color="orange">{t('board.late', { n: k.days })}</Tag>;
  if (k.kind === 'overdue') return <Tag color="red">{t('board.overdue')}</Tag>;
  return <span className="muted">{t('board.notYet')}</span>;
}

/** Every unit of a period: state, when it was submitted, on time or late, and the last action on it. */
export function PeriodBoard() {
  const { t, lang } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { periodId } = useParams();
  const [filter, setFilter] = useState<BoardFilter>('all');
  const periods = useLoad(() => api.get<PeriodView[]>('/periods'), []);
  const period = periods.data?.find((p) => p.id === periodId) ?? periods.data?.[0];
  const list = useLoad(
    () => (period ? api.get<SubmissionListItem[]>(`/submissions?periodId=${period.id}`) : Promise.resolve([])),
    [period?.id],
  );
  const rows = useMemo(() => [...(list.data ?? [])].sort(boardOrder), [list.data]);
  const shown = period ? rows.filter((s) => matches(s, filter, period.deadline)) : [];
  const late = period ? rows.filter((s) => matches(s, 'late', period.deadline)).length : 0;

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
          <Select
            style={{ width: 180 }}
            value={period?.id}
            loading={periods.loading}
            onChange={(id) => navigate(`/board/${id}`)}
            options={(periods.data ?? []).map((p) => ({ value: p.id, label: periodName(p, lang) }))}
            data-testid="period-select"
          />
          {period && (
            <span className="muted">
              {t('common.deadline')}: <DeadlineText deadline={period.deadline} done={c?.draft === 0 && c?.returned === 0} /> · {t('common.cutoff')}{' '}
              {formatDate(period.cutoffFrom)} – {formatDate(period.cutoffTo)}
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
          { title: t('board.submittedAt'), width: 140, render: (_, s) => formatDateTime(s.submittedAt) },
          { title: t('board.timeliness'), width: 120, render: (_, s) => period && <Timeliness s={s} deadline={period.deadline} /> },
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
