import { periodLabel, PeriodType, SubmissionContext } from '@app/domain';
import { DataSource } from 'typeorm';

/** A submission as the event messages need it: unit, period, the unit's own deadline, state. */
export interface SubmissionFacts extends SubmissionContext {
  submissionId: string;
  unitId: string;
  periodId: string;
  state: 'draft' | 'submitted' | 'returned' | 'approved';
  submittedAt: Date | null;
}

/** Reloads the submission a job names; null when it is gone. One query. */
export async function loadSubmissionFacts(db: DataSource, where: { submissionId: string } | { periodId: string; unitId: string }, publicUrl: string): Promise<SubmissionFacts | null> {
  const [filter, params] =
    'submissionId' in where ? ['s.id = $1', [where.submissionId]] : ['s.period_id = $1 AND s.unit_id = $2', [where.periodId, where.unitId]];
  const rows: Array<{
    id: string; unit_id: string; period_id: string; state: SubmissionFacts['state']; submitted_at: Date | null; unit_name: string;
    type: PeriodType; year: number; number: number; deadline: string; extended: boolean;
  }> = await db.query(
    `SELECT s.id, s.unit_id, s.period_id, s.state, s.submitted_at, u.name AS unit_name, p.type, p.year, p.number,
            coalesce(e.deadline, p.deadline)::text AS deadline, e.id IS NOT NULL AS extended
       FROM submissions s
       JOIN reporting_units u ON u.id = s.unit_id
       JOIN periods p ON p.id = s.period_id
       LEFT JOIN deadline_extensions e ON e.period_id = s.period_id AND e.unit_id = s.unit_id
      WHERE ${filter}`,
    params,
  );
  const r = rows[0];
  if (!r) return null;
  return {
    submissionId: r.id,
    unitId: r.unit_id,
    periodId: r.period_id,
    state: r.state,
    submittedAt: r.submitted_at,
    unitName: r.unit_name,
    periodLabel: periodLabel(r.type, r.year, r.number),
    deadline: r.deadline,
    extended: r.extended,
    link: `${publicUrl}/api/submissions/${r.id}`,
  };
}
