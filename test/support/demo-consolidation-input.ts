import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ComposeInput, cutoffWindow, defaultAggregation, exactOrNull, IndicatorRule, parseCellText, ReportTemplate } from '../../libs/domain/src';
import {
  assembleConsolidationInput,
  ConsolidationRows,
  exactPlans,
  groupFigureHistory,
  HistoryRow,
  IndicatorRow,
  PlanRow,
  UnitRow,
  ValueRow,
} from '../../libs/database/src/figures';
import type { FormFile, HistoryFile, PlansFile, UnitsFile } from '../../libs/database/src/seed/seed-types';

/**
 * The composition input of the May 2024 demo, built the way the worker builds it: the rows that
 * loadConsolidationInput's queries return once the demo is seeded (seedDemo), May is opened and every
 * unit's figures are saved through the API and approved, then handed to the worker's own assembly
 * (groupFigureHistory, exactPlans, assembleConsolidationInput). So the unit tests of the sentences and
 * of the DOCX compose from what consolidation composes from, without a database.
 */
const CONFIG = join(__dirname, '..', '..', 'config');
export const read = <T>(...path: string[]): T => JSON.parse(readFileSync(join(CONFIG, ...path), 'utf8')) as T;

interface DemoMonth {
  year: number;
  month: number;
  submissions: Array<{ unit: string; values: Array<{ indicatorCode: string; value: unknown }> }>;
}

export function readReportTemplate(): ReportTemplate {
  return read<ReportTemplate>('reports', 'ktxh-monthly-report.v2.json');
}

/** What Postgres returns for a numeric(24,6) column holding the decimal `text` ("710.83" → "710.830000"). */
export function numeric6(text: string): string {
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length > 6) throw new Error(`demo figure ${text} has more than 6 decimals`);
  return `${whole}.${fraction.padEnd(6, '0')}`;
}

/** Every indicator of a form file in form order, reported by the first of its section's units (min(u.code)), with the seed's defaults. */
export function indicatorRows(form: FormFile): IndicatorRow[] {
  return form.sections.flatMap((s) =>
    s.indicators.map((i) => ({
      code: i.code, name: i.name, unit_of_measure: i.unit ?? null, kind: i.kind, decimals: i.decimals ?? null, parent_code: i.parent ?? null,
      has_cumulative: i.hasCumulative ?? false, has_plan: i.hasPlan ?? false, plan_basis: i.planBasis ?? null,
      has_same_period: i.hasSamePeriod ?? false, compare_on: i.compareOn ?? 'value', same_period_style: i.samePeriodStyle ?? 'change',
      aggregation: i.aggregation ?? defaultAggregation(i), unit_code: [...s.units].sort()[0],
    })),
  );
}

/** What each unit typed in a month: May 2024 (the reference), a synthetic month of 2024 (config/demo/2024-MM.json), or the history. */
export function demoMonthFile(year: number, month: number): DemoMonth {
  if (year === 2024 && month === 5) return read<DemoMonth>('demo', 'may-2024.json');
  const synthetic = join(CONFIG, 'demo', `${year}-${String(month).padStart(2, '0')}.json`);
  if (existsSync(synthetic)) return JSON.parse(readFileSync(synthetic, 'utf8')) as DemoMonth;
  const history = read<HistoryFile>('demo', 'history.json').submissions.filter((h) => h.year === year && h.month === month);
  if (history.length === 0) throw new Error(`demo: no figures for ${month}/${year}`);
  return { year, month, submissions: history.map((h) => ({ unit: h.unit, values: Object.entries(h.values).map(([indicatorCode, value]) => ({ indicatorCode, value })) })) };
}

/** Every approved month of the demo data, by "year-month" → unit → code → value (as the months' submissions hold them). */
export function demoMonths(form: FormFile): Array<{ year: number; month: number; unit: string; values: Record<string, unknown> }> {
  const numeric = new Set(form.sections.flatMap((s) => s.indicators.filter((i) => i.kind !== 'text').map((i) => i.code)));
  const out: Array<{ year: number; month: number; unit: string; values: Record<string, unknown> }> = read<HistoryFile>('demo', 'history.json').submissions.map((h) => ({ ...h }));
  const later = [5, 6, 7, 8, 9, 10, 11, 12].map((m) => { try { return demoMonthFile(2024, m); } catch { return null; } }).filter((f): f is DemoMonth => f !== null);
  for (const f of later) {
    for (const s of f.submissions) out.push({ year: f.year, month: f.month, unit: s.unit, values: Object.fromEntries(s.values.filter((v) => numeric.has(v.indicatorCode)).map((v) => [v.indicatorCode, v.value])) });
  }
  return out;
}

