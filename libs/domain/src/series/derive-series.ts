import { Dec } from '../decimal';
import { DerivationRule, deriveFigures, DerivedFigures, PeriodFigure } from '../derived';
import { monthsBetween, YearMonth } from './month-range';

/** One unit's approved figure of one month, with what it came from. */
export interface ApprovedFigure<S> extends PeriodFigure<Dec> {
  year: number;
  month: number;
  source: S;
}

export interface SeriesPoint<S> extends YearMonth {
  /** null: the unit has no approved submission with this figure for the month */
  value: Dec | null;
  derived: DerivedFigures<Dec> | null;
  plan: Dec | null;
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
  const byYear = new Map<number, Map<number, ApprovedFigure<S>>>();
  for (const f of figures) {
    let year = byYear.get(f.year);
    if (!year) byYear.set(f.year, (year = new Map()));
    year.set(f.month, f);
  }
  const none = new Map<number, PeriodFigure<Dec>>();
  return monthsBetween(from, to).map(({ year, month }) => {
    const plan = plans.get(year) ?? null;
    const current = byYear.get(year)?.get(month);
    if (!current) return { year, month, value: null, derived: null, plan, source: null };
    const derived = deriveFigures({
      rule,
      periodNumber: month,
      current,
      earlier: before(byYear.get(year) ?? none, month),
      lastYear: upTo(byYear.get(year - 1) ?? none, month),
      annualPlan: plan,
    });
    return { year, month, value: current.value, derived, plan, source: current.source };
  });
}

/** months 1 … n−1, as the submission view's history holds them */
function before<F>(months: ReadonlyMap<number, F>, n: number): Map<number, F> {
  return new Map([...months].filter(([m]) => m < n));
}

/** months 1 … n of last year */
function upTo<F>(months: ReadonlyMap<number, F>, n: number): Map<number, F> {
  return new Map([...months].filter(([m]) => m <= n));
}
