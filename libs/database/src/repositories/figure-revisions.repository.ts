import type { ValueStatus } from '@app/domain';
import type { EntityManager } from 'typeorm';
import type { Queryable } from './queryable';

/** A figure revision as the API shows it: figures as exact decimal strings. */
export interface FigureRevisionRow {
  id: string;
  submissionId: string;
  indicatorCode: string;
  value: string | null;
  cumulative: string | null;
  status: ValueStatus;
  previousValue: string | null;
  previousStatus: ValueStatus | null;
  reason: string;
  state: 'submitted' | 'approved' | 'returned';
  submittedAt: string;
  submittedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  returnReason: string | null;
  /** for the office's list */
  unitCode: string;
  periodId: string;
}

const SELECT = `
  SELECT r.id, r.submission_id AS "submissionId", r.indicator_code AS "indicatorCode",
         trim_scale(r.numeric_value)::text AS value, trim_scale(r.cumulative_entered)::text AS cumulative, r.status,
         trim_scale(r.previous_value)::text AS "previousValue", r.previous_status AS "previousStatus", r.reason, r.state,
         r.submitted_at AS "submittedAt", su.full_name AS "submittedBy", r.decided_at AS "decidedAt", du.full_name AS "decidedBy",
         r.return_reason AS "returnReason", u.code AS "unitCode", s.period_id AS "periodId"
    FROM figure_revisions r
    JOIN submissions s ON s.id = r.submission_id
    JOIN reporting_units u ON u.id = s.unit_id
    JOIN users su ON su.id = r.submitted_by
    LEFT JOIN users du ON du.id = r.decided_by`;

/** The revisions of one submission's figures, newest first. */
export function findSubmissionFigureRevisions(db: Queryable, submissionId: string): Promise<FigureRevisionRow[]> {
  return db.query(`${SELECT} WHERE r.submission_id = $1 ORDER BY r.submitted_at DESC, r.indicator_code`, [submissionId]);
}

/** Revisions in a state (the office's queue: 'submitted'), of one unit when `unitId` is given, newest first. */
export function findFigureRevisionsInState(db: Queryable, state: FigureRevisionRow['state'], unitId: string | null): Promise<FigureRevisionRow[]> {
  return db.query(`${SELECT} WHERE r.state = $1 AND ($2::uuid IS NULL OR s.unit_id = $2) ORDER BY r.submitted_at DESC LIMIT 500`, [state, unitId]);
}

export interface NewFigureRevision {
  submissionId: string;
  indicatorCode: string;
  numericValue: string | null;
  cumulativeEntered: string | null;
  status: ValueStatus;
  previousValue: string | null;
  previousStatus: ValueStatus | null;
  reason: string;
  submittedBy: string;
  submittedAt: Date;
}

/** Inserts a submitted revision; false when the figure already has one waiting (the partial unique index). */
export async function insertSubmittedFigureRevision(m: EntityManager, r: NewFigureRevision): Promise<string | null> {
  const rows: Array<{ id: string }> = await m.query(
    `INSERT INTO figure_revisions (submission_id, indicator_code, numeric_value, cumulative_entered, status, previous_value, previous_status, reason, submitted_by, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (submission_id, indicator_code) WHERE state = 'submitted' DO NOTHING RETURNING id`,
    [r.submissionId, r.indicatorCode, r.numericValue, r.cumulativeEntered, r.status, r.previousValue, r.previousStatus, r.reason, r.submittedBy, r.submittedAt],
  );
  return rows[0]?.id ?? null;
}

/** A revision row-locked, with its submission's unit and period; of `unitId` only when given. */
export async function lockFigureRevision(
  m: EntityManager,
  id: string,
  unitId: string | null,
): Promise<{ id: string; submissionId: string; indicatorCode: string; numericValue: string | null; cumulativeEntered: string | null; status: ValueStatus; state: string; unitId: string; periodId: string } | null> {
  const rows = await m.query(
    `SELECT r.id, r.submission_id AS "submissionId", r.indicator_code AS "indicatorCode", r.numeric_value::text AS "numericValue",
            r.cumulative_entered::text AS "cumulativeEntered", r.status, r.state, s.unit_id AS "unitId", s.period_id AS "periodId"
       FROM figure_revisions r JOIN submissions s ON s.id = r.submission_id
      WHERE r.id = $1 AND ($2::uuid IS NULL OR s.unit_id = $2) FOR UPDATE OF r`,
    [id, unitId],
  );
  return rows[0] ?? null;
}

