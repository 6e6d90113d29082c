import type { IsoDate } from '../period';
import { countWeekdays, dayOfWeek, fromEpochDay, isIsoDate, isWeekendDay, shiftDays, toEpochDay } from './iso-date';

/** One entry of a year's official schedule: a single day off or a range of days off. */
export interface CalendarDayOff {
  date?: IsoDate;
  from?: IsoDate;
  to?: IsoDate;
  name: string;
  /** a remark for whoever maintains the file (e.g. "not yet checked against the official text") */
  verify?: string;
}

export interface CalendarYear {
  /** lunar holidays, tabulated: the first day of the lunar year and Giỗ Tổ (10/3 âm lịch) */
  lunar?: { tet: IsoDate; hungKings: IsoDate };
  daysOff: CalendarDayOff[];
  /** Saturdays (or Sundays) that are working days because a weekday was swapped off */
  makeUpDays: Array<{ date: IsoDate; name: string }>;
}

/** The shape of config/calendar/vn-holidays.json. */
export interface CalendarData {
  /** solar holidays applied (Monday–Friday only) to years without an official schedule */
  fixedHolidays?: Array<{ monthDay: string; name: string }>;
  years: Record<string, CalendarYear>;
}

function invalid(what: string): Error {
  return new Error(`Lịch ngày nghỉ không hợp lệ (config/calendar): ${what}`);
}

/** What is wrong with one year's schedule (the first thing found), or null; in Vietnamese. */
export function calendarYearProblem(key: string, year: CalendarYear): string | null {
  if (!/^\d{4}$/.test(key)) return `năm "${key}"`;
  if (!Array.isArray(year?.daysOff) || !Array.isArray(year.makeUpDays)) return `năm ${key}: thiếu daysOff/makeUpDays`;
  if (year.lunar && !(isIsoDate(year.lunar.tet) && isIsoDate(year.lunar.hungKings))) return `năm ${key}: ngày âm lịch`;
  const off = new Set<IsoDate>();
  for (const d of year.daysOff) {
    const ok = typeof d?.name === 'string' && d.name.length > 0 &&
      (d.date !== undefined
        ? isIsoDate(d.date) && d.from === undefined && d.to === undefined
        : isIsoDate(d.from) && isIsoDate(d.to) && d.from <= d.to && toEpochDay(d.to) - toEpochDay(d.from) <= 15);
    if (!ok) return `năm ${key}: ngày nghỉ ${JSON.stringify(d)}`;
    for (let x = d.date ?? d.from!; x <= (d.date ?? d.to!); x = shiftDays(x, 1)) off.add(x);
  }
  for (const m of year.makeUpDays) {
    if (!isIsoDate(m?.date) || !m.name || !isWeekendDay(m.date)) return `năm ${key}: ngày làm bù ${JSON.stringify(m)} (phải là thứ Bảy hoặc Chủ nhật)`;
    if (off.has(m.date)) return `${m.date} vừa là ngày nghỉ vừa là ngày làm bù`;
  }
  return null;
}

/**
 * Ngày làm việc: Monday–Friday, minus public holidays and the official days off of each year,
 * plus the make-up Saturdays. Years with an announced schedule use it as given; other years fall
 * back to the fixed solar holidays (their lunar holidays are unknown: see `hasSchedule`).
 */
export class WorkingCalendar {
  private readonly daysOff = new Map<IsoDate, string>();
  private readonly makeUpDays = new Map<IsoDate, string>();
  private readonly scheduledYears = new Set<number>();
  private readonly lunar = new Map<number, { tet: IsoDate; hungKings: IsoDate }>();
  private fixed: Array<{ monthDay: string; name: string }> = [];
  /** per year: epoch days of weekday days off, and of make-up days */
  private readonly offByYear = new Map<number, number[]>();
  private readonly makeUpByYear = new Map<number, number[]>();
  private data: CalendarData;

  private constructor(data: CalendarData) {
    this.data = data;
    this.load(data);
  }

  private load(data: CalendarData): void {
    this.fixed = data.fixedHolidays ?? [];
    for (const [key, year] of Object.entries(data.years)) {
      this.scheduledYears.add(Number(key));
      if (year.lunar) this.lunar.set(Number(key), year.lunar);
      for (const off of year.daysOff) {
        const from = off.date ?? off.from!;
        const to = off.date ?? off.to!;
        for (let d = from; d <= to; d = shiftDays(d, 1)) this.daysOff.set(d, off.name);
      }
      for (const m of year.makeUpDays) this.makeUpDays.set(m.date, m.name);
    }
  }

  /** The calendar with one year's schedule given (or replaced): the administrator's entry, checked. */
  withYear(year: number, entry: CalendarYear): WorkingCalendar {
    return WorkingCalendar.fromData({ ...this.data, years: { ...this.data.years, [String(year)]: entry } });
  }

