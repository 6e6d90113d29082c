import { DomainError } from './errors';

export const PERIOD_TYPES = ['month', 'quarter', 'half_year', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** A calendar date without a time zone, as 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface CutoffWindow {
  from: IsoDate;
  to: IsoDate;
}

const MAX_NUMBER: Record<PeriodType, number> = { month: 12, quarter: 4, half_year: 2, year: 1 };

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function assertValidPeriod(type: PeriodType, year: number, number: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new DomainError('PERIOD_INVALID', 'Năm của kỳ báo cáo phải trong khoảng 2000–2100.');
  }
  if (!Number.isInteger(number) || number < 1 || number > MAX_NUMBER[type]) {
    throw new DomainError('PERIOD_INVALID', `Số thứ tự kỳ phải từ 1 đến ${MAX_NUMBER[type]}.`);
  }
}

/**
 * Data cutoff window of Decree 09/2019, Article 12: a month runs from the 15th of the previous
 * month to the 14th of the month; a quarter from the 15th of the month before it to the 14th of
 * its last month; a half-year 15/12 → 14/6 and 15/6 → 14/12; a year 15/12 → 14/12.
 */
export function cutoffWindow(type: PeriodType, year: number, number: number): CutoffWindow {
  assertValidPeriod(type, year, number);
  const lastMonth = { month: number, quarter: number * 3, half_year: number * 6, year: 12 }[type];
  const months = { month: 1, quarter: 3, half_year: 6, year: 12 }[type];
  const firstMonth = lastMonth - months + 1;
  const startYear = firstMonth === 1 ? year - 1 : year;
  const startMonth = firstMonth === 1 ? 12 : firstMonth - 1;
  return { from: iso(startYear, startMonth, 15), to: iso(year, lastMonth, 14) };
}

/** "tháng 5 năm 2024", "quý II năm 2024", … */
export function periodLabel(type: PeriodType, year: number, number: number): string {
  const roman = ['I', 'II', 'III', 'IV'];
  switch (type) {
    case 'month':
      return `tháng ${number} năm ${year}`;
    case 'quarter':
      return `quý ${roman[number - 1]} năm ${year}`;
    case 'half_year':
      return `${number === 1 ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${year}`;
    case 'year':
      return `năm ${year}`;
  }
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
