import { Arithmetic, decimalJs, exact } from './arithmetic';
import { Dec } from './decimal';
import { ExactValue } from './exact-decimal';

export type CompareOn = 'value' | 'cumulative';

export interface DerivationRule {
  hasCumulative: boolean;
  hasPlan: boolean;
  hasSamePeriod: boolean;
  /** whether % of plan and % vs same period are taken on the month figure or on the cumulative */
  compareOn: CompareOn;
}

/** One period's figure of one indicator of one unit. */
export interface PeriodFigure<N = Dec> {
  value: N | null;
  /** a cumulative typed by the officer (used when the earlier months are not in the system) */
  enteredCumulative: N | null;
}

export interface DerivationInput<N = Dec> {
  rule: DerivationRule;
  /** 1-based position of the period in its year (month number for monthly periods) */
  periodNumber: number;
  current: PeriodFigure<N>;
  /** the unit's figures for periods 1 … periodNumber-1 of the same year, keyed by period number */
  earlier: ReadonlyMap<number, PeriodFigure<N>>;
  /** the same unit's figures for periods 1 … periodNumber of last year, keyed by period number */
  lastYear: ReadonlyMap<number, PeriodFigure<N>>;
  annualPlan: N | null;
}

export interface DerivedFigures<N = Dec> {
  cumulative: N | null;
  cumulativeSource: 'computed' | 'entered' | null;
  /** both a computed and an entered cumulative exist and they disagree */
  cumulativeMismatch: boolean;
  computedCumulative: N | null;
  planPct: N | null;
  /** (current / same period last year − 1) × 100: "tăng x%" / "giảm x%" */
  samePeriodChangePct: N | null;
  /** current / same period last year × 100: "bằng x% so với cùng kỳ" */
  samePeriodRatioPct: N | null;
  samePeriodBase: N | null;
}

/**
 * Sum of periods 1..n when every one of them is known, else null.
 * Where the months are not all in the system the officer's own cumulative is used instead.
 */
function sumOfPeriods<N>(ops: Arithmetic<N>, n: number, figures: ReadonlyMap<number, PeriodFigure<N>>, current?: PeriodFigure<N>): N | null {
  if (n < 1) return ops.zero;
  // the first figure is the sum so far (the same value as 0 + it, one addition fewer)
  let sum: N | null = null;
  for (let p = 1; p <= n; p++) {
    const figure = p === n && current ? current : figures.get(p);
    if (!figure || figure.value === null) return null;
    sum = sum === null ? figure.value : ops.plus(sum, figure.value);
  }
  return sum;
}

function resolveCumulative<N>(ops: Arithmetic<N>, computed: N | null, entered: N | null) {
  if (computed !== null) {
    return {
      cumulative: computed,
      source: 'computed' as const,
      mismatch: entered !== null && !ops.equals(entered, computed),
    };
  }
  if (entered !== null) return { cumulative: entered, source: 'entered' as const, mismatch: false };
  return { cumulative: null, source: null, mismatch: false };
}

export { percentOf } from './arithmetic';

export function deriveFigures(input: DerivationInput): DerivedFigures {
  return deriveWith(decimalJs, input);
}

/**
 * The same rules on exact figures that are not decimal.js objects unless they must be (see
 * exact-decimal.ts): what consolidation derives twelve thousand indicators with.
 */
export function deriveExactFigures(input: DerivationInput<ExactValue>): DerivedFigures<ExactValue> {
  return deriveWith(exact, input);
}

function deriveWith<N>(ops: Arithmetic<N>, input: DerivationInput<N>): DerivedFigures<N> {
  const { rule, periodNumber: n, current } = input;
  let cumulative: N | null = null;
  let computedCumulative: N | null = null;
  let source: DerivedFigures['cumulativeSource'] = null;
  let mismatch = false;

  if (rule.hasCumulative) {
    computedCumulative = sumOfPeriods(ops, n, input.earlier, current);
    const resolved = resolveCumulative(ops, computedCumulative, current.enteredCumulative);
    cumulative = resolved.cumulative;
    source = resolved.source;
    mismatch = resolved.mismatch;
  }

  const basis = rule.hasCumulative && rule.compareOn === 'cumulative' ? cumulative : current.value;
  const pct = (part: N | null, whole: N | null) => (part === null || whole === null ? null : ops.percentOf(part, whole));
  const planPct = rule.hasPlan ? pct(basis, input.annualPlan) : null;

  let samePeriodBase: N | null = null;
  if (rule.hasSamePeriod) {
    const lastCurrent = input.lastYear.get(n);
    if (rule.hasCumulative && rule.compareOn === 'cumulative') {
      const computedLast = sumOfPeriods(ops, n, input.lastYear);
      samePeriodBase = resolveCumulative(ops, computedLast, lastCurrent?.enteredCumulative ?? null).cumulative;
    } else {
      samePeriodBase = lastCurrent?.value ?? null;
    }
  }
  const samePeriodRatioPct = rule.hasSamePeriod ? pct(basis, samePeriodBase) : null;
  const samePeriodChangePct = samePeriodRatioPct === null ? null : ops.lessHundred(samePeriodRatioPct);

  return {
    cumulative,
    cumulativeSource: source,
    cumulativeMismatch: mismatch,
    computedCumulative,
    planPct,
    samePeriodChangePct,
    samePeriodRatioPct,
    samePeriodBase,
  };
}
