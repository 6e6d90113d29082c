import { PeriodType, periodMonths, ROMAN } from '../period';

/** The period a report speaks of: a month (the default) or a longer period of the year. */
export interface ReportPeriod {
  year: number;
  /** the last month the period covers (for a month: the month) */
  month: number;
  type?: PeriodType;
  /** the period's number in its year (month 1–12, quarter 1–4, …); default: the month */
  number?: number;
}

/** A report period of a type, number and year, as composition takes it. */
export function reportPeriod(type: PeriodType, year: number, number: number): ReportPeriod {
  return { type, year, number, month: periodMonths(type, number).last };
}

export const typeOf = (p: ReportPeriod): PeriodType => p.type ?? 'month';
export const numberOf = (p: ReportPeriod): number => p.number ?? p.month;

/** The period that follows one of the same type ("nhiệm vụ trọng tâm tháng 6", "… quý III", "… năm 2025"). */
function following(type: PeriodType, year: number, number: number): { year: number; number: number } {
  const count = { month: 12, quarter: 4, half_year: 2, nine_months: 1, year: 1 }[type];
  return number >= count ? { year: year + 1, number: 1 } : { year, number: number + 1 };
}

/**
 * The words a template fills in for the period, by name: `{month}` (its last month), `{months}`
 * (months since January, "5 tháng đầu năm"), `{prevMonth}`, `{year}`, `{nextMonth}`, `{nextYear}`
 * (of the period that follows), `{quarter}` and `{nextQuarter}` (roman), `{periodMonths}` (months
 * the period covers), `{firstMonth}`, `{nextNumber}`.
 */
export function periodWords(p: ReportPeriod): Record<string, string> {
  const type = typeOf(p);
  const number = numberOf(p);
  const { first, last } = periodMonths(type, number);
  const next = following(type, p.year, number);
  const nextMonth = last === 12 ? 1 : last + 1;
  const quarter = Math.ceil(last / 3);
  return {
    month: String(last),
    months: String(last),
    prevMonth: String(last === 1 ? 12 : last - 1),
    year: String(p.year),
    nextMonth: String(nextMonth),
    nextYear: String(type === 'month' ? (last === 12 ? p.year + 1 : p.year) : next.year),
    quarter: ROMAN[quarter - 1],
    nextQuarter: ROMAN[quarter % 4],
    periodMonths: String(last - first + 1),
    firstMonth: String(first),
    nextNumber: String(next.number),
  };
}

/** A template's text for this period: its variant for the period's number where it has one (`byNumber`). */
export function variantFor<T>(p: ReportPeriod, base: T, byNumber: Record<string, T> | undefined): T {
  if (!byNumber) return base;
  const key = String(numberOf(p));
  return Object.prototype.hasOwnProperty.call(byNumber, key) ? byNumber[key] : base;
}

const WORD = /\{([a-zA-Z]+)\}/g;

/** Fills the period's words into a title or heading; other placeholders stay as they are. */
export function fillPeriod(text: string, period: ReportPeriod): string {
  const words = periodWords(period);
  return text.replace(WORD, (whole, name: string) => words[name] ?? whole);
}