export function demoConsolidationRows(options: { withoutNarratives?: boolean; year?: number; month?: number } = {}): ConsolidationRows {
  const form = read<FormFile>('forms', 'ktxh-monthly.v1.json');
  const units = read<UnitsFile>('demo', 'units.json');
  const plans = read<PlansFile>('demo', 'plans.json');
  const month = demoMonthFile(options.year ?? 2024, options.month ?? 5);
  const period = { type: 'month', year: month.year, number: month.month };

  const indicators = indicatorRows(form);
  const codes = new Set(indicators.map((i) => i.code));

  // the period's units, as opening it gives them a submission: the form's units in force on the cut-off day; all approved
  const day = cutoffWindow('month', period.year, period.number).to;
  const formUnits = new Set(form.sections.flatMap((s) => s.units));
  const unitRows: UnitRow[] = units.units
    .filter((u) => formUnits.has(u.code) && u.effectiveFrom <= day && (!u.effectiveTo || u.effectiveTo >= day))
    .map((u) => ({ id: `unit-${u.code}`, code: u.code, name: u.name, submission_id: `submission-${u.code}`, state: 'approved' }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const unitOf = new Map(unitRows.map((u) => [u.code, u]));

  // the month's figures as the API's save stores them: each parsed for its indicator, only the unit's own indicators
  const values: ValueRow[] = [];
  for (const s of month.submissions) {
    const unit = unitOf.get(s.unit);
    if (!unit) throw new Error(`demo: ${month.month}/${month.year} names ${s.unit}, which has no submission in the period`);
    const own = new Map(form.sections.filter((x) => x.units.includes(s.unit)).flatMap((x) => x.indicators.map((i) => [i.code, i] as const)));
    for (const v of s.values) {
      const i = own.get(v.indicatorCode);
      if (!i) throw new Error(`demo: ${s.unit} sends ${v.indicatorCode}, not on its form`);
      if (options.withoutNarratives && i.kind === 'text' && i.code.startsWith('narrative_')) continue;
      const rule: IndicatorRule = { code: i.code, name: i.name, kind: i.kind, required: false, min: null, max: null, integerOnly: false, parentCode: i.parent ?? null };
      const cell = parseCellText(rule, v.value);
      if (!cell.ok) throw new Error(`demo: ${s.unit} ${i.code}: ${cell.error.message}`);
      values.push({ submission_id: unit.submission_id, indicator_code: i.code, numeric_value: cell.numeric === null ? null : numeric6(cell.numeric), text_value: cell.text, cumulative_entered: null });
    }
  }

  // the approved history the figure-history query selects: earlier months of this year, months 1..n of last year
  const historyRows: HistoryRow[] = [];
  for (const h of demoMonths(form)) {
    const unit = unitOf.get(h.unit);
    const inWindow = (h.year === period.year && h.month < period.number) || (h.year === period.year - 1 && h.month <= period.number);
    if (!unit || !inWindow) continue;
    for (const [code, value] of Object.entries(h.values)) {
      if (!codes.has(code)) continue;
      historyRows.push({ unit_id: unit.id, year: h.year, number: h.month, indicator_code: code, numeric_value: numeric6(String(value)), cumulative_entered: null });
    }
  }
  const planRows: PlanRow[] = Object.entries(plans[String(period.year)] ?? {})
    .filter(([code]) => codes.has(code))
    .map(([code, target]) => ({ indicator_code: code, target: String(target) }));

  return {
    period,
    indicators,
    units: unitRows,
    values,
    history: groupFigureHistory(historyRows, period, exactOrNull),
    plans: exactPlans(planRows),
  };
}

/** The May 2024 composition input, through the worker's assembly (see above). */
export function demoComposeInput(template = readReportTemplate(), options: { withoutNarratives?: boolean; year?: number; month?: number } = {}): ComposeInput {
  return assembleConsolidationInput(demoConsolidationRows(options), template, null);
}
