import type { Queryable } from './queryable';
import type { UnitScope } from './unit-scope';

export interface CompletenessRow {
  submissionId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  state: string;
  /** the first time the unit submitted (timeliness is judged on it) */
  firstSubmittedAt: Date | null;
  /** the latest submission (after a return) */
  submittedAt: Date | null;
  approvedAt: Date | null;
  /** the unit's own deadline: the period's, or its extension */
  deadline: string;
  extended: boolean;
  extensionReason: string | null;
  /** deadline reminders sent to the unit (before, on and after the deadline) */
  remindersSent: number;
  lastReminderDay: string | null;
}

/** One row per unit of the period, in unit-code order; scoped by the caller's unit when it has one. */
export async function findPeriodCompleteness(db: Queryable, periodId: string, scope: UnitScope): Promise<CompletenessRow[]> {
  const params: unknown[] = [periodId];
  let unitFilter = '';
  if (scope.kind === 'unit') {
    params.push(scope.unitId);
    unitFilter = 'AND s.unit_id = $2';
  }
  return db.query(
    `SELECT s.id AS "submissionId", s.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName", s.state,
            coalesce((SELECT min(ra.created_at) FROM review_actions ra WHERE ra.submission_id = s.id AND ra.action = 'submit'), s.submitted_at) AS "firstSubmittedAt",
            s.submitted_at AS "submittedAt", s.approved_at AS "approvedAt",
            coalesce(e.deadline, p.deadline)::text AS deadline, e.id IS NOT NULL AS extended, e.reason AS "extensionReason",
            coalesce(r.n, 0)::int AS "remindersSent", r.last_day::text AS "lastReminderDay"
       FROM submissions s
       JOIN periods p ON p.id = s.period_id
       JOIN reporting_units u ON u.id = s.unit_id
       LEFT JOIN deadline_extensions e ON e.period_id = s.period_id AND e.unit_id = s.unit_id
       LEFT JOIN LATERAL (
         SELECT count(*) AS n, max(day) AS last_day FROM reminders
          WHERE submission_id = s.id AND kind IN ('before_deadline', 'on_deadline', 'overdue')
       ) r ON true
      WHERE s.period_id = $1 ${unitFilter}
      ORDER BY u.code`,
    params,
  );
}
