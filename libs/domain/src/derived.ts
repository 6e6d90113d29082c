import { Dec, dec } from './decimal';

export type CompareOn = 'value' | 'cumulative';

export interface DerivationRule {
  hasCumulative: boolean;
  hasPlan: boolean;
  hasSamePeriod: boolean;
  /** whether % of plan and % vs same period are taken on the month figure or on the cumulative */
  compareOn: CompareOn;
}

/** One period's figure of one indicator of one unit. */
export interface PeriodFigure {
  value: Dec | null;
  /** a cumulative typed by the officer (used when the earlier months are not in the system) */
  enteredCumulative: Dec | null;
}

export interface DerivationInput {
  rule: DerivationRule;
  /** 1-based position of the period in its year (month number for monthly periods) */
  periodNumber: number;
  current: PeriodFigure;
  /** the unit's figures for periods 1 … periodNumber-1 of the same year, keyed by period number */
  earlier: ReadonlyMap<number, PeriodFigure>;
  /** the same unit's figures for periods 1 … periodNumber of last year, keyed by period number */
  lastYear: ReadonlyMap<number, PeriodFigure>;
  annualPlan: Dec | null;
}

export interface DerivedFigures {
  cumulative: Dec | null;
  cumulativeSource: 'computed' | 'entered' | null;
  /** both a computed and an entered cumulative exist and they disagree */
  cumulativeMismatch: boolean;
  computedCumulative: Dec | null;
  planPct: Dec | null;
  /** (current / same period last year − 1) × 100: "tăng x%" / "giảm x%" */
  samePeriodChangePct: Dec | null;
  /** current / same period last year × 100: "bằng x% so với cùng kỳ" */
  samePeriodRatioPct: Dec | null;
  samePeriodBase: Dec | null;
}

const HUNDRED = dec(100);

/**
 * Sum of periods 1..n when every one of them is known, else null.
 * Where the months are not all in the system the officer's own cumulative is used instead.
 */
export function cumulativeFromPeriods(
  n: number,
  figures: ReadonlyMap<number, PeriodFigure>,
  current?: PeriodFigure,
): Dec | null {
  let sum = dec(0);
  for (let p = 1; p <= n; p++) {
    const figure = p === n && current ? current : figures.get(p);
    if (!figure || figure.value === null) return null;
    sum = sum.plus(figure.value);
  }
  return sum;
}

function resolveCumulative(computed: Dec | null, entered: Dec | null) {
  if (computed !== null) {
    return {
      cumulative: computed,
      source: 'computed' as const,
      mismatch: entered !== null && !entered.eq(computed),
    };
  }
  if (entered !== null) return { cumulative: entered, source: 'entered' as const, mismatch: false };
  return { cumulative: null, source: null, mismatch: false };
}

export function percentOf(part: Dec | null, whole: Dec | null): Dec | null {
  if (part === null || whole === null || whole.isZero()) return null;
  return part.div(whole).times(HUNDRED);
}

export function deriveFigures(input: DerivationInput): DerivedFigures {
  const { rule, periodNumber: n, current } = input;
  let cumulative: Dec | null = null;
  let computedCumulative: Dec | null = null;
  let source: DerivedFigures['cumulativeSource'] = null;
  let mismatch = false;

  if (rule.hasCumulative) {
    computedCumulative = cumulativeFromPeriods(n, input.earlier, current);
    const resolved = resolveCumulative(computedCumulative, current.enteredCumulative);
    cumulative = resolved.cumulative;
    source = resolved.source;
    mismatch = resolved.mismatch;
  }

  const basis = rule.hasCumulative && rule.compareOn === 'cumulative' ? cumulative : current.value;
  const planPct = rule.hasPlan ? percentOf(basis, input.annualPlan) : null;

  let samePeriodBase: Dec | null = null;
  if (rule.hasSamePeriod) {
    const lastCurrent = input.lastYear.get(n);
    if (rule.hasCumulative && rule.compareOn === 'cumulative') {
      const computedLast = cumulativeFromPeriods(n, input.lastYear);
      samePeriodBase = resolveCumulative(computedLast, lastCurrent?.enteredCumulative ?? null).cumulative;
    } else {
      samePeriodBase = lastCurrent?.value ?? null;
    }
  }
  const samePeriodRatioPct = rule.hasSamePeriod ? percentOf(basis, samePeriodBase) : null;
  const samePeriodChangePct = samePeriodRatioPct === null ? null : samePeriodRatioPct.minus(HUNDRED);

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
