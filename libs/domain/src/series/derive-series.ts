import { Dec } from '../decimal';
import { DerivationInput, DerivationRule, deriveExactFigures, deriveFigures, DerivedFigures, PeriodFigure } from '../derived';
import type { ExactValue } from '../exact-decimal';
import { monthsBetween, YearMonth } from './month-range';

/** One unit's approved figure of one month, with what it came from. */
export interface ApprovedFigure<S, N = Dec> extends PeriodFigure<N> {
  year: number;
  month: number;
  source: S;
}

export interface SeriesPoint<S, N = Dec> extends YearMonth {
  /** null: the unit has no approved submission with this figure for the month */
  value: N | null;
  derived: DerivedFigures<N> | null;
  plan: N | null;
  source: S | null;
}

/**
 * One unit's monthly series of one indicator: for each month from `from` to `to`, the approved
 * figure and what the submission view derives from it — cumulative, % of plan, % vs the same period —
 * by the same `deriveFigures`, on the same basis (the approved figures of the earlier months of the
 * year and of last year's months, and the year's plan). `figures` must hold the approved figures of
 * January of the year before `from` up to `to`, so every point has its whole basis.
 */
export function deriveSeries<S>(
  rule: DerivationRule,
  figures: ReadonlyArray<ApprovedFigure<S>>,
  plans: ReadonlyMap<number, Dec>,
  from: YearMonth,
  to: YearMonth,
): Array<SeriesPoint<S>> {
  return seriesWith(deriveFigures, rule, figures, plans, from, to);
}

/**
 * The same on exact figures (exact-decimal.ts, as consolidation derives them: the same rules,
 * checked against decimal.js by exact-decimal.spec.ts), for series of many units and months.
 */
export function deriveExactSeries<S>(
  rule: DerivationRule,
  figures: ReadonlyArray<ApprovedFigure<S, ExactValue>>,
  plans: ReadonlyMap<number, ExactValue>,
  from: YearMonth,
  to: YearMonth,
): Array<SeriesPoint<S, ExactValue>> {
  return seriesWith(deriveExactFigures, rule, figures, plans, from, to);
}

function seriesWith<S, N>(
  derive: (input: DerivationInput<N>) => DerivedFigures<N>,
  rule: DerivationRule,
  figures: ReadonlyArray<ApprovedFigure<S, N>>,
  plans: ReadonlyMap<number, N>,
  from: YearMonth,
  to: YearMonth,
): Array<SeriesPoint<S, N>> {
  const byYear = new Map<number, Map<number, ApprovedFigure<S, N>>>();
  for (const f of figures) {
    let year = byYear.get(f.year);
    if (!year) byYear.set(f.year, (year = new Map()));
    year.set(f.month, f);
  }
  const none = new Map<number, PeriodFigure<N>>();
  return monthsBetween(from, to).map(({ year, month }) => {
    const plan = plans.get(year) ?? null;
    const current = byYear.get(year)?.get(month);
    if (!current) return { year, month, value: null, derived: null, plan, source: null };
    // the whole year's months: the rules read months 1 … n−1 of this year (n being the current one)
    // and 1 … n of last year only, as the submission view's history holds them
    const derived = derive({ rule, periodNumber: month, current, earlier: byYear.get(year) ?? none, lastYear: byYear.get(year - 1) ?? none, annualPlan: plan });
    return { year, month, value: current.value, derived, plan, source: current.source };
  });
}
