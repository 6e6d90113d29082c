import { Dec, dec } from './decimal';
import { ErrorCode } from './errors';
import type { FigureValue } from './exact-decimal';

/** Largest magnitude a figure may have: numeric(24,6) holds 18 integer digits; we stop at 10^15. */
export const MAX_ABS_VALUE = dec('1e15');
export const MAX_DECIMALS = 6;

export type ParsedNumber = { ok: true; value: Dec } | { ok: false; code: ErrorCode; message: string };
/** A figure as its canonical decimal text: no exponent, no "+", no leading or trailing zeros ("1234.5", "-0.25", "0"). */
export type ParsedNumberText = { ok: true; text: string } | { ok: false; code: ErrorCode; message: string };

// 1.234.567,89 — a first group of thousands never starts with 0: "0.005" and "012.345" are decimal points
const VN_GROUPED = /^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/;
const VN_PLAIN = /^[+-]?\d+(,\d+)?$/; // 1234,5
const DOT_DECIMAL = /^[+-]?\d+(\.\d+)?$/; // 1234.5
const EXPONENT = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;
const MAX_INTEGER_DIGITS = 15; // |value| < MAX_ABS_VALUE = 10^15

/**
 * Reads a figure typed by a person or sent by a client: a JSON number, or a string in
 * `1234.5` or Vietnamese `1.234,5` form. A string of dot-separated groups of three digits
 * ("47.393", "1.234.567") is Vietnamese thousands grouping, because that is how officers type;
 * a single dot followed by anything but three digits ("710.83"), or after a first group that starts
 * with 0 ("0.005"), is a decimal point.
 */
export function parseNumberInput(input: unknown): ParsedNumber {
  const parsed = parseNumberText(input);
  return parsed.ok ? { ok: true, value: dec(parsed.text) } : parsed;
}

/**
 * `parseNumberInput` without building a decimal: the figure's canonical text, which is what a save
 * stores. Plain decimals (all that forms send) are read as text; an exponent ("1e3", or a JSON
 * number that prints as one) goes through decimal.js.
 */
export function parseNumberText(input: unknown): ParsedNumberText {
  let s: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return invalid();
    s = String(input);
  } else if (typeof input === 'string') {
    s = input.trim().replace(/\s+/g, '');
    if (s === '' || s.length > 40) return invalid();
    if (VN_GROUPED.test(s)) s = s.replace(/\./g, '').replace(',', '.');
    else if (VN_PLAIN.test(s)) s = s.replace(',', '.');
    else if (!DOT_DECIMAL.test(s) && !EXPONENT.test(s)) return invalid();
  } else {
    return invalid();
  }
  return DOT_DECIMAL.test(s) ? canonicalPlain(s) : checkRange(dec(s));
}

/** "+0012.3400" → "12.34", "-0.0" → "0", with the range and decimals checks of `checkRange`. */
function canonicalPlain(s: string): ParsedNumberText {
  const negative = s[0] === '-';
  const unsigned = s[0] === '-' || s[0] === '+' ? s.slice(1) : s;
  const point = unsigned.indexOf('.');
  let int = point < 0 ? unsigned : unsigned.slice(0, point);
  let frac = point < 0 ? '' : unsigned.slice(point + 1);
  let i = 0;
  while (i < int.length - 1 && int[i] === '0') i++;
  int = int.slice(i);
  let j = frac.length;
  while (j > 0 && frac[j - 1] === '0') j--;
  frac = frac.slice(0, j);
  if (int.length > MAX_INTEGER_DIGITS) return tooLarge();
  if (frac.length > MAX_DECIMALS) return tooManyDecimals();
  const body = frac ? `${int}.${frac}` : int;
  return { ok: true, text: negative && body !== '0' ? `-${body}` : body };
}

function checkRange(value: Dec): ParsedNumberText {
  if (!value.isFinite()) return invalid();
  if (value.abs().gte(MAX_ABS_VALUE)) return tooLarge();
  if (value.decimalPlaces() > MAX_DECIMALS) return tooManyDecimals();
  return { ok: true, text: value.isZero() ? '0' : value.toFixed() };
}

function tooLarge(): ParsedNumberText {
  return { ok: false, code: 'VALUE_TOO_LARGE', message: 'Giá trị quá lớn (tối đa 15 chữ số phần nguyên).' };
}

function tooManyDecimals(): ParsedNumberText {
  return { ok: false, code: 'TOO_MANY_DECIMALS', message: `Giá trị có quá ${MAX_DECIMALS} chữ số thập phân.` };
}

function invalid(): { ok: false; code: ErrorCode; message: string } {
  return { ok: false, code: 'INVALID_NUMBER', message: 'Giá trị không phải là số hợp lệ (ví dụ: 1.234,5 hoặc 1234.5).' };
}

export interface FormatOptions {
  /** Exact number of decimals to print (rounded half-up). Omit to print the value as it is. */
  decimals?: number;
}

/** "1234567" → "1.234.567" (a report formats tens of thousands of figures: no regular expression here). */
function groupThousands(digits: string): string {
  const n = digits.length;
  if (n <= 3) return digits;
  let out = digits.slice(0, ((n - 1) % 3) + 1);
  for (let i = out.length; i < n; i += 3) out += `.${digits.slice(i, i + 3)}`;
  return out;
}

/** Vietnamese number format: "." groups thousands, "," is the decimal mark — 47.393; 710,83; 22.013,3. */
export function formatNumber(value: FigureValue | string | number, options: FormatOptions = {}): string {
  const d = typeof value === 'object' ? value : dec(value);
  const fixed = options.decimals === undefined ? d.toFixed() : d.toFixed(options.decimals, Dec.ROUND_HALF_UP);
  const negative = fixed.startsWith('-');
  const unsigned = negative ? fixed.slice(1) : fixed;
  const point = unsigned.indexOf('.');
  const grouped = groupThousands(point < 0 ? unsigned : unsigned.slice(0, point));
  const body = point < 0 ? grouped : `${grouped},${unsigned.slice(point + 1)}`;
  return negative && !/^[0.,]+$/.test(body) ? `-${body}` : body;
}

/** "97,8%" — a percentage rounded once, here at the edge. */
export function formatPercent(value: FigureValue | string | number, decimals = 1): string {
  return `${formatNumber(value, { decimals })}%`;
}
