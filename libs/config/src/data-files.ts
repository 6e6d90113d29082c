import { WorkingCalendar } from '@app/domain';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** config/ at the top of the repository, from the sources (jest) or from dist/apps/<app>. */
export const CONFIG_DIR = process.env.TONGHOP_CONFIG_DIR ?? resolve(__dirname, '..', '..', '..', 'config');

const calendars = new Map<string, WorkingCalendar>();

/**
 * The working-day calendar from config/calendar/vn-holidays.json (read once per process). A
 * malformed file stops the caller with a message naming the faulty entry.
 */
export function loadWorkingCalendar(file = join(CONFIG_DIR, 'calendar', 'vn-holidays.json')): WorkingCalendar {
  let calendar = calendars.get(file);
  if (!calendar) {
    calendar = WorkingCalendar.fromData(JSON.parse(readFileSync(file, 'utf8')));
    calendars.set(file, calendar);
  }
  return calendar;
}
