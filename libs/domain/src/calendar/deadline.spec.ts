import data from '../../../../config/calendar/vn-holidays.json';
import { cutoffWindow } from '../period';
import { checkedDeadline, periodDeadline } from './deadline';
import { formatVnDateWithWeekday, vnDate, vnInstant, vnTimeOfDay } from './vn-time';
import { WorkingCalendar } from './working-calendar';

const calendar = WorkingCalendar.fromData(data);
const twoDays = { rule: 'working_days_after_cutoff' as const, days: 2 };
const monthDeadline = (year: number, month: number, rule = twoDays) => periodDeadline(rule, cutoffWindow('month', year, month).to, calendar);

describe('deadlines of monthly periods in working days', () => {
  it.each([
    [2024, 5, '2024-05-16'], // cutoff Tue 14/5 → Thu 16/5 (the Khánh Hòa example)
    [2024, 1, '2024-01-16'], // cutoff on a Sunday: Mon 15, Tue 16
    [2024, 2, '2024-02-16'], // cutoff Wed 14/2 is the last day of Tết: Thu 15, Fri 16
    [2025, 2, '2025-02-18'],
    [2026, 2, '2026-02-24'], // cutoff Sat 14/2/2026 opens the Tết week: Mon 23, Tue 24
    [2024, 4, '2024-04-16'],
  ])('%i-%i: two working days after the cutoff is %s', (year, month, expected) => {
    expect(monthDeadline(year, month)).toBe(expected);
  });

  it('moves a fixed day of month that falls on the Saturday before a holiday week to the next working day', () => {
    // 27/4/2024 is a Saturday, and the offices stay closed until Thu 2/5
    expect(monthDeadline(2024, 4, { rule: 'day_of_month', day: 27 } as never)).toBe('2024-05-02');
    // 25/1/2025 is the Saturday that opens the Tết Ất Tỵ break
    expect(monthDeadline(2025, 1, { rule: 'day_of_month', day: 25 } as never)).toBe('2025-02-03');
  });

  it('keeps a deadline that falls on a make-up Saturday, which is a working day', () => {
    expect(monthDeadline(2025, 4, { rule: 'day_of_month', day: 26 } as never)).toBe('2025-04-26');
    expect(calendar.addWorkingDays('2024-05-03', 1)).toBe('2024-05-04');
  });

  it('clamps day 31 to the end of a short month', () => {
    expect(monthDeadline(2024, 4, { rule: 'day_of_month', day: 31 } as never)).toBe('2024-05-02');
    expect(monthDeadline(2025, 6, { rule: 'day_of_month', day: 31 } as never)).toBe('2025-06-30');
  });

  it('refuses a rule or a typed date that leaves no working day after the cutoff', () => {
    expect(() => monthDeadline(2024, 5, { rule: 'day_of_month', day: 10 } as never)).toThrow(expect.objectContaining({ code: 'DEADLINE_INVALID' }));
    expect(() => monthDeadline(2024, 5, { rule: 'working_days_after_cutoff', days: 0 } as never)).toThrow(expect.objectContaining({ code: 'DEADLINE_INVALID' }));
    expect(() => checkedDeadline('2024-05-14', '2024-05-14', calendar)).toThrow(expect.objectContaining({ code: 'DEADLINE_INVALID' }));
    expect(() => checkedDeadline('2024-02-30', '2024-01-14', calendar)).toThrow(expect.objectContaining({ code: 'DEADLINE_INVALID' }));
    expect(checkedDeadline('2024-05-18', '2024-05-14', calendar)).toBe('2024-05-20');
  });
});

describe('Vietnamese time', () => {
  it('uses UTC+7 for the date and the time of day', () => {
    expect(vnDate(new Date('2024-05-15T17:30:00Z'))).toBe('2024-05-16');
    expect(vnTimeOfDay(new Date('2024-05-15T17:30:00Z'))).toBe('00:30');
    expect(vnInstant('2024-05-16', '08:00').toISOString()).toBe('2024-05-16T01:00:00.000Z');
    expect(formatVnDateWithWeekday('2024-05-16')).toBe('thứ Năm, 16/05/2024');
  });
});
