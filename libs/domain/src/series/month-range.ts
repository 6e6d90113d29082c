import { DomainError } from '../errors';

/** A calendar month, as the series and exports name it: "2024-05". */
export interface YearMonth {
  year: number;
  month: number;
}

const PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseYearMonth(text: string, field: string): YearMonth {
  const m = PATTERN.exec(text);
  if (!m) throw new DomainError('PERIOD_INVALID', `"${field}" phải là tháng dạng YYYY-MM (ví dụ 2024-05).`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function formatYearMonth(ym: YearMonth): string {
  return `${String(ym.year).padStart(4, '0')}-${String(ym.month).padStart(2, '0')}`;
}

export const monthIndex = (ym: YearMonth): number => ym.year * 12 + ym.month - 1;
const fromIndex = (i: number): YearMonth => ({ year: Math.floor(i / 12), month: (i % 12) + 1 });

/** The most months one series may span: ten years. */
export const MAX_SERIES_MONTHS = 120;

/** Every month from `from` to `to`, both included; refused when reversed or longer than MAX_SERIES_MONTHS. */
export function monthsBetween(from: YearMonth, to: YearMonth): YearMonth[] {
  const a = monthIndex(from);
  const b = monthIndex(to);
  if (b < a) throw new DomainError('PERIOD_INVALID', 'Tháng bắt đầu phải trước hoặc bằng tháng kết thúc.');
  if (b - a + 1 > MAX_SERIES_MONTHS) throw new DomainError('PERIOD_INVALID', `Một chuỗi số liệu dài tối đa ${MAX_SERIES_MONTHS} tháng.`);
  return Array.from({ length: b - a + 1 }, (_, k) => fromIndex(a + k));
}

/** `to` and the months before it: the last `count` months ending at `to` (the dashboard's 24-month trend). */
export function lastMonths(to: YearMonth, count: number): YearMonth[] {
  return monthsBetween(fromIndex(monthIndex(to) - count + 1), to);
}
