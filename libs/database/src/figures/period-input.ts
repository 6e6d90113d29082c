import type { PeriodType, ReportTemplate, SubmissionState } from '@app/domain';
import { ComposeInput, periodMonths } from '@app/domain';
import { EntityManager } from 'typeorm';
import type { Queryable } from '../repositories/queryable';
import type { IndicatorRow, UnitRow, ValueRow } from './consolidation-input';
import { assemblePeriodInput, MonthStatusRow, MonthValueRow } from './period-assembly';
import { lineageHistoryRows, loadExactPlans, planDay } from './period-figures';
import { findRevisedFiguresOf, findRevisedMonths } from '../repositories/figure-revisions.repository';
import { indicatorHoldersOn, loadIndicatorTransfers } from '../repositories/units.repository';

/**
 * Every indicator of a form, in form order, with the unit that reports it on `day` (the first of
 * its section's units, or the successor that took it over in a restructuring in force that day).
 */
export async function queryFormIndicators(m: EntityManager, templateId: string, day: string): Promise<IndicatorRow[]> {
  const rows: IndicatorRow[] = await m.query(
    `SELECT i.code, i.name, i.unit_of_measure, i.kind, i.decimals, i.parent_code, i.has_cumulative, i.has_plan, i.plan_basis,
            i.has_same_period, i.compare_on, i.same_period_style, i.aggregation, min(u.code) AS unit_code
       FROM indicators i
       JOIN form_sections fs ON fs.id = i.section_id
       JOIN form_section_units fsu ON fsu.section_id = fs.id
       JOIN reporting_units u ON u.id = fsu.unit_id
      WHERE i.template_id = $1
      GROUP BY i.id, fs.position
      ORDER BY fs.position, i.position`,
    [templateId],
  );
  if ((await loadIndicatorTransfers(m)).length === 0) return rows;
  const holders = await indicatorHoldersOn(m, [templateId], day);
  const codeOf = new Map<string, string>(
    ((await m.query(`SELECT id, code FROM reporting_units WHERE id = ANY($1)`, [[...new Set([...holders.values()].flatMap((h) => [...h]))]])) as Array<{ id: string; code: string }>).map((u) => [u.id, u.code]),
  );
  for (const r of rows) {
    const codes = [...(holders.get(r.code) ?? [])].map((id) => codeOf.get(id)!).sort();
    if (codes.length) r.unit_code = codes[0];
  }
  return rows;
}

/** The period's units, with their submission and its state, by unit code. */
export function queryPeriodUnits(m: EntityManager, periodId: string): Promise<UnitRow[]> {
  return m.query(
    `SELECT u.id, u.code, u.name, s.id AS submission_id, s.state
       FROM submissions s JOIN reporting_units u ON u.id = s.unit_id
      WHERE s.period_id = $1 ORDER BY u.code`,
    [periodId],
  );
}

/**
 * The form the months of the period were filled on: that of the period's latest opened month, else
 * the newest monthly form. Its indicators say how each figure aggregates.
 */
export async function monthlyFormOf(m: Queryable, year: number, lastMonth: number): Promise<string | null> {
  const [row]: Array<{ id: string | null }> = await m.query(
    `SELECT coalesce(
       (SELECT form_template_id FROM periods WHERE type = 'month' AND year = $1 AND number <= $2 ORDER BY number DESC LIMIT 1),
       (SELECT id FROM form_templates WHERE 'month' = ANY(period_types) ORDER BY version DESC, created_at DESC LIMIT 1)) AS id`,
    [year, lastMonth],
  );
  return row?.id ?? null;
}

/**
 * What the consolidation of a quarter, six months, nine months or a year composes from: the APPROVED
 * months of this year and last (months 1 … the period's last), the period's own approved
 * submissions, last year's same period's, and the plans. Read inside the consolidation transaction.
 */
