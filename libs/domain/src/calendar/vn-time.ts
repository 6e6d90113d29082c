import type { IsoDate } from '../period';
import { dayOfWeek } from './iso-date';

/** Vietnam is UTC+7 all year (no daylight saving): a day there starts at 17:00 UTC the day before. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** The calendar date in Vietnam at that instant. */
export function vnDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** 'HH:MM' in Vietnam at that instant. */
export function vnTimeOfDay(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant of a Vietnamese wall-clock time on a date ('2024-05-13', '08:00'). */
export function vnInstant(date: IsoDate, time = '00:00'): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

/** 16/05/2024 — day and month with two digits, as administrative documents write them. */
export function formatVnDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "thứ Năm, 16/05/2024" */
export function formatVnDateWithWeekday(date: IsoDate): string {
  return `${WEEKDAYS[dayOfWeek(date)]}, ${formatVnDate(date)}`;
}
