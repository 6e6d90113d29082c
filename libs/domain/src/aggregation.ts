import { Arithmetic, decimalJs, exact } from './arithmetic';
import { Dec } from './decimal';
import type { CompareOn } from './derived';
import { ExactValue } from './exact-decimal';
import type { PeriodMonths } from './period';

/**
 * How a longer period's figure comes from its months — declared by each indicator of the form (data):
 *   flow     the sum of its months (production, revenue, tourists): every month must be there
 *   stock    its value at the end of the period (herds, outstanding credit, enterprises operating)
 *   average  the mean of its months (an index or a rate: the period's "bình quân")
 *   to_date  the last reported figure of the period's months ("đến nay", a season so far, an index since January)
 *   period   not from the months: entered for the period by its unit in the period's own form (GRDP growth, structure)
 */
export const AGGREGATIONS = ['flow', 'stock', 'average', 'to_date', 'period'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export function isAggregation(value: unknown): value is Aggregation {
  return typeof value === 'string' && (AGGREGATIONS as readonly string[]).includes(value);
}

/** What a form that does not say assumes: a figure with a cumulative is a flow, anything else is reported to date. */
export function defaultAggregation(i: { hasCumulative?: boolean | null }): Aggregation {
  return i.hasCumulative ? 'flow' : 'to_date';
}

/** One approved month of one indicator of one unit; `ref` says where it came from (the submission). */
export interface MonthFigure<N = Dec, R = string> {
  value: N | null;
  /** the cumulative the officer typed (used where the earlier months are not in the system) */
  enteredCumulative: N | null;
  ref: R;
}

/** An aggregated figure and the months it was taken from (its provenance). */
export interface Aggregated<N> {
  value: N | null;
  months: number[];
  /** months the rule needed and did not find */
  missing: number[];
}

export interface AggregationRule {
  aggregation: Aggregation;
  hasCumulative: boolean;
  hasPlan: boolean;
  hasSamePeriod: boolean;
  compareOn: CompareOn;
}

export interface PeriodDerivationInput<N = Dec, R = string> {
  rule: AggregationRule;
  months: PeriodMonths;
  /** approved months of the period's year, by month number */
  thisYear: ReadonlyMap<number, MonthFigure<N, R>>;
  /** approved months of last year, by month number: "so với cùng kỳ" is the same rule on them */
  lastYear: ReadonlyMap<number, MonthFigure<N, R>>;
  /** `period` indicators: the figure entered for this period, and for last year's same period */
  entered?: N | null;
  enteredLastYear?: N | null;
  annualPlan: N | null;
}

export interface PeriodFigures<N = Dec> {
  /** the period's figure by the indicator's rule */
  value: N | null;
  valueMonths: number[];
  /** since January (flows with a cumulative): months 1 … last */
  cumulative: N | null;
  cumulativeMonths: number[];
  cumulativeSource: 'computed' | 'entered' | null;
  planPct: N | null;
  samePeriodChangePct: N | null;
  samePeriodRatioPct: N | null;
  samePeriodBase: N | null;
  /** the months % of plan and % vs same period were taken on */
  basisMonths: number[];
  /** months of the period the rule needed and did not find */
  missingMonths: number[];
}

function range(first: number, last: number): number[] {
  const out: number[] = [];
  for (let m = first; m <= last; m++) out.push(m);
  return out;
}

/** The period's figure from its months, by the rule. Pure; exact in both arithmetics. */
export function aggregateWith<N, R>(ops: Arithmetic<N>, aggregation: Aggregation, months: PeriodMonths, figures: ReadonlyMap<number, MonthFigure<N, R>>): Aggregated<N> {
  const { first, last } = months;
  const valueOf = (m: number) => figures.get(m)?.value ?? null;
  switch (aggregation) {
    case 'flow':
    case 'average': {
      // one pass: the sum so far, or the months that are missing
      let sum: N | null = null;
      let missing: number[] | null = null;
      for (let m = first; m <= last; m++) {
        const v = valueOf(m);
        if (v === null) (missing ??= []).push(m);
        else if (!missing) sum = sum === null ? v : ops.plus(sum, v);
      }
      if (missing) return { value: null, months: [], missing };
      const all = range(first, last);
      return { value: aggregation === 'flow' ? (sum as N) : ops.divideBy(sum as N, all.length), months: all, missing: [] };
    }
    case 'stock': {
      const v = valueOf(last);
      return v === null ? { value: null, months: [], missing: [last] } : { value: v, months: [last], missing: [] };
    }
    case 'to_date': {
      for (let m = last; m >= first; m--) {
        const v = valueOf(m);
        if (v !== null) return { value: v, months: [m], missing: [] };
      }
      return { value: null, months: [], missing: range(first, last) };
    }
    case 'period':
      return { value: null, months: [], missing: [] };
  }
}

/** Since January: the sum of months 1 … last, else the cumulative typed with the last month. */
function cumulativeWith<N, R>(ops: Arithmetic<N>, last: number, figures: ReadonlyMap<number, MonthFigure<N, R>>) {
  const computed = aggregateWith(ops, 'flow', { first: 1, last }, figures);
  if (computed.value !== null) return { value: computed.value, months: computed.months, source: 'computed' as const };
  const entered = figures.get(last)?.enteredCumulative ?? null;
  if (entered !== null) return { value: entered, months: [last], source: 'entered' as const };
  return { value: null, months: [] as number[], source: null };
}

/**
 * The figures of a longer period (quarter, six months, nine months, year) of one indicator of one
 * unit: its value by the indicator's rule, the cumulative since January, and % of the annual plan
 * and % vs the same period — the same rule applied to last year's months. For a month (first =
 * last) it gives what `deriveFigures` gives for the approved month.
 */
export function derivePeriodFiguresWith<N, R>(ops: Arithmetic<N>, input: PeriodDerivationInput<N, R>): PeriodFigures<N> {
  const { rule, months } = input;
  const isPeriod = rule.aggregation === 'period';
  const value = isPeriod
    ? { value: input.entered ?? null, months: [] as number[], missing: [] as number[] }
    : aggregateWith(ops, rule.aggregation, months, input.thisYear);
  // a flow over a period that starts in January is its own cumulative: not summed twice
  const sameAsValue = rule.aggregation === 'flow' && months.first === 1 && value.value !== null;
  const cumulative = !rule.hasCumulative || isPeriod
    ? { value: null, months: [] as number[], source: null }
    : sameAsValue ? { value: value.value, months: value.months, source: 'computed' as const } : cumulativeWith(ops, months.last, input.thisYear);
  const onCumulative = rule.hasCumulative && rule.compareOn === 'cumulative' && !isPeriod;
  const basis = onCumulative ? cumulative.value : value.value;
  const pct = (part: N | null, whole: N | null) => (part === null || whole === null ? null : ops.percentOf(part, whole));
  const planPct = rule.hasPlan ? pct(basis, input.annualPlan) : null;

  let samePeriodBase: N | null = null;
  if (rule.hasSamePeriod) {
    if (isPeriod) samePeriodBase = input.enteredLastYear ?? null;
    else if (onCumulative) samePeriodBase = cumulativeWith(ops, months.last, input.lastYear).value;
    else samePeriodBase = aggregateWith(ops, rule.aggregation, months, input.lastYear).value;
  }
  const samePeriodRatioPct = rule.hasSamePeriod ? pct(basis, samePeriodBase) : null;
  return {
    value: value.value,
    valueMonths: value.months,
    cumulative: cumulative.value,
    cumulativeMonths: cumulative.months,
    cumulativeSource: cumulative.source,
    planPct,
    samePeriodChangePct: samePeriodRatioPct === null ? null : ops.lessHundred(samePeriodRatioPct),
    samePeriodRatioPct,
    samePeriodBase,
    basisMonths: onCumulative ? cumulative.months : value.months,
    missingMonths: value.missing,
  };
}

/** With decimal.js: the API's view of a longer period's form. */
export function derivePeriodFigures<R>(input: PeriodDerivationInput<Dec, R>): PeriodFigures<Dec> {
  return derivePeriodFiguresWith(decimalJs, input);
}

/** With exact figures: what consolidation derives a year of a province with. */
export function deriveExactPeriodFigures<R>(input: PeriodDerivationInput<ExactValue, R>): PeriodFigures<ExactValue> {
  return derivePeriodFiguresWith(exact, input);
}
