import type { PeriodType, SubmissionState } from '@app/domain';
import type { Queryable } from './queryable';

/** A submission as the event messages need it: unit, period, the unit's own deadline, state. */
export interface SubmissionFactsRow {
  id: string;
  unit_id: string;
  period_id: string;
  state: SubmissionState;
  submitted_at: Date | null;
  unit_name: string;
  type: PeriodType;
  year: number;
  number: number;
  /** the unit's own deadline: its extension, or the period's */
  deadline: string;
  extended: boolean;
}

/** Reloads the submission a job names, by id or by period and unit; null when it is gone. One query. */
export async function findSubmissionFacts(
  db: Queryable,
  where: { submissionId: string } | { periodId: string; unitId: string },
): Promise<SubmissionFactsRow | null> {
  const [filter, params] =
    'submissionId' in where ? ['s.id = $1', [where.submissionId]] : ['s.period_id = $1 AND s.unit_id = $2', [where.periodId, where.unitId]];
  const rows: SubmissionFactsRow[] = await db.query(
    `SELECT s.id, s.unit_id, s.period_id, s.state, s.submitted_at, u.name AS unit_name, p.type, p.year, p.number,
            coalesce(e.deadline, p.deadline)::text AS deadline, e.id IS NOT NULL AS extended
       FROM submissions s
       JOIN reporting_units u ON u.id = s.unit_id
       JOIN periods p ON p.id = s.period_id
       LEFT JOIN deadline_extensions e ON e.period_id = s.period_id AND e.unit_id = s.unit_id
      WHERE ${filter}`,
    params,
  );
  return rows[0] ?? null;
}

/** Every submission of the period with its version and state, by id (a stable order to fingerprint). */
export async function findPeriodSubmissionVersions(
  db: Queryable,
  periodId: string,
): Promise<Array<{ id: string; version: number; state: SubmissionState }>> {
  return db.query(`SELECT id, version, state FROM submissions WHERE period_id = $1 ORDER BY id`, [periodId]);
}

/** The unit's submission in the period, if the period has one for it. */
export async function findSubmissionIdOfUnit(db: Queryable, periodId: string, unitId: string): Promise<string | null> {
  const [row]: Array<{ id: string }> = await db.query(`SELECT id FROM submissions WHERE period_id = $1 AND unit_id = $2`, [periodId, unitId]);
  return row?.id ?? null;
}

/** The reason given with the latest return of the submission. */
export async function findLatestReturnReason(db: Queryable, submissionId: string): Promise<string | null> {
  const [row]: Array<{ reason: string | null }> = await db.query(
    `SELECT reason FROM review_actions WHERE submission_id = $1 AND action = 'return' ORDER BY created_at DESC LIMIT 1`,
    [submissionId],
  );
  return row?.reason ?? null;
}
