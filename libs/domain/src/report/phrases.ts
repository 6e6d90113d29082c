import { Dec } from '../decimal';
import { formatNumber } from '../vn-number';

/**
 * The report's conventions for speaking of a figure, in one place:
 * "tăng 1,7% so với cùng kỳ" / "giảm 9,06%" / "bằng 99,8% so với cùng kỳ" / "tương đương cùng kỳ",
 * "đạt 55,5% kế hoạch" (or "dự toán"), a value with its unit of measure.
 */
export function numberText(value: Dec, decimals: number): string {
  return formatNumber(value, { decimals });
}

export function withUnit(number: string, unit: string | null): string {
  return unit ? `${number} ${unit}` : number;
}

export function changePhrase(pct: Dec, decimals: number, comparedWith: string | null): string {
  const printed = formatNumber(pct.abs(), { decimals });
  const zero = /^[0,]+$/.test(printed);
  if (zero) return comparedWith ? `tương đương ${comparedWith.replace(/^so với /, '')}` : 'tương đương';
  const verb = pct.isNegative() ? 'giảm' : 'tăng';
  return comparedWith ? `${verb} ${printed}% ${comparedWith}` : `${verb} ${printed}%`;
}

export function ratioPhrase(pct: Dec, decimals: number, full: boolean): string {
  return `bằng ${formatNumber(pct, { decimals })}%${full ? ' so với cùng kỳ' : ''}`;
}

export function planPhrase(pct: Dec, decimals: number, basis: string | null, full: boolean): string {
  return `đạt ${formatNumber(pct, { decimals })}%${full && basis ? ` ${basis}` : ''}`;
}

/** Lower-cases the first letter of an item that continues a list ("Ngô" → "ngô"), keeping acronyms. */
export function continueList(text: string): string {
  const [first, second] = [text.charAt(0), text.charAt(1)];
  if (second && second === second.toUpperCase() && second !== second.toLowerCase()) return text;
  return first.toLowerCase() + text.slice(1);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
