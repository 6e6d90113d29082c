import { DomainError } from '../errors';
import type { IsoDate } from '../period';
import { isIsoDate, lastDayOfMonth } from './iso-date';
import { WorkingCalendar } from './working-calendar';

/**
 * A form's deadline rule (data, in the form file): N working days after the data cutoff
 * ("02 ngày làm việc kể từ ngày chốt số liệu"), or a fixed day of the cutoff's month.
 */
export interface DeadlineRule {
  rule: 'working_days_after_cutoff' | 'day_of_month';
  days?: number;
  day?: number;
}

export const DEFAULT_DEADLINE_RULE: DeadlineRule = { rule: 'working_days_after_cutoff', days: 2 };

function ruleError(message: string): DomainError {
  return new DomainError('DEADLINE_INVALID', message);
}

/**
 * The submission deadline of a period whose data cutoff is `cutoffTo`. A date that falls on a day
 * off moves to the next working day, and at least one working day must separate the cutoff from
 * the deadline (NĐ 09/2019 Điều 8 k.5 b).
 */
export function periodDeadline(rule: DeadlineRule | null | undefined, cutoffTo: IsoDate, calendar: WorkingCalendar): IsoDate {
  const r = rule ?? DEFAULT_DEADLINE_RULE;
  if (r.rule === 'working_days_after_cutoff') {
    const days = r.days ?? DEFAULT_DEADLINE_RULE.days!;
    if (!Number.isInteger(days) || days < 1 || days > 60) throw ruleError('Quy tắc hạn nộp của biểu mẫu: số ngày làm việc phải từ 1 đến 60.');
    return calendar.addWorkingDays(cutoffTo, days);
  }
  if (r.rule === 'day_of_month') {
    const day = r.day;
    if (day === undefined || !Number.isInteger(day) || day < 1 || day > 31) throw ruleError('Quy tắc hạn nộp của biểu mẫu: ngày trong tháng phải từ 1 đến 31.');
    const year = Number(cutoffTo.slice(0, 4));
    const month = Number(cutoffTo.slice(5, 7));
    const date = `${cutoffTo.slice(0, 8)}${String(Math.min(day, lastDayOfMonth(year, month))).padStart(2, '0')}`;
    return checkedDeadline(date, cutoffTo, calendar);
  }
  throw ruleError('Quy tắc hạn nộp của biểu mẫu không được hỗ trợ.');
}

/** A deadline typed by someone (opening a period, granting an extension): rolled to a working day, after the cutoff. */
export function checkedDeadline(date: IsoDate, cutoffTo: IsoDate, calendar: WorkingCalendar): IsoDate {
  if (!isIsoDate(date)) throw ruleError('Hạn nộp phải là một ngày hợp lệ (YYYY-MM-DD).');
  const rolled = calendar.nextWorkingDay(date);
  if (calendar.workingDaysBetween(cutoffTo, rolled) < 1) {
    throw ruleError('Hạn nộp phải sau ngày chốt số liệu ít nhất 01 ngày làm việc.');
  }
  return rolled;
}