export async function loadPeriodConsolidationInput(
  m: EntityManager,
  period: { id: string; type: PeriodType; year: number; number: number; form_template_id: string },
  template: ReportTemplate,
  signerName: string | null,
): Promise<ComposeInput & { submissionIds: string[] }> {
  const { first, last } = periodMonths(period.type, period.number);
  const monthlyForm = await monthlyFormOf(m, period.year, last);
  // one after the other: they share the transaction's one connection
  const day = await periodLastDay(m, period.id);
  const monthIndicators = monthlyForm ? await queryFormIndicators(m, monthlyForm, day) : [];
  const periodIndicators = await queryFormIndicators(m, period.form_template_id, day);
  const units = await queryPeriodUnits(m, period.id);
  const approved = units.filter((u) => u.state === 'approved').map((u) => u.submission_id);
  const numericCodes = monthIndicators.filter((i) => i.kind !== 'text').map((i) => i.code);
  const values: ValueRow[] = await m.query(
    `SELECT submission_id, indicator_code, numeric_value, text_value, cumulative_entered, status FROM submission_values WHERE submission_id = ANY($1)`,
    [approved],
  );
  const lastYearValues: Array<{ indicator_code: string; numeric_value: string | null }> = await m.query(
    `SELECT v.indicator_code, v.numeric_value
       FROM periods p JOIN submissions s ON s.period_id = p.id AND s.state = 'approved'
       JOIN submission_values v ON v.submission_id = s.id
      WHERE p.type = $1 AND p.year = $2 - 1 AND p.number = $3 AND v.numeric_value IS NOT NULL`,
    [period.type, period.year, period.number],
  );
  const months: MonthValueRow[] = await m.query(
    `SELECT p.year, p.number, s.id AS submission_id, v.indicator_code, v.numeric_value, v.cumulative_entered, v.status
       FROM periods p
       JOIN submissions s ON s.period_id = p.id AND s.state = 'approved'
       JOIN submission_values v ON v.submission_id = s.id
      WHERE p.type = 'month' AND p.year IN ($1, $1 - 1) AND p.number <= $2 AND v.indicator_code = ANY($3)`,
    [period.year, last, numericCodes],
  );
  const monthStatus: MonthStatusRow[] = await m.query(
    `SELECT p.number, count(s.id)::int AS total, count(*) FILTER (WHERE s.state = 'approved')::int AS approved
       FROM periods p LEFT JOIN submissions s ON s.period_id = p.id
      WHERE p.type = 'month' AND p.year = $1 AND p.number BETWEEN $2 AND $3 GROUP BY p.number`,
    [period.year, first, last],
  );
  const plans = await loadExactPlans(m, period.year, [...numericCodes, ...periodIndicators.map((i) => i.code)], planDay(period));
  // official figures that replaced estimates: of this year's months, and of the period's own submissions
  const revised = [...(await findRevisedMonths(m, [period.year], last)), ...(await findRevisedFiguresOf(m, approved))];
  return assemblePeriodInput(
    { period: { type: period.type, year: period.year, number: period.number }, monthIndicators, periodIndicators, units, values, lastYearValues, months, monthStatus, plans, revised },
    template,
    signerName,
  );
}

/**
 * One unit's approved months of this year and last, months 1 … `lastMonth`, for the given
 * indicators; with, for the indicators it took over in a restructuring, its predecessors' months
 * before the transfer.
 */
export async function loadUnitMonthFigures(db: Queryable, unitId: string, year: number, lastMonth: number, codes: string[]): Promise<MonthValueRow[]> {
  const own: MonthValueRow[] = await db.query(
    `SELECT p.year, p.number, s.id AS submission_id, v.indicator_code, v.numeric_value, v.cumulative_entered
       FROM periods p
       JOIN submissions s ON s.period_id = p.id AND s.state = 'approved' AND s.unit_id = $1
       JOIN submission_values v ON v.submission_id = s.id
      WHERE p.type = 'month' AND p.year IN ($2, $2 - 1) AND p.number <= $3 AND v.indicator_code = ANY($4)`,
    [unitId, year, lastMonth, codes],
  );
  // the history window of month lastMonth + 1: this year's months up to lastMonth, last year's up to lastMonth + 1
  const inherited = (await lineageHistoryRows(db, [unitId], { type: 'month', year, number: lastMonth + 1 }, codes))
    .filter((r) => r.year === year || r.number <= lastMonth)
    .map((r) => ({ year: r.year, number: r.number, submission_id: r.submission_id!, indicator_code: r.indicator_code, numeric_value: r.numeric_value, cumulative_entered: r.cumulative_entered }));
  return [...inherited, ...own];
}

/** One unit's monthly submissions of months `first` … `last` of a year: each month opened, with its state. */
export async function findUnitMonthStates(db: Queryable, unitId: string, year: number, first: number, last: number): Promise<Array<{ month: number; state: SubmissionState; submissionId: string }>> {
  return db.query(
    `SELECT p.number AS month, s.state, s.id AS "submissionId"
       FROM periods p JOIN submissions s ON s.period_id = p.id AND s.unit_id = $1
      WHERE p.type = 'month' AND p.year = $2 AND p.number BETWEEN $3 AND $4 ORDER BY p.number`,
    [unitId, year, first, last],
  );
}

/** The period's last day (its cutoff's end), as text. */
export async function periodLastDay(m: Queryable, periodId: string): Promise<string> {
  const [row]: Array<{ day: string }> = await m.query(`SELECT cutoff_to::text AS day FROM periods WHERE id = $1`, [periodId]);
  return row.day;
}
