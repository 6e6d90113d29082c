import { Dec, dec } from './decimal';
import { equals, ExactValue, Fixed, lessHundred, percent, Percent, plus } from './exact-decimal';

/**
 * The arithmetic the derivation rules need, twice: decimal.js (the API and the officer's form), and
 * exact-decimal.ts (consolidation, which derives tens of thousands of figures). Rules are written
 * once against this interface, so both give the same figures.
 */
export interface Arithmetic<N> {
  zero: N;
  plus(a: N, b: N): N;
  equals(a: N, b: N): boolean;
  /** part / whole × 100; null when whole is zero */
  percentOf(part: N, whole: N): N | null;
  lessHundred(ratio: N): N;
  /** a / k for a count k ≥ 1: the mean of k figures (a quotient that may not end) */
  divideBy(a: N, k: number): N;
}

const HUNDRED = dec(100);

export function percentOf(part: Dec | null, whole: Dec | null): Dec | null {
  if (part === null || whole === null || whole.isZero()) return null;
  return part.div(whole).times(HUNDRED);
}

export const decimalJs: Arithmetic<Dec> = {
  zero: dec(0),
  plus: (a, b) => a.plus(b),
  equals: (a, b) => a.eq(b),
  percentOf: (part, whole) => percentOf(part, whole),
  lessHundred: (ratio) => ratio.minus(HUNDRED),
  divideBy: (a, k) => a.div(k),
};

/** a / k exactly: a Fixed over k is the quotient num / den that Percent holds (its value is num / den). */
function divideExact(a: ExactValue, k: number): ExactValue {
  if (k === 1) return a;
  if (a instanceof Fixed) {
    const den = k * 10 ** a.scale;
    if (Number.isSafeInteger(den) && a.scale <= 22) return new Percent(a.units, den);
  }
  return (a instanceof Dec ? a : a.toDec()).div(k);
}

export const exact: Arithmetic<ExactValue> = { zero: new Fixed(0, 0), plus, equals, percentOf: percent, lessHundred, divideBy: divideExact };