/** Approval: the revision decided, its value and status written into the submission's figures. */
export async function applyFigureRevision(m: EntityManager, id: string, actorId: string, at: Date): Promise<void> {
  await m.query(`UPDATE figure_revisions SET state = 'approved', decided_by = $2, decided_at = $3 WHERE id = $1`, [id, actorId, at]);
  // a figure the unit had left empty gets its row
  await m.query(
    `INSERT INTO submission_values (submission_id, indicator_code, numeric_value, cumulative_entered, status, updated_by, updated_at)
     SELECT r.submission_id, r.indicator_code, r.numeric_value, r.cumulative_entered, r.status, $2, $3 FROM figure_revisions r WHERE r.id = $1
     ON CONFLICT (submission_id, indicator_code) DO UPDATE
       SET numeric_value = EXCLUDED.numeric_value, cumulative_entered = coalesce(EXCLUDED.cumulative_entered, submission_values.cumulative_entered),
           status = EXCLUDED.status, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [id, actorId, at],
  );
  // the submission stays approved, so the approval trigger does not see the figure: the series must find its unit
  await m.query(
    `INSERT INTO indicator_reporters (indicator_code, unit_id)
     SELECT r.indicator_code, s.unit_id FROM figure_revisions r JOIN submissions s ON s.id = r.submission_id WHERE r.id = $1
     ON CONFLICT DO NOTHING`,
    [id],
  );
}

export async function returnFigureRevision(m: EntityManager, id: string, actorId: string, at: Date, reason: string): Promise<void> {
  await m.query(`UPDATE figure_revisions SET state = 'returned', decided_by = $2, decided_at = $3, return_reason = $4 WHERE id = $1`, [id, actorId, at, reason]);
}

/**
 * The approved revisions of the months of a year up to `lastMonth` (a longer period's consolidation):
 * per figure, the status and value it had before its first revision (what the reports first printed).
 */
export interface RevisedMonthRow {
  year: number;
  number: number;
  submission_id: string;
  indicator_code: string;
  previous_value: string | null;
  previous_status: ValueStatus | null;
}

export function findRevisedMonths(db: Queryable, years: number[], lastMonth: number): Promise<RevisedMonthRow[]> {
  return db.query(
    `SELECT p.year, p.number, r.submission_id, r.indicator_code,
            (array_agg(trim_scale(r.previous_value)::text ORDER BY r.decided_at))[1] AS previous_value,
            (array_agg(r.previous_status ORDER BY r.decided_at))[1] AS previous_status
       FROM figure_revisions r
       JOIN submissions s ON s.id = r.submission_id AND s.state = 'approved'
       JOIN periods p ON p.id = s.period_id AND p.type = 'month' AND p.year = ANY($1) AND p.number <= $2
      WHERE r.state = 'approved'
      GROUP BY p.year, p.number, r.submission_id, r.indicator_code`,
    [years, lastMonth],
  );
}

/** The approved revisions of one submission's figures (a month's own report): as findRevisedMonths. */
export function findRevisedFiguresOf(db: Queryable, submissionIds: string[]): Promise<RevisedMonthRow[]> {
  return db.query(
    `SELECT p.year, p.number, r.submission_id, r.indicator_code,
            (array_agg(trim_scale(r.previous_value)::text ORDER BY r.decided_at))[1] AS previous_value,
            (array_agg(r.previous_status ORDER BY r.decided_at))[1] AS previous_status
       FROM figure_revisions r JOIN submissions s ON s.id = r.submission_id JOIN periods p ON p.id = s.period_id
      WHERE r.state = 'approved' AND r.submission_id = ANY($1)
      GROUP BY p.year, p.number, r.submission_id, r.indicator_code`,
    [submissionIds],
  );
}

/**
 * The periods whose reports print a month's figures: the month itself and every longer period of its
 * year whose months include it, each with its current (not superseded) report and that report's state.
 */
export function findPeriodsPrintingMonth(
  db: Queryable,
  year: number,
  month: number,
): Promise<Array<{ period_id: string; type: string; number: number; report_id: string | null; report_state: string | null }>> {
  return db.query(
    `SELECT p.id AS period_id, p.type, p.number, r.id AS report_id, r.state AS report_state
       FROM periods p
       LEFT JOIN LATERAL (SELECT id, state FROM reports WHERE period_id = p.id ORDER BY created_at DESC LIMIT 1) r ON true
      WHERE p.year = $1 AND (
        (p.type = 'month' AND p.number = $2) OR (p.type = 'quarter' AND $2 BETWEEN p.number * 3 - 2 AND p.number * 3)
        OR (p.type = 'half_year' AND $2 BETWEEN p.number * 6 - 5 AND p.number * 6)
        OR (p.type = 'nine_months' AND $2 <= 9) OR p.type = 'year')
      ORDER BY p.type, p.number`,
    [year, month],
  );
}

/** A report that left drafting is flagged, not rewritten: what changed, since when. */
export async function flagReportStale(m: Queryable, reportId: string, reason: string, at: Date): Promise<void> {
  await m.query(`UPDATE reports SET stale_reason = $2, stale_since = coalesce(stale_since, $3) WHERE id = $1 AND state <> 'drafting'`, [reportId, reason, at]);
}

/** A period's type, year and number. */
export async function findPeriodKey(db: Queryable, periodId: string): Promise<{ type: string; year: number; number: number } | null> {
  const [row] = await db.query(`SELECT type, year, number FROM periods WHERE id = $1`, [periodId]);
  return row ?? null;
}

/**
 * The longer periods of a month's year whose months include it, each with whether every one of its
 * months is opened and fully approved (`ready`), and the versions of those months' submissions
 * (one consolidation per set: a redelivered event names the same set).
 */
export function findLongerPeriodsOfMonth(
  db: Queryable,
  year: number,
  month: number,
): Promise<Array<{ id: string; ready: boolean; versions: string }>> {
  return db.query(
    `WITH lp AS (
       SELECT id, CASE type WHEN 'quarter' THEN number * 3 - 2 WHEN 'half_year' THEN number * 6 - 5 ELSE 1 END AS first,
              CASE type WHEN 'quarter' THEN number * 3 WHEN 'half_year' THEN number * 6 WHEN 'nine_months' THEN 9 ELSE 12 END AS last
         FROM periods WHERE year = $1 AND type <> 'month'),
     months AS (
       SELECT p.number, count(s.id) AS total, count(*) FILTER (WHERE s.state = 'approved') AS approved,
              string_agg(s.id || ':' || s.version, ',' ORDER BY s.id) AS versions
         FROM periods p LEFT JOIN submissions s ON s.period_id = p.id
        WHERE p.type = 'month' AND p.year = $1 GROUP BY p.number)
     SELECT lp.id, coalesce(bool_and(m.total > 0 AND m.total = m.approved), false) AND count(m.number) = lp.last - lp.first + 1 AS ready,
            coalesce(string_agg(m.versions, ';' ORDER BY m.number), '') AS versions
       FROM lp LEFT JOIN months m ON m.number BETWEEN lp.first AND lp.last
      WHERE $2 BETWEEN lp.first AND lp.last
      GROUP BY lp.id, lp.first, lp.last`,
    [year, month],
  );
}

/** Was this submission ever reopened (a correction after approval)? */
export async function wasReopened(db: Queryable, submissionId: string): Promise<boolean> {
  const [row] = await db.query(`SELECT EXISTS (SELECT 1 FROM review_actions WHERE submission_id = $1 AND action = 'reopen') AS reopened`, [submissionId]);
  return row.reopened;
}

/** The unit's name, for a stale report's reason. */
export async function findUnitName(db: Queryable, unitId: string): Promise<string> {
  const [row] = await db.query(`SELECT name FROM reporting_units WHERE id = $1`, [unitId]);
  return row?.name ?? '';
}

/** The period's current report (the newest) and its state, if it has one. */
export async function findCurrentReportOf(db: Queryable, periodId: string): Promise<{ report_id: string | null; report_state: string | null }> {
  const [row] = await db.query(`SELECT id AS report_id, state AS report_state FROM reports WHERE period_id = $1 ORDER BY created_at DESC LIMIT 1`, [periodId]);
  return row ?? { report_id: null, report_state: null };
}

/** Has the report a revision of this trigger (consolidated from the figures an event named)? */
export async function hasRevisionOfTrigger(db: Queryable, reportId: string, trigger: string): Promise<boolean> {
  const [row] = await db.query(`SELECT EXISTS (SELECT 1 FROM report_revisions WHERE report_id = $1 AND trigger = $2) AS found`, [reportId, trigger]);
  return row.found;
}