  /**
   * Replaces one year's schedule in this calendar, which every service of the process shares: what
   * the administrator entered applies from the next computation on. A bad entry throws and changes nothing.
   */
  replaceYear(year: number, entry: CalendarYear): void {
    const next = this.withYear(year, entry).data;
    for (const map of [this.daysOff, this.makeUpDays, this.scheduledYears, this.lunar, this.offByYear, this.makeUpByYear]) map.clear();
    this.data = next;
    this.load(next);
  }

  /** The schedule of a year as the calendar holds it (null: not announced, the fixed holidays apply). */
  yearSchedule(year: number): CalendarYear | null {
    return this.data.years[String(year)] ?? null;
  }

  /** Validates the data file's shape and builds the calendar; a bad file names the faulty entry. */
  static fromData(raw: unknown): WorkingCalendar {
    const data = raw as CalendarData;
    if (!data || typeof data !== 'object' || !data.years || typeof data.years !== 'object') throw invalid('thiếu "years"');
    for (const f of data.fixedHolidays ?? []) {
      if (!isIsoDate(`2024-${f?.monthDay}`) || !f.name) throw invalid(`ngày lễ cố định ${JSON.stringify(f)}`);
    }
    for (const [key, year] of Object.entries(data.years)) {
      const problem = calendarYearProblem(key, year);
      if (problem) throw invalid(problem);
    }
    const calendar = new WorkingCalendar(data);
    for (const d of calendar.makeUpDays.keys()) {
      if (calendar.daysOff.has(d)) throw invalid(`${d} vừa là ngày nghỉ vừa là ngày làm bù`);
    }
    return calendar;
  }

  /** Monday–Friday with no holidays at all (tests, and nothing else). */
  static weekdaysOnly(): WorkingCalendar {
    return new WorkingCalendar({ years: {} });
  }

  /** Whether the year's official schedule (with its lunar holidays) is in the data. */
  hasSchedule(year: number): boolean {
    return this.scheduledYears.has(year);
  }

  lunarHolidays(year: number): { tet: IsoDate; hungKings: IsoDate } | null {
    return this.lunar.get(year) ?? null;
  }

  /** A holiday or official day off (whatever the weekday). */
  isDayOff(date: IsoDate): boolean {
    return this.holidayName(date) !== null;
  }

  isMakeUpDay(date: IsoDate): boolean {
    return this.makeUpDays.has(date);
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isMakeUpDay(date) || (!isWeekendDay(date) && !this.isDayOff(date));
  }

  /** The name of the holiday or day off on that date, if any. */
  holidayName(date: IsoDate): string | null {
    const explicit = this.daysOff.get(date);
    if (explicit) return explicit;
    if (this.scheduledYears.has(Number(date.slice(0, 4)))) return null;
    return this.fixed.find((f) => f.monthDay === date.slice(5))?.name ?? null;
  }

  /** The date itself when it is a working day, else the next working day (BLDS 2015 Điều 148). */
  nextWorkingDay(date: IsoDate): IsoDate {
    let d = date;
    while (!this.isWorkingDay(d)) d = shiftDays(d, 1);
    return d;
  }

  /** N working days after `date` (not counting it); a negative N counts back. */
  addWorkingDays(date: IsoDate, days: number): IsoDate {
    if (!Number.isInteger(days)) throw new RangeError('số ngày làm việc phải là số nguyên');
    const step = days < 0 ? -1 : 1;
    let d = date;
    for (let left = Math.abs(days); left > 0; ) {
      d = shiftDays(d, step);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /**
   * Working days d with from < d ≤ to (negative when `to` is before `from`). Constant time in
   * the length of the range, per year crossed: a scan over thousands of overdue submissions
   * stays cheap.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    const a = toEpochDay(from) + 1;
    const b = toEpochDay(to);
    if (b < a) return 0;
    let count = countWeekdays(a, b);
    for (let y = Number(fromEpochDay(a).slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
      count -= this.weekdayDaysOff(y).filter((d) => d >= a && d <= b).length;
      count += this.yearMakeUpDays(y).filter((d) => d >= a && d <= b).length;
    }
    return count;
  }

  private weekdayDaysOff(year: number): number[] {
    let list = this.offByYear.get(year);
    if (!list) {
      const dates = new Set<IsoDate>([...this.daysOff.keys()].filter((d) => d.startsWith(`${year}-`)));
      if (!this.scheduledYears.has(year)) for (const f of this.fixed) dates.add(`${year}-${f.monthDay}`);
      list = [...dates].filter((d) => dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6).map(toEpochDay).sort((x, y) => x - y);
      this.offByYear.set(year, list);
    }
    return list;
  }

  private yearMakeUpDays(year: number): number[] {
    let list = this.makeUpByYear.get(year);
    if (!list) {
      list = [...this.makeUpDays.keys()].filter((d) => d.startsWith(`${year}-`)).map(toEpochDay);
      this.makeUpByYear.set(year, list);
    }
    return list;
  }
}
