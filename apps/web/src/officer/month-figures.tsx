import type { MonthFigureView, MonthStateView } from '@app/contracts';
import { Table, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { fmtChange, fmtFigure, fmtPct } from '../shared/format';
import { STATE_COLOR } from '../shared/state-tag';

/**
 * A longer period's form: beside what the unit types for the period, its figures of the monthly form
 * as the server computes them from its approved months (read-only), each with the rule and the months.
 */
export function MonthFigures({ figures }: { figures: MonthFigureView[] }) {
  const { t } = useI18n();
  const shown = figures.filter((f) => f.value !== null || f.cumulative !== null || f.missingMonths.length > 0);
  if (shown.length === 0) return null;
  return (
    <div className="panel month-figures" data-testid="month-figures">
      <h3>{t('months.title')}</h3>
      <p className="muted">{t('months.help')}</p>
      <Table<MonthFigureView>
        size="small"
        rowKey="indicatorCode"
        pagination={false}
        dataSource={shown}
        columns={[
          { title: t('form.col.indicator'), render: (_, f) => f.name },
          { title: t('form.col.unit'), width: 110, render: (_, f) => f.unit ?? '' },
          { title: t('months.col.rule'), width: 170, render: (_, f) => t(`months.rule.${f.aggregation}`) },
          {
            title: t('months.col.value'),
            width: 150,
            align: 'right',
            render: (_, f) =>
              f.value === null ? (
                <span className="muted">{f.missingMonths.length ? t('months.missing', { months: f.missingMonths.join(', ') }) : '—'}</span>
              ) : (
                <Tooltip title={f.months.map((m) => `${t('period.type.month')} ${m.month}: ${m.value === null ? '—' : fmtFigure(m.value, null)}`).join(' · ')}>
                  <b data-testid={`month-figure-${f.indicatorCode}`}>{fmtFigure(f.value, null)}</b>
                </Tooltip>
              ),
          },
          { title: t('form.col.cumulative'), width: 140, align: 'right', render: (_, f) => (f.cumulative === null ? '' : fmtFigure(f.cumulative, null)) },
          { title: t('form.col.planPct'), width: 90, align: 'right', render: (_, f) => fmtPct(f.planPct) },
          { title: t('form.col.samePeriodPct'), width: 110, align: 'right', render: (_, f) => fmtChange(f.samePeriodChangePct) },
          { title: t('months.col.months'), width: 110, render: (_, f) => monthsText(f.months.map((m) => m.month)) },
        ]}
      />
    </div>
  );
}

/** Above a longer period's form: where each of its months stands for the unit (only approved months count), each linked to that month's form. */
export function MonthStates({ states }: { states: MonthStateView[] }) {
  const { t } = useI18n();
  if (states.length === 0) return null;
  return (
    <p className="month-states" data-testid="month-states">
      <span className="muted">{t('months.states')}: </span>
      {states.map((m) => {
        const tag = (
          <Tag key={m.month} color={m.state ? STATE_COLOR[m.state] : undefined} data-testid="month-state" data-month={m.month} data-state={m.state ?? 'none'}>
            {t('period.type.month')} {m.month}: {m.state ? t(`state.${m.state}`) : t('months.state.none')}
          </Tag>
        );
        return m.submissionId ? <Link key={m.month} to={`/unit/submissions/${m.submissionId}`}>{tag}</Link> : tag;
      })}
    </p>
  );
}

/** "1–6", "6", "" */
function monthsText(months: number[]): string {
  if (months.length === 0) return '';
  return months.length === 1 ? String(months[0]) : `${months[0]}–${months[months.length - 1]}`;
}
