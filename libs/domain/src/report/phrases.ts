import { FigureValue } from '../exact-decimal';
import { formatNumber } from '../vn-number';

/**
 * The report's conventions for speaking of a figure, in one place:
 * "tăng 1,7% so với cùng kỳ" / "giảm 9,06%" / "bằng 99,8% so với cùng kỳ" / "tương đương cùng kỳ",
 * "đạt 55,5% kế hoạch" (or "dự toán"), a value with its unit of measure.
 */
export function numberText(value: FigureValue, decimals: number): string {
  return formatNumber(value, { decimals });
}

export function withUnit(number: string, unit: string | null): string {
  return unit ? `${number} ${unit}` : number;
}

/**
 * The phrases take the figure as the report prints it (numberText of its magnitude, rounded once) so
 * that a figure is formatted once however it is spoken of.
 */
export function changePhrase(printedMagnitude: string, negative: boolean, comparedWith: string | null): string {
  const zero = /^[0,]+$/.test(printedMagnitude);
  if (zero) return comparedWith ? `tương đương ${comparedWith.replace(/^so với /, '')}` : 'tương đương';
  const verb = negative ? 'giảm' : 'tăng';
  return comparedWith ? `${verb} ${printedMagnitude}% ${comparedWith}` : `${verb} ${printedMagnitude}%`;
}

export function ratioPhrase(printed: string, full: boolean): string {
  return `bằng ${printed}%${full ? ' so với cùng kỳ' : ''}`;
}

export function planPhrase(printed: string, basis: string | null, full: boolean): string {
  return `đạt ${printed}%${full && basis ? ` ${basis}` : ''}`;
}

/** A printed magnitude with the value's sign put back, as numberText prints the value itself. */
export function withSign(printedMagnitude: string, value: FigureValue): string {
  return value.isNegative() && !/^[0.,]+$/.test(printedMagnitude) ? `-${printedMagnitude}` : printedMagnitude;
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
