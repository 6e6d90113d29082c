/**
 * The annual report of a synthetic province (province.ts): the same 40 units × 300 indicators, with
 * twelve approved months of this year and twelve of last year (288 000 monthly figures) instead of one
 * month, and the year's report template (the province's sentences, worded for the year). The rows are
 * what loadPeriodConsolidationInput's queries return, so the bench runs the worker's own code from
 * there on (assemblePeriodInput: every figure aggregated by its rule, with the months it comes from).
 * Aggregations: a figure with a cumulative is a flow (summed), a percentage is averaged, every fifth of
 * the others a stock, the rest last reported. Deterministic: the same seed gives the same year.
 */
import type { Aggregation, ReportTemplate } from '../../libs/domain/src';
import type { IndicatorRow, MonthValueRow, PeriodRows, UnitRow, ValueRow } from '../../libs/database/src/figures';
import { exactPlans } from '../../libs/database/src/figures';
import { seededRandom } from '../../test/support/seeded-random';
import { syntheticProvince } from './province';

export interface YearProvince {
  template: ReportTemplate;
  rows: PeriodRows;
}

const YEAR = 2024;

function aggregationOf(i: IndicatorRow, k: number): Aggregation {
  if (i.kind === 'text') return 'to_date';
  if (i.has_cumulative) return 'flow';
  if (i.kind === 'percent') return 'average';
  return k % 5 === 0 ? 'stock' : 'to_date';
}

/** The monthly report's sentences said of the year: "… cả năm ước đạt {cumulative}, …". */
function yearTemplate(month: ReportTemplate): ReportTemplate {
  const sentence = (s: string) =>
    s
      .replace('trong tháng ước đạt {value}, lũy kế {months} tháng đạt {cumulative}', 'cả năm ước đạt {cumulative}')
      .replace('trong tháng đạt {value}, lũy kế đạt {cumulative}', 'cả năm đạt {cumulative}');
  return {
    ...month,
    code: 'BENCH-NAM-BC',
    periodType: 'year',
    document: { ...month.document, title: ['Tình hình kinh tế - xã hội năm {year},', 'kế hoạch năm {nextYear}'] },
    sections: month.sections.map((s) => ({
      ...s,
      heading: s.heading.replace('THÁNG {month} VÀ {months} THÁNG NĂM {year}', 'NĂM {year}'),
      statements: s.statements?.map((st) => ({ ...st, sentence: sentence(st.sentence) })),
    })),
  };
}

export function syntheticYear(seed: number): YearProvince {
  const p = syntheticProvince(seed);
  const rnd = seededRandom(seed * 104729 + 7);
  const monthIndicators = p.indicators.map((i, k) => ({ ...i, aggregation: aggregationOf(i, k) }));
  const narrative = new Set(monthIndicators.filter((i) => i.kind === 'text').map((i) => i.code));
  const byCode = new Map(monthIndicators.map((i) => [i.code, i]));
  const unitOf = new Map(p.units.map((u) => [u.submission_id, u]));
  // the year's own submissions carry the units' paragraphs; the figures are the months'
  const units: UnitRow[] = p.units.map((u) => ({ ...u, submission_id: `${u.submission_id}-year` }));
  const values: ValueRow[] = p.values.filter((v) => narrative.has(v.indicator_code)).map((v) => ({ ...v, submission_id: `${v.submission_id}-year` }));
  const months: MonthValueRow[] = [];
  for (const v of p.values) {
    const i = byCode.get(v.indicator_code)!;
    if (narrative.has(v.indicator_code) || v.numeric_value === null) continue;
    const unit = unitOf.get(v.submission_id)!;
    const may = Number(v.numeric_value);
    const d = i.decimals ?? 0;
    for (const year of [YEAR - 1, YEAR]) {
      for (let m = 1; m <= 12; m++) {
        const value = (may * (year === YEAR ? 1 : 0.93) * (0.8 + rnd() * 0.4)).toFixed(d);
        months.push({ year, number: m, submission_id: `${unit.id}-${year}-${m}`, indicator_code: i.code, numeric_value: value, cumulative_entered: null });
      }
    }
  }
  const periodIndicators = monthIndicators.filter((i) => i.kind === 'text').map((i) => ({ ...i, aggregation: 'period' as const }));
  return {
    template: yearTemplate(p.template),
    rows: {
      period: { type: 'year', year: YEAR, number: 1 },
      monthIndicators,
      periodIndicators,
      units,
      values,
      lastYearValues: [],
      months,
      monthStatus: Array.from({ length: 12 }, (_, k) => ({ number: k + 1, total: units.length, approved: units.length })),
      plans: exactPlans(p.plans),
    },
  };
}
