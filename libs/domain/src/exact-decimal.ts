import type Decimal from 'decimal.js';
import { Dec } from './decimal';

/**
 * Exact figures without decimal.js for the common case. A province's consolidation parses some
 * 120 000 stored figures and derives 36 000 percentages; as decimal.js objects that was a fifth of
 * its CPU and much of its garbage. Here a figure is an integer count of 10^-scale held in a double
 * while it is a safe integer, and a percentage is the exact quotient of two such integers. Whatever
 * would leave those bounds is computed with decimal.js instead (`Dec`, 40 digits), so results are
 * always exact; exact-decimal.spec.ts checks every operation against decimal.js.
 *
 * Rounding for print is half-up (away from zero), as `formatNumber` rounds a Dec. A Dec percentage is
 * its quotient rounded to 40 digits and then rounded to the printed decimals; `Percent` rounds the
 * exact quotient once. The two agree whenever the denominator is below 2^53 and the percentage below
 * 10^11 (both enforced): the 40-digit rounding moves the value by less than 10^-28 of a printed unit,
 * while an exact quotient below a rounding tie is at least 1/(2·denominator) > 5·10^-17 of one away.
 */
export interface FigureValue {
  isNegative(): boolean;
  isZero(): boolean;
  abs(): FigureValue;
  /** no argument: the exact value (a Dec percentage: its 40 digits); with `decimals`: rounded half-up */
  toFixed(decimals?: number, rounding?: number): string;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i); // exact up to 10^22
const MAX_PERCENT = 1e11;
/** Provenance keeps a percentage to this many decimals (its exact quotient rarely ends). */
export const PROVENANCE_DECIMALS = 10;

/** |units| · 10^-scale with units a safe integer: "1234.50" → units 12345, scale 1. */
export class Fixed implements FigureValue {
  constructor(
    readonly units: number,
    readonly scale: number,
  ) {}

  isNegative(): boolean {
    return this.units < 0;
  }
  isZero(): boolean {
    return this.units === 0;
  }
  abs(): Fixed {
    return this.units < 0 ? new Fixed(-this.units, this.scale) : this;
  }
  toDec(): Dec {
    return new Dec(this.toFixed());
  }

  toFixed(decimals?: number, rounding: number = Dec.ROUND_HALF_UP): string {
    if (decimals === undefined) return digitsText(Math.abs(this.units), this.scale, this.units < 0);
    if (rounding !== Dec.ROUND_HALF_UP) return this.toDec().toFixed(decimals, rounding as Decimal.Rounding);
    return roundedText(Math.abs(this.units), 1, this.scale, decimals, this.units < 0) ?? this.toDec().toFixed(decimals, Dec.ROUND_HALF_UP);
  }
}

/**
 * A percentage: num / den with den > 0, both safe integers — `part / whole × 100`, less 100 when
 * `lessHundred` ("tăng x%" is the ratio less 100).
 */
export class Percent implements FigureValue {
  constructor(
    readonly num: number,
    readonly den: number,
    readonly lessHundred = false,
  ) {}

  /** the numerator of the value itself (num − 100·den for a change), or null where it is not a safe integer */
  valueNum(): number | null {
    if (!this.lessHundred) return this.num;
    const n = this.num - 100 * this.den;
    return Number.isSafeInteger(n) && 100 * this.den <= MAX_SAFE ? n : null;
  }
  isNegative(): boolean {
    return this.lessHundred ? this.num < 100 * this.den : this.num < 0;
  }
  isZero(): boolean {
    return this.lessHundred ? this.num === 100 * this.den : this.num === 0;
  }
  abs(): FigureValue {
    const n = this.valueNum();
    if (n === null) return this.toDec().abs();
    return n < 0 ? new Percent(-n, this.den) : this.lessHundred ? new Percent(n, this.den) : this;
  }
  /** What decimal.js computes for the same figures (percentOf, then less 100). */
  toDec(): Dec {
    const ratio = new Dec(this.num).div(this.den);
    return this.lessHundred ? ratio.minus(100) : ratio;
  }

