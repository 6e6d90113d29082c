import type { CalendarYear, WorkingCalendar } from '@app/domain';
import type { EntityManager } from 'typeorm';
import type { Queryable } from './queryable';

/** A year's days off and make-up days as the administrator entered them, with the decision that announced them. */
export interface CalendarYearRow {
  year: number;
  entry: CalendarYear;
  decision: string;
  version: number;
  updatedAt: Date;
}

export async function findEnteredCalendarYears(db: Queryable): Promise<CalendarYearRow[]> {
  return db.query(
    `SELECT year, jsonb_strip_nulls(jsonb_build_object('lunar', lunar, 'daysOff', days_off, 'makeUpDays', make_up_days)) AS entry,
            decision, version, updated_at AS "updatedAt"
       FROM calendar_years ORDER BY year`,
  );
}

/** The year's row, locked until the caller's transaction ends (it is about to be replaced). */
export async function lockCalendarYear(m: EntityManager, year: number): Promise<CalendarYearRow | null> {
  const [row] = await m.query(
    `SELECT year, jsonb_strip_nulls(jsonb_build_object('lunar', lunar, 'daysOff', days_off, 'makeUpDays', make_up_days)) AS entry,
            decision, version, updated_at AS "updatedAt"
       FROM calendar_years WHERE year = $1 FOR UPDATE`,
    [year],
  );
  return row ?? null;
}

export async function upsertCalendarYear(m: EntityManager, year: number, entry: CalendarYear, decision: string, actorId: string): Promise<number> {
  const [row] = await m.query(
    `INSERT INTO calendar_years (year, lunar, days_off, make_up_days, decision, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (year) DO UPDATE SET lunar = EXCLUDED.lunar, days_off = EXCLUDED.days_off, make_up_days = EXCLUDED.make_up_days,
       decision = EXCLUDED.decision, updated_by = EXCLUDED.updated_by, updated_at = now(), version = calendar_years.version + 1
     RETURNING version`,
    [year, entry.lunar ? JSON.stringify(entry.lunar) : null, JSON.stringify(entry.daysOff), JSON.stringify(entry.makeUpDays), decision, actorId],
  );
  return row.version;
}

/**
 * Puts the years entered in the database into `calendar` (they override the data file's). Cheap
 * when nothing changed: a year already held as entered is left alone.
 */
export async function applyEnteredCalendarYears(db: Queryable, calendar: WorkingCalendar): Promise<void> {
  for (const row of await findEnteredCalendarYears(db)) {
    if (JSON.stringify(calendar.yearSchedule(row.year)) !== JSON.stringify(row.entry)) calendar.replaceYear(row.year, row.entry);
  }
}

/** Periods still awaiting figures (some submission not approved), with their form's deadline rule. */
export interface PeriodAwaitingRow {
  id: string;
  type: string;
  year: number;
  number: number;
  cutoffTo: string;
  deadline: string;
  deadlineRule: unknown;
}

export async function lockPeriodsAwaitingFigures(m: EntityManager): Promise<PeriodAwaitingRow[]> {
  return m.query(
    `SELECT p.id, p.type, p.year, p.number, p.cutoff_to::text AS "cutoffTo", p.deadline::text AS deadline, t.deadline_rule AS "deadlineRule"
       FROM periods p JOIN form_templates t ON t.id = p.form_template_id
      WHERE EXISTS (SELECT 1 FROM submissions s WHERE s.period_id = p.id AND s.state <> 'approved')
      ORDER BY p.cutoff_to FOR UPDATE OF p`,
  );
}

export async function updatePeriodDeadline(m: EntityManager, periodId: string, deadline: string): Promise<void> {
  await m.query(`UPDATE periods SET deadline = $2 WHERE id = $1`, [periodId, deadline]);
}

/**
 * Whose deadline a moved date is: the units of the period still owing figures (not approved) — for the
 * period's deadline those without an extension of their own, for an extension's its unit.
 */
export async function findUnitsOwingBy(m: EntityManager, periodId: string, extensionId: string | null): Promise<string[]> {
  const rows: Array<{ unitId: string }> = await m.query(
    extensionId === null
      ? `SELECT s.unit_id AS "unitId" FROM submissions s
          WHERE s.period_id = $1 AND s.state <> 'approved'
            AND NOT EXISTS (SELECT 1 FROM deadline_extensions e WHERE e.period_id = s.period_id AND e.unit_id = s.unit_id)
          ORDER BY s.unit_id`
      : `SELECT s.unit_id AS "unitId" FROM submissions s JOIN deadline_extensions e ON e.period_id = s.period_id AND e.unit_id = s.unit_id
          WHERE s.period_id = $1 AND e.id = $2 AND s.state <> 'approved'`,
    extensionId === null ? [periodId] : [periodId, extensionId],
  );
  return rows.map((r) => r.unitId);
}

export async function findExtensionsOfPeriods(m: EntityManager, periodIds: string[]): Promise<Array<{ id: string; periodId: string; deadline: string }>> {
  return m.query(`SELECT id, period_id AS "periodId", deadline::text AS deadline FROM deadline_extensions WHERE period_id = ANY($1) FOR UPDATE`, [periodIds]);
}

export async function updateExtensionDeadline(m: EntityManager, id: string, deadline: string): Promise<void> {
  await m.query(`UPDATE deadline_extensions SET deadline = $2, updated_at = now() WHERE id = $1`, [id, deadline]);
}
