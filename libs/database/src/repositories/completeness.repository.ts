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

/** One unit's submission of one month of a year, for the dashboard's timeliness heat map. */
export interface YearTimelinessRow {
  month: number;
  periodId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  submissionId: string;
  state: string;
  deadline: string;
  /** the first "submit" of the workflow; null for history imported without one */
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
}

/** Every submission of the monthly periods of `year` up to month `through`, by unit code then month. */
export async function findYearTimeliness(db: Queryable, year: number, through: number): Promise<YearTimelinessRow[]> {
  return db.query(
    `SELECT p.number AS month, p.id AS "periodId", u.id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
            s.id AS "submissionId", s.state, coalesce(e.deadline, p.deadline)::text AS deadline,
            (SELECT min(ra.created_at) FROM review_actions ra WHERE ra.submission_id = s.id AND ra.action = 'submit') AS "firstSubmittedAt",
            s.submitted_at AS "submittedAt"
       FROM periods p
       JOIN submissions s ON s.period_id = p.id
       JOIN reporting_units u ON u.id = s.unit_id
       LEFT JOIN deadline_extensions e ON e.period_id = p.id AND e.unit_id = s.unit_id
      WHERE p.type = 'month' AND p.year = $1 AND p.number <= $2
      ORDER BY u.code, p.number`,
    [year, through],
  );
}
