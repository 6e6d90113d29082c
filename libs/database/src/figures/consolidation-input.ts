import type { ValueStatus } from '@app/domain';
import { Aggregation, ComposeInput, deriveExactFigures, ExactValue, exactOrNull, FigureInput, IndicatorInfo, ReportTemplate } from '@app/domain';
import { EntityManager } from 'typeorm';
import { FigureHistory, findHistorySubmissionIds, loadExactFigureHistory, loadExactPlans, planDay, submissionIdsOf } from './period-figures';
import { findRevisedFiguresOf, RevisedMonthRow } from '../repositories/figure-revisions.repository';
import { revisionsByFigure } from './period-assembly';
import { loadPeriodConsolidationInput, periodLastDay, queryFormIndicators, queryPeriodUnits } from './period-input';

export interface IndicatorRow {
  code: string;
  name: string;
  unit_of_measure: string | null;
  kind: 'number' | 'percent' | 'text';
  decimals: number | null;
  parent_code: string | null;
  has_cumulative: boolean;
  has_plan: boolean;
  plan_basis: string | null;
  has_same_period: boolean;
  compare_on: 'value' | 'cumulative';
  same_period_style: 'change' | 'ratio';
  /** how a longer period's figure comes from the months */
  aggregation: Aggregation;
  unit_code: string;
}

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  submission_id: string;
  state: string;
}

export interface ValueRow {
  submission_id: string;
  indicator_code: string;
  numeric_value: string | null;
  text_value: string | null;
  cumulative_entered: string | null;
  /** ước / sơ bộ / chính thức, where stated */
  status?: ValueStatus | null;
}

/** What loadConsolidationInput reads, as the queries return it. */
export interface ConsolidationRows {
  period: { type: string; year: number; number: number };
  /** every indicator of the form, in form order, with the unit that reports it */
  indicators: IndicatorRow[];
  /** the period's required units, with their submission and its state */
  units: UnitRow[];
  /** the values of the approved submissions */
  values: ValueRow[];
  /** loadExactFigureHistory of the approved units */
  history: Map<string, FigureHistory<ExactValue>>;
  /** annual plans by indicator code (loadExactPlans) */
  plans: Map<string, ExactValue>;
  /** the approved submissions' figures that a later version (an official figure) replaced */
  revised?: RevisedMonthRow[];
}

/**
 * What consolidation composes from: the period's required units, and the figures of its APPROVED
 * submissions only (with cumulatives, % of plan and % vs the same period derived as the
 * submission view derives them). Read inside the consolidation transaction.
 */
export async function loadConsolidationInput(
  m: EntityManager,
  periodId: string,
  template: ReportTemplate,
  signerName: string | null,
): Promise<ComposeInput & { submissionIds: string[] }> {
  const [period] = await m.query(`SELECT id, type, year, number, form_template_id FROM periods WHERE id = $1`, [periodId]);
  // a quarter, six months, nine months, a year: from the approved months, by each indicator's rule
  if (period.type !== 'month') return loadPeriodConsolidationInput(m, period, template, signerName);
  const indicators = await queryFormIndicators(m, period.form_template_id, await periodLastDay(m, periodId));
  const units = await queryPeriodUnits(m, periodId);
  const approved = units.filter((u) => u.state === 'approved');
  const values: ValueRow[] = await m.query(
    `SELECT submission_id, indicator_code, numeric_value, text_value, cumulative_entered, status FROM submission_values WHERE submission_id = ANY($1)`,
    [approved.map((u) => u.submission_id)],
  );
  const codes = indicators.map((i) => i.code);
  const history = await loadExactFigureHistory(m, approved.map((u) => u.id), period, codes);
  const plans = await loadExactPlans(m, period.year, codes, planDay(period));
  const revised = await findRevisedFiguresOf(m, approved.map((u) => u.submission_id));
  const historySubmissions = await findHistorySubmissionIds(m, approved.map((u) => u.id), period);
  const input = assembleConsolidationInput({ period, indicators, units, values, history, plans, revised }, template, signerName);
  // the earlier months' cumulatives and last year's figures are sources too: the units' own approved
  // submissions of those months, and a predecessor's whose figures a successor carries (restructuring)
  return { ...input, submissionIds: [...new Set([...input.submissionIds, ...historySubmissions, ...submissionIdsOf(history)])] };
}

/** The compose input from the rows: derives each approved figure (pure; the consolidation bench runs it too). */
export function assembleConsolidationInput(
  rows: ConsolidationRows,
  template: ReportTemplate,
  signerName: string | null,
): ComposeInput & { submissionIds: string[] } {
  const { period, units, history, plans } = rows;
  const approved = units.filter((u) => u.state === 'approved');
  const indicators = new Map<string, IndicatorInfo>(
    rows.indicators.map((i) => [
      i.code,
      {
        code: i.code, unitCode: i.unit_code, name: i.name, unitOfMeasure: i.unit_of_measure, kind: i.kind, decimals: i.decimals,
        parentCode: i.parent_code, hasCumulative: i.has_cumulative, planBasis: i.plan_basis, samePeriodStyle: i.same_period_style,
      },
    ]),
  );
  const ruleOf = new Map(rows.indicators.map((i) => [i.code, i]));
  const bySubmission = new Map(approved.map((u) => [u.submission_id, u]));
  const figures = new Map<string, FigureInput>();
  const revised = revisionsByFigure(rows.revised);
  for (const v of rows.values) {
    const unit = bySubmission.get(v.submission_id);
    const rule = ruleOf.get(v.indicator_code);
    if (!unit || !rule) continue;
    const base: FigureInput = {
      submissionId: v.submission_id, unitCode: unit.code, value: exactOrNull(v.numeric_value), text: v.text_value,
      cumulative: null, planPct: null, samePeriodChangePct: null, samePeriodRatioPct: null,
    };
    if (v.status) base.status = v.status;
    const r = revised.size ? revised.get(`${v.submission_id}:${v.indicator_code}`) : undefined;
    if (r) base.revised = r;
    if (rule.kind !== 'text') {
      const h = history.get(unit.id)?.get(v.indicator_code);
      const d = deriveExactFigures({
        rule: { hasCumulative: rule.has_cumulative, hasPlan: rule.has_plan, hasSamePeriod: rule.has_same_period, compareOn: rule.compare_on },
        periodNumber: period.number,
        current: { value: base.value as ExactValue | null, enteredCumulative: exactOrNull(v.cumulative_entered) },
        earlier: h?.earlier ?? new Map(),
        lastYear: h?.lastYear ?? new Map(),
        annualPlan: plans.get(v.indicator_code) ?? null,
      });
      Object.assign(base, { cumulative: d.cumulative, planPct: d.planPct, samePeriodChangePct: d.samePeriodChangePct, samePeriodRatioPct: d.samePeriodRatioPct });
    }
    figures.set(v.indicator_code, base);
  }
  return {
    template,
    period: { year: period.year, month: period.number },
    indicators,
    figures,
    units: units.map((u) => ({ code: u.code, name: u.name, approved: u.state === 'approved' })),
    signerName,
    submissionIds: approved.map((u) => u.submission_id),
  };
}
