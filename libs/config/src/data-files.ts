import { WorkingCalendar } from '@app/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const calendars = new Map<string, WorkingCalendar>();

/**
 * The working-day calendar from `<config dir>/calendar/vn-holidays.json` (read once per process). A
 * malformed file stops the caller with a message naming the faulty entry.
 */
export function loadWorkingCalendar(configDir: string): WorkingCalendar {
  const file = join(configDir, 'calendar', 'vn-holidays.json');
  let calendar = calendars.get(file);
  if (!calendar) {
    calendar = WorkingCalendar.fromData(JSON.parse(readFileSync(file, 'utf8')));
    calendars.set(file, calendar);
  }
  return calendar;
}
