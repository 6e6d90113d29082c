import { ComposeInput, decOrNull, deriveFigures, FigureInput, IndicatorInfo, ReportTemplate } from '@app/domain';
import { EntityManager } from 'typeorm';
import { loadFigureHistory, loadPlans } from './period-figures';

interface IndicatorRow {
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
  unit_code: string;
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
  const indicatorRows: IndicatorRow[] = await m.query(
    `SELECT i.code, i.name, i.unit_of_measure, i.kind, i.decimals, i.parent_code, i.has_cumulative, i.has_plan, i.plan_basis,
            i.has_same_period, i.compare_on, i.same_period_style, min(u.code) AS unit_code
       FROM indicators i
       JOIN form_sections fs ON fs.id = i.section_id
       JOIN form_section_units fsu ON fsu.section_id = fs.id
       JOIN reporting_units u ON u.id = fsu.unit_id
      WHERE i.template_id = $1
      GROUP BY i.id, fs.position
      ORDER BY fs.position, i.position`,
    [period.form_template_id],
  );
  const units: Array<{ id: string; code: string; name: string; submission_id: string; state: string }> = await m.query(
    `SELECT u.id, u.code, u.name, s.id AS submission_id, s.state
       FROM submissions s JOIN reporting_units u ON u.id = s.unit_id
      WHERE s.period_id = $1 ORDER BY u.code`,
    [periodId],
  );
  const approved = units.filter((u) => u.state === 'approved');
  const values: Array<{ submission_id: string; indicator_code: string; numeric_value: string | null; text_value: string | null; cumulative_entered: string | null }> =
    await m.query(
      `SELECT submission_id, indicator_code, numeric_value, text_value, cumulative_entered FROM submission_values WHERE submission_id = ANY($1)`,
      [approved.map((u) => u.submission_id)],
    );
  const codes = indicatorRows.map((i) => i.code);
  const [history, plans] = await Promise.all([
    loadFigureHistory(m, approved.map((u) => u.id), period, codes),
    loadPlans(m, period.year, codes),
  ]);
  const indicators = new Map<string, IndicatorInfo>(
    indicatorRows.map((i) => [
      i.code,
      {
        code: i.code, unitCode: i.unit_code, name: i.name, unitOfMeasure: i.unit_of_measure, kind: i.kind, decimals: i.decimals,
        parentCode: i.parent_code, hasCumulative: i.has_cumulative, planBasis: i.plan_basis, samePeriodStyle: i.same_period_style,
      },
    ]),
  );
  const ruleOf = new Map(indicatorRows.map((i) => [i.code, i]));
  const bySubmission = new Map(approved.map((u) => [u.submission_id, u]));
  const figures = new Map<string, FigureInput>();
  for (const v of values) {
    const unit = bySubmission.get(v.submission_id)!;
    const rule = ruleOf.get(v.indicator_code);
    if (!rule) continue;
    const base: FigureInput = {
      submissionId: v.submission_id, unitCode: unit.code, value: decOrNull(v.numeric_value), text: v.text_value,
      cumulative: null, planPct: null, samePeriodChangePct: null, samePeriodRatioPct: null,
    };
    if (rule.kind !== 'text') {
      const h = history.get(unit.id)?.get(v.indicator_code);
      const d = deriveFigures({
        rule: { hasCumulative: rule.has_cumulative, hasPlan: rule.has_plan, hasSamePeriod: rule.has_same_period, compareOn: rule.compare_on },
        periodNumber: period.number,
        current: { value: base.value, enteredCumulative: decOrNull(v.cumulative_entered) },
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
