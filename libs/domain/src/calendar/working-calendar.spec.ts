import data from '../../../../config/calendar/vn-holidays.json';
import { dayOfWeek, shiftDays } from './iso-date';
import { calendarYearProblem, WorkingCalendar } from './working-calendar';

const calendar = WorkingCalendar.fromData(data);
const working = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = shiftDays(d, 1)) if (calendar.isWorkingDay(d)) out.push(d);
  return out;
};

describe('the working-day calendar (config/calendar/vn-holidays.json)', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
  ])('knows Tết %i fell on %s, a day off inside the official Tết break', (year, tet) => {
    expect(calendar.lunarHolidays(year)?.tet).toBe(tet);
    expect(calendar.isDayOff(tet)).toBe(true);
    expect(calendar.holidayName(tet)).toMatch(/Tết Nguyên đán/);
  });

  it.each([
    ['2024', '2024-02-07', '2024-02-15', ['2024-02-07', '2024-02-15']],
    ['2025', '2025-01-24', '2025-02-03', ['2025-01-24', '2025-02-03']],
    ['2026', '2026-02-13', '2026-02-23', ['2026-02-13', '2026-02-23']],
  ])('closes the offices for the whole Tết %s break (5 weekdays)', (_y, from, to, expected) => {
    expect(working(from, to)).toEqual(expected);
  });

  it('puts every year’s Giỗ Tổ (10/3 âm lịch) on a day off, or the Monday after when it is a Sunday', () => {
    for (const year of [2024, 2025, 2026]) {
      const day = calendar.lunarHolidays(year)!.hungKings;
      const observed = dayOfWeek(day) === 0 ? shiftDays(day, 1) : day;
      expect(calendar.isWorkingDay(observed)).toBe(false);
    }
    expect(calendar.isWorkingDay('2025-04-07')).toBe(false);
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
  });

  it('follows the 2024 schedule: 30/4–1/5 off Sat 27/4–Wed 1/5, make-up work on Sat 04/5', () => {
    expect(working('2024-04-26', '2024-05-06')).toEqual(['2024-04-26', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-06']);
    expect(calendar.isMakeUpDay('2024-05-04')).toBe(true);
    expect(working('2024-08-30', '2024-09-04')).toEqual(['2024-08-30', '2024-09-04']);
  });

  it('follows the 2025 schedule: Sat 26/4 is a working day, 30/4–4/5 and 30/8–2/9 are off', () => {
    expect(working('2025-04-25', '2025-05-05')).toEqual(['2025-04-25', '2025-04-26', '2025-04-28', '2025-04-29', '2025-05-05']);
    expect(working('2025-08-29', '2025-09-03')).toEqual(['2025-08-29', '2025-09-03']);
  });

  it('follows the 2026 New Year swap: Fri 02/01 off, Sat 10/01 worked', () => {
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-11')).toBe(false);
  });

  it('counts working days across holidays and make-up days, forwards and backwards', () => {
    expect(calendar.addWorkingDays('2024-05-03', 1)).toBe('2024-05-04');
    expect(calendar.addWorkingDays('2024-04-26', 1)).toBe('2024-05-02');
    expect(calendar.addWorkingDays('2024-05-02', -1)).toBe('2024-04-26');
    expect(calendar.workingDaysBetween('2024-04-26', '2024-05-06')).toBe(4);
    expect(calendar.workingDaysBetween('2024-05-06', '2024-04-26')).toBe(-4);
    expect(calendar.workingDaysBetween('2024-05-16', '2024-05-16')).toBe(0);
  });

  it('counts long ranges in closed form exactly as day-by-day stepping does', () => {
    const slow = (from: string, to: string) => working(shiftDays(from, 1), to).length;
    for (const [from, to] of [['2023-12-20', '2026-03-10'], ['2010-01-01', '2024-02-20'], ['2024-02-01', '2024-02-29']]) {
      expect(calendar.workingDaysBetween(from, to)).toBe(slow(from, to));
    }
  });

  it('falls back to the fixed solar holidays for a year without an official schedule', () => {
    expect(calendar.hasSchedule(2030)).toBe(false);
    expect(calendar.isWorkingDay('2030-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2030-09-02')).toBe(false);
    expect(calendar.isWorkingDay('2030-01-02')).toBe(true);
  });

  it('refuses a malformed data file, naming what is wrong', () => {
    expect(() => WorkingCalendar.fromData({})).toThrow(/years/);
    expect(() => WorkingCalendar.fromData({ years: { 2024: { daysOff: [{ date: '2024-02-30', name: 'x' }], makeUpDays: [] } } })).toThrow(/2024-02-30/);
    expect(() => WorkingCalendar.fromData({ years: { 2024: { daysOff: [], makeUpDays: [{ date: '2024-05-06', name: 'x' }] } } })).toThrow(/thứ Bảy/);
    expect(() =>
      WorkingCalendar.fromData({ years: { 2024: { daysOff: [{ from: '2024-05-04', to: '2024-05-05', name: 'x' }], makeUpDays: [{ date: '2024-05-04', name: 'y' }] } } }),
    ).toThrow(/vừa là ngày nghỉ/);
  });
});

describe('a year entered by the administrator', () => {
  const base = WorkingCalendar.fromData({ years: { '2024': { daysOff: [{ date: '2024-01-01', name: 'Tết Dương lịch' }], makeUpDays: [] } } });

  it('withYear gives a new calendar and leaves the shared one alone; replaceYear changes the shared one', () => {
    const entry = { daysOff: [{ date: '2024-05-16', name: 'Nghỉ bù' }], makeUpDays: [{ date: '2024-05-18', name: 'Làm bù' }] };
    const next = base.withYear(2024, entry);
    expect(next.isWorkingDay('2024-05-16')).toBe(false);
    expect(next.isWorkingDay('2024-05-18')).toBe(true);
    expect(next.isWorkingDay('2024-01-01')).toBe(true); // the year is replaced, not added to
    expect(base.isWorkingDay('2024-05-16')).toBe(true);
    expect(base.workingDaysBetween('2024-05-14', '2024-05-20')).toBe(4);
    base.replaceYear(2024, entry);
    expect(base.isWorkingDay('2024-05-16')).toBe(false);
    expect(base.workingDaysBetween('2024-05-14', '2024-05-20')).toBe(4); // one day off, one make-up Saturday
    expect(base.yearSchedule(2024)).toEqual(entry);
  });

  it('refuses a bad entry and changes nothing', () => {
    const before = base.yearSchedule(2024);
    expect(() => base.replaceYear(2024, { daysOff: [], makeUpDays: [{ date: '2024-05-15', name: 'thứ Tư' }] })).toThrow(/thứ Bảy hoặc Chủ nhật/);
    expect(base.yearSchedule(2024)).toEqual(before);
    expect(calendarYearProblem('2024', { daysOff: [{ date: '2024-05-18', name: 'x' }], makeUpDays: [{ date: '2024-05-18', name: 'y' }] })).toMatch(/vừa là ngày nghỉ vừa là ngày làm bù/);
  });
});
