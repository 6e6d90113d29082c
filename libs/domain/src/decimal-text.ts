import { FigureValue, parseExact, provenanceValue } from './exact-decimal';

/**
 * A figure or a percentage as the API sends it: a plain decimal string — digits, "." as the point,
 * no exponent, no trailing zeros ("710.83", "-9.06", "0"). Not a JSON number: figures are
 * numeric(24,6), and a double keeps only 15–17 significant digits of "123456789012345.123456".
 * A figure is exact (it has at most 6 decimals); a percentage, a quotient that rarely ends, is
 * kept to 10 decimals, as provenance keeps it (`PROVENANCE_DECIMALS`), and rounded for print at
 * the edge.
 */
export function decimalText(value: FigureValue): string {
  const text = provenanceValue(value);
  // a tiny negative percentage rounds to "-0": the same zero as "0"
  return text === '-0' ? '0' : text;
}

export function decimalTextOrNull(value: FigureValue | null | undefined): string | null {
  return value === null || value === undefined ? null : decimalText(value);
}

/** A stored decimal in any plain notation ("710.830000", as Postgres prints numeric(24,6)) → `decimalText`. */
export function canonicalDecimal(text: string): string {
  return decimalText(parseExact(text));
}

/**
 * Whether a JavaScript number (a double, as in an Excel cell) holds this canonical decimal text
 * exactly, i.e. it reads back as the same text. "710.83" does; "123456789012345.123456" does not,
 * nor "0.0000001" (a double prints it as "1e-7").
 */
export function fitsDouble(text: string): boolean {
  return String(Number(text)) === text;
}
