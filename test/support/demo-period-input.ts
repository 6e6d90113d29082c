import { ComposeInput, cutoffWindow, exactOrNull, IndicatorRule, parseCellText, periodMonths, PeriodType, ReportTemplate } from '../../libs/domain/src';
import { assemblePeriodInput, exactPlans, MonthValueRow, PeriodRows, UnitRow, ValueRow } from '../../libs/database/src/figures';
import type { FormFile, PlansFile, UnitsFile } from '../../libs/database/src/seed/seed-types';
import { demoMonths, indicatorRows, numeric6, read } from './demo-consolidation-input';

export interface DemoPeriodsFile {
  year: number;
  periods: Array<{ type: PeriodType; number: number; submissions: Array<{ unit: string; values: Array<{ indicatorCode: string; value: unknown }> }> }>;
}

export const PERIOD_TEMPLATES: Record<Exclude<PeriodType, 'month'>, string> = {
  quarter: 'ktxh-quarter-report.v1.json',
  half_year: 'ktxh-half-year-report.v1.json',
  nine_months: 'ktxh-nine-months-report.v1.json',
  year: 'ktxh-year-report.v2.json',
};

/**
 * The rows a longer period's consolidation reads once the demo is seeded, its months approved and
 * the period's own form filled (config/demo/periods-2024.json) and approved — without a database,
 * for the unit tests of its composition. Months come from the demo's history and synthetic months.
 */
export function demoPeriodRows(type: Exclude<PeriodType, 'month'>, year: number, number: number, options: { own?: boolean } = {}): PeriodRows {
  const monthForm = read<FormFile>('forms', 'ktxh-monthly.v1.json');
  const periodForm = read<FormFile>('forms', 'ktxh-ky.v1.json');
  const units = read<UnitsFile>('demo', 'units.json');
  const { first, last } = periodMonths(type, number);
  const day = cutoffWindow(type, year, number).to;
  const formUnits = new Set(periodForm.sections.flatMap((s) => s.units));
  const unitRows: UnitRow[] = units.units
    .filter((u) => formUnits.has(u.code) && u.effectiveFrom <= day && (!u.effectiveTo || u.effectiveTo >= day))
    .map((u) => ({ id: `unit-${u.code}`, code: u.code, name: u.name, submission_id: `own-${u.code}`, state: 'approved' }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const periodIndicators = indicatorRows(periodForm);
  const kinds = new Map(periodIndicators.map((i) => [i.code, i.kind]));

  const own = read<DemoPeriodsFile>('demo', 'periods-2024.json').periods.find((p) => p.type === type && p.number === number && year === 2024);
  const values: ValueRow[] = [];
  for (const s of options.own === false ? [] : (own?.submissions ?? [])) {
    for (const v of s.values) {
      const rule: IndicatorRule = { code: v.indicatorCode, name: v.indicatorCode, kind: kinds.get(v.indicatorCode)!, required: false, min: null, max: null, integerOnly: false, parentCode: null };
      const cell = parseCellText(rule, v.value);
      if (!cell.ok) throw new Error(`demo: ${s.unit} ${v.indicatorCode}: ${cell.error.message}`);
      values.push({ submission_id: `own-${s.unit}`, indicator_code: v.indicatorCode, numeric_value: cell.numeric === null ? null : numeric6(cell.numeric), text_value: cell.text, cumulative_entered: null });
    }
  }

  const months: MonthValueRow[] = [];
  const opened = new Map<number, number>();
  for (const h of demoMonths(monthForm)) {
    if (!((h.year === year || h.year === year - 1) && h.month <= last)) continue;
    if (h.year === year) opened.set(h.month, (opened.get(h.month) ?? 0) + 1);
    for (const [code, value] of Object.entries(h.values)) {
      months.push({ year: h.year, number: h.month, submission_id: `m-${h.year}-${h.month}-${h.unit}`, indicator_code: code, numeric_value: numeric6(String(value)), cumulative_entered: null });
    }
  }
  const plans = { ...read<PlansFile>('demo', 'plans.json')[String(year)], ...(read<PlansFile>('demo', 'period-plans.json')[String(year)] ?? {}) };
  return {
    period: { type, year, number },
    monthIndicators: indicatorRows(monthForm),
    periodIndicators,
    units: unitRows.map((u) => (values.some((v) => v.submission_id === u.submission_id) ? u : { ...u, state: 'draft' })),
    values,
    lastYearValues: [],
    months,
    monthStatus: [...opened].filter(([m]) => m >= first).map(([m, n]) => ({ number: m, total: n, approved: n })),
    plans: exactPlans(Object.entries(plans).map(([code, target]) => ({ indicator_code: code, target: String(target) }))),
  };
}

export function demoPeriodComposeInput(type: Exclude<PeriodType, 'month'>, year: number, number: number, options: { own?: boolean } = {}): ComposeInput {
  const template = read<ReportTemplate>('reports', PERIOD_TEMPLATES[type]);
  return assemblePeriodInput(demoPeriodRows(type, year, number, options), template, null);
}

export const exact = exactOrNull;
