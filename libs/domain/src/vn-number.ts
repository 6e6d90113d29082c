import { Dec, dec } from './decimal';
import { ErrorCode } from './errors';
import type { FigureValue } from './exact-decimal';

/** Largest magnitude a figure may have: numeric(24,6) holds 18 integer digits; we stop at 10^15. */
export const MAX_ABS_VALUE = dec('1e15');
export const MAX_DECIMALS = 6;

export type ParsedNumber = { ok: true; value: Dec } | { ok: false; code: ErrorCode; message: string };

const VN_GROUPED = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/; // 1.234.567,89
const VN_PLAIN = /^[+-]?\d+(,\d+)?$/; // 1234,5
const DOT_DECIMAL = /^[+-]?\d+(\.\d+)?$/; // 1234.5
const EXPONENT = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;

/**
 * Reads a figure typed by a person or sent by a client: a JSON number, or a string in
 * `1234.5` or Vietnamese `1.234,5` form. A string of dot-separated groups of three digits
 * ("47.393", "1.234.567") is Vietnamese thousands grouping, because that is how officers type;
 * a single dot followed by anything but three digits ("710.83") is a decimal point.
 */
export function parseNumberInput(input: unknown): ParsedNumber {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return invalid();
    return checkRange(dec(String(input)));
  }
  if (typeof input !== 'string') return invalid();
  const s = input.trim().replace(/\s+/g, '');
  if (s === '' || s.length > 40) return invalid();
  let normalised: string;
  if (VN_GROUPED.test(s)) normalised = s.replace(/\./g, '').replace(',', '.');
  else if (VN_PLAIN.test(s)) normalised = s.replace(',', '.');
  else if (DOT_DECIMAL.test(s) || EXPONENT.test(s)) normalised = s;
  else return invalid();
  return checkRange(dec(normalised));
}

function checkRange(value: Dec): ParsedNumber {
  if (!value.isFinite()) return invalid();
  if (value.abs().gte(MAX_ABS_VALUE)) {
    return { ok: false, code: 'VALUE_TOO_LARGE', message: 'Giá trị quá lớn (tối đa 15 chữ số phần nguyên).' };
  }
  if (value.decimalPlaces() > MAX_DECIMALS) {
    return { ok: false, code: 'TOO_MANY_DECIMALS', message: `Giá trị có quá ${MAX_DECIMALS} chữ số thập phân.` };
  }
  return { ok: true, value: value.isZero() ? dec(0) : value };
}

function invalid(): ParsedNumber {
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
