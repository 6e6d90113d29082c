import { DomainError } from './errors';

/**
 * The reporting year: a month, a quarter, a half-year, the first nine months, the year. A longer
 * period covers whole calendar months (its figures come from them), and its cutoff window is the
 * Decree 09/2019 one.
 */
export const PERIOD_TYPES = ['month', 'quarter', 'half_year', 'nine_months', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** A calendar date without a time zone, as 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface CutoffWindow {
  from: IsoDate;
  to: IsoDate;
}

/** The highest number of each type: month 1–12, quarter 1–4, half-year 1–2, nine months 1, year 1. */
export const PERIOD_NUMBERS: Readonly<Record<PeriodType, number>> = { month: 12, quarter: 4, half_year: 2, nine_months: 1, year: 1 };

export function isPeriodType(value: unknown): value is PeriodType {
  return typeof value === 'string' && (PERIOD_TYPES as readonly string[]).includes(value);
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const TYPE_NAMES: Record<PeriodType, string> = { month: 'tháng', quarter: 'quý', half_year: '6 tháng', nine_months: '9 tháng', year: 'năm' };

export function assertValidPeriod(type: PeriodType, year: number, number: number): void {
  if (!isPeriodType(type)) {
    throw new DomainError('PERIOD_INVALID', `Loại kỳ báo cáo phải là một trong: ${PERIOD_TYPES.join(', ')}.`, [{ field: 'type', code: 'PERIOD_INVALID', message: 'Loại kỳ báo cáo không hợp lệ.' }]);
  }
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new DomainError('PERIOD_INVALID', 'Năm của kỳ báo cáo phải trong khoảng 2000–2100.', [{ field: 'year', code: 'PERIOD_INVALID', message: 'Năm không hợp lệ.' }]);
  }
  const max = PERIOD_NUMBERS[type];
  if (!Number.isInteger(number) || number < 1 || number > max) {
    const message = max === 1 ? `Kỳ ${TYPE_NAMES[type]} chỉ có số thứ tự 1.` : `Số thứ tự của kỳ ${TYPE_NAMES[type]} phải từ 1 đến ${max}.`;
    throw new DomainError('PERIOD_INVALID', message, [{ field: 'number', code: 'PERIOD_INVALID', message }]);
  }
}

/** The calendar months a period covers, first to last (months of its year). */
export interface PeriodMonths {
  first: number;
  last: number;
}

export function periodMonths(type: PeriodType, number: number): PeriodMonths {
  switch (type) {
    case 'month':
      return { first: number, last: number };
    case 'quarter':
      return { first: number * 3 - 2, last: number * 3 };
    case 'half_year':
      return { first: number * 6 - 5, last: number * 6 };
    case 'nine_months':
      return { first: 1, last: 9 };
    case 'year':
      return { first: 1, last: 12 };
  }
}

/**
 * Data cutoff window of Decree 09/2019, Article 12: a month runs from the 15th of the previous
 * month to the 14th of the month; a quarter from the 15th of the month before it to the 14th of
 * its last month; a half-year 15/12 → 14/6 and 15/6 → 14/12; a year 15/12 → 14/12. Nine months
 * (a provincial regime, not Decree 09 itself) 15/12 → 14/9, the same rule.
 */
export function cutoffWindow(type: PeriodType, year: number, number: number): CutoffWindow {
  assertValidPeriod(type, year, number);
  const { first, last } = periodMonths(type, number);
  const startYear = first === 1 ? year - 1 : year;
  const startMonth = first === 1 ? 12 : first - 1;
  return { from: iso(startYear, startMonth, 15), to: iso(year, last, 14) };
}

export const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** As a title says it: "tháng 5 năm 2024", "quý II năm 2024", "6 tháng đầu năm 2024", "9 tháng năm 2024", "năm 2024". */
export function periodLabel(type: PeriodType, year: number, number: number): string {
  switch (type) {
    case 'month':
      return `tháng ${number} năm ${year}`;
    case 'quarter':
      return `quý ${ROMAN[number - 1]} năm ${year}`;
    case 'half_year':
      return `${number === 1 ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${year}`;
    case 'nine_months':
      return `9 tháng năm ${year}`;
    case 'year':
      return `năm ${year}`;
  }
}

/** As a list or a heading on screen names it: "Tháng 5/2024", "Quý II/2024", "6 tháng đầu năm 2024", "9 tháng năm 2024", "Năm 2024". */
export function periodName(type: PeriodType, year: number, number: number): string {
  switch (type) {
    case 'month':
      return `Tháng ${number}/${year}`;
    case 'quarter':
      return `Quý ${ROMAN[number - 1]}/${year}`;
    default: {
      const label = periodLabel(type, year, number);
      return label.charAt(0).toUpperCase() + label.slice(1);
    }
  }
}

/** Sorts periods of a year as the year runs: by last month, a shorter period before a longer one ending with it. */
export function periodOrder(type: PeriodType, number: number): number {
  const { first, last } = periodMonths(type, number);
  return last * 100 + (last - first);
}

/** The default deadline before the working-day calendar exists: N calendar days after the cutoff. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function isWeekend(date: IsoDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * N working days after a date (the date itself not counted). `isDayOff` adds holidays and
 * official days off; `isMakeUpDay` marks Saturdays that are working days.
 */
export function addWorkingDays(
  date: IsoDate,
  days: number,
  calendar: { isDayOff?: (d: IsoDate) => boolean; isMakeUpDay?: (d: IsoDate) => boolean } = {},
): IsoDate {
  const working = (d: IsoDate) =>
    calendar.isMakeUpDay?.(d) || (!isWeekend(d) && !(calendar.isDayOff?.(d) ?? false));
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (working(current)) left--;
  }
  return current;
}