  toFixed(decimals?: number, rounding: number = Dec.ROUND_HALF_UP): string {
    const n = this.valueNum();
    if (decimals === undefined) return this.toDec().toFixed();
    if (decimals > PROVENANCE_DECIMALS || rounding !== Dec.ROUND_HALF_UP || n === null) return this.toDec().toFixed(decimals, rounding as Decimal.Rounding);
    return roundedText(Math.abs(n), this.den, 0, decimals, n < 0) ?? bigRoundedText(Math.abs(n), this.den, decimals, n < 0);
  }
}

export type ExactValue = Fixed | Percent | Dec;

/** The exact decimal a figure was printed from, as provenance stores it: a percentage to 10 decimals. */
export function provenanceValue(value: FigureValue): string {
  if (value instanceof Fixed) return value.toFixed();
  if (value instanceof Percent) {
    const n = value.valueNum();
    if (n !== null) return stripZeros(roundedText(Math.abs(n), value.den, 0, PROVENANCE_DECIMALS, n < 0) ?? bigRoundedText(Math.abs(n), value.den, PROVENANCE_DECIMALS, n < 0));
    return provenanceValue(value.toDec());
  }
  const d = value as Dec;
  return d.decimalPlaces() > PROVENANCE_DECIMALS ? stripZeros(d.toFixed(PROVENANCE_DECIMALS, Dec.ROUND_HALF_UP)) : d.toFixed();
}

const PLAIN = /^-?\d+(?:\.\d+)?$/;

/** A stored figure (numeric as Postgres prints it, "1234.500000") as an exact value; null stays null. */
export function exactOrNull(text: string | null | undefined): ExactValue | null {
  if (text === null || text === undefined) return null;
  return parseExact(text);
}

export function parseExact(text: string): ExactValue {
  const point = text.indexOf('.');
  let end = text.length;
  if (point >= 0) while (end > point + 1 && text.charCodeAt(end - 1) === 48) end--; // trailing zeros of the fraction
  const scale = point < 0 ? 0 : end - point - 1;
  const digits = point < 0 ? text : text.slice(0, point) + text.slice(point + 1, end);
  // 15 digits always fit a double exactly; anything else, or any other notation, goes to decimal.js
  if (digits.length > (digits.charCodeAt(0) === 45 ? 16 : 15) || !PLAIN.test(text)) return new Dec(text);
  const units = Number(digits);
  return new Fixed(units === 0 ? 0 : units, scale);
}

export function toDec(v: ExactValue): Dec {
  return v instanceof Dec ? v : v.toDec();
}

/** a + b, exactly. */
export function plus(a: ExactValue, b: ExactValue): ExactValue {
  if (a instanceof Fixed && b instanceof Fixed) {
    const scale = Math.max(a.scale, b.scale);
    const x = scaleUp(a.units, scale - a.scale);
    const y = scaleUp(b.units, scale - b.scale);
    if (x !== null && y !== null) {
      const sum = x + y;
      if (Number.isSafeInteger(sum)) return new Fixed(sum, scale);
    }
  }
  return toDec(a).plus(toDec(b));
}

export function equals(a: ExactValue, b: ExactValue): boolean {
  if (a instanceof Fixed && b instanceof Fixed) {
    const scale = Math.max(a.scale, b.scale);
    const x = scaleUp(a.units, scale - a.scale);
    const y = scaleUp(b.units, scale - b.scale);
    if (x !== null && y !== null) return x === y;
  }
  return toDec(a).eq(toDec(b));
}

