import { WorkingCalendar } from '@app/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const calendarFiles = new Map<string, unknown>();

/**
 * The working-day calendar of `<config dir>/calendar/vn-holidays.json` (the file is read once per
 * process). Each call builds a calendar of its own: the years the administrator enters are added to
 * the caller's instance (see applyEnteredCalendarYears), never to another app's. A malformed file
 * stops the caller with a message naming the faulty entry.
 */
export function loadWorkingCalendar(configDir: string): WorkingCalendar {
  const file = join(configDir, 'calendar', 'vn-holidays.json');
  if (!calendarFiles.has(file)) calendarFiles.set(file, JSON.parse(readFileSync(file, 'utf8')));
  return WorkingCalendar.fromData(calendarFiles.get(file));
}

/** The reporting body that sends the exchange document (`<config dir>/exchange/reporting-body.json`). */
export interface ReportingBody {
  code: string;
  scheme: string;
  name: string;
}

export function loadReportingBody(configDir: string): ReportingBody {
  const file = JSON.parse(readFileSync(join(configDir, 'exchange', 'reporting-body.json'), 'utf8')) as Partial<ReportingBody>;
  for (const key of ['code', 'scheme', 'name'] as const) {
    if (typeof file[key] !== 'string' || !file[key]) throw new Error(`exchange/reporting-body.json: "${key}" is missing`);
  }
  return { code: file.code!, scheme: file.scheme!, name: file.name! };
}

/** The leadership dashboard's key indicators, in order (`<config dir>/dashboard/key-indicators.json`). */
export function loadKeyIndicators(configDir: string): string[] {
  const file = JSON.parse(readFileSync(join(configDir, 'dashboard', 'key-indicators.json'), 'utf8')) as { indicators?: unknown };
  if (!Array.isArray(file.indicators) || !file.indicators.every((c) => typeof c === 'string')) {
    throw new Error('dashboard/key-indicators.json: "indicators" must be a list of indicator codes');
  }
  return file.indicators as string[];
}

/** The common passwords the password policy refuses (`<config dir>/security/common-passwords.txt`), as text. */
export function loadCommonPasswordsText(configDir: string): string {
  return readFileSync(join(configDir, 'security', 'common-passwords.txt'), 'utf8');
}