/** part / whole × 100 (null when whole is zero), as `percentOf` computes it. */
export function percent(part: ExactValue, whole: ExactValue): ExactValue | null {
  if (whole.isZero()) return null;
  if (part instanceof Fixed && whole instanceof Fixed) {
    // part.units·10^-ps / (whole.units·10^-ws) × 100 = part.units·10^(ws+2) / (whole.units·10^ps)
    let num = scaleUp(part.units, whole.scale + 2);
    let den = scaleUp(whole.units, part.scale);
    if (num !== null && den !== null) {
      if (den < 0) {
        num = -num;
        den = -den;
      }
      if (Math.abs(num) < MAX_PERCENT * den) return new Percent(num, den);
    }
  }
  return toDec(part).div(toDec(whole)).times(100);
}

/** ratio − 100: "tăng/giảm x% so với cùng kỳ" from "bằng x%". */
export function lessHundred(ratio: ExactValue): ExactValue {
  if (ratio instanceof Percent && !ratio.lessHundred && 100 * ratio.den <= MAX_SAFE && Number.isSafeInteger(ratio.num - 100 * ratio.den)) {
    return new Percent(ratio.num, ratio.den, true);
  }
  return toDec(ratio).minus(100);
}

function scaleUp(units: number, by: number): number | null {
  if (by === 0) return units;
  if (by >= POW10.length) return null;
  const r = units * POW10[by];
  return Number.isSafeInteger(r) ? r : null;
}

/**
 * (n / d) · 10^-scale rounded half-up to `decimals`, written as toFixed writes it; null when the
 * integers involved would not be exact in a double.
 */
function roundedText(n: number, d: number, scale: number, decimals: number, negative: boolean): string | null {
  let q: number;
  if (decimals >= scale) {
    const a = scaleUp(n, decimals - scale);
    if (a === null) return null;
    const r = a % d;
    q = (a - r) / d;
    if (2 * r >= d) q++;
  } else {
    // dropping digits: n / (d · 10^(scale − decimals))
    const div = scaleUp(d, scale - decimals);
    if (div === null) return null;
    const r = n % div;
    q = (n - r) / div;
    if (2 * r >= div) q++;
  }
  if (!Number.isSafeInteger(q)) return null;
  return digitsText(q, decimals, negative, true);
}

function bigRoundedText(n: number, d: number, decimals: number, negative: boolean): string {
  if (d <= MAX_SAFE / 10 && decimals <= 15) {
    // long division, as many digits at a time as keep the remainder times 10^k a safe integer
    let step = 1;
    while (step < 15 && d * POW10[step + 1] <= MAX_SAFE) step++;
    let r = n % d;
    let whole = (n - r) / d;
    let fraction = 0;
    for (let left = decimals; left > 0; ) {
      const k = Math.min(left, step);
      r *= POW10[k];
      const digits = (r - (r % d)) / d;
      r %= d;
      fraction = fraction * POW10[k] + digits;
      left -= k;
    }
    if (2 * r >= d && ++fraction === POW10[decimals]) {
      fraction = 0;
      whole++;
    }
    if (Number.isSafeInteger(whole)) {
      const digits = decimals === 0 ? '' : String(fraction).padStart(decimals, '0');
      return digitsText(decimals === 0 ? String(whole) : `${whole}${digits}`, decimals, negative, true);
    }
  }
  const a = BigInt(n) * 10n ** BigInt(decimals);
  const big = BigInt(d);
  let q = a / big;
  if (2n * (a % big) >= big) q++;
  return digitsText(q.toString(), decimals, negative, true);
}

/** units · 10^-scale as a plain decimal: all `scale` decimals when `keep`, else trailing zeros dropped. */
function digitsText(units: number | string, scale: number, negative: boolean, keep = false): string {
  let s = typeof units === 'string' ? units : String(units);
  if (scale > 0) {
    if (s.length <= scale) s = '0'.repeat(scale - s.length + 1) + s;
    s = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
    if (!keep) s = stripZeros(s);
  }
  return negative ? `-${s}` : s;
}

function stripZeros(s: string): string {
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}
