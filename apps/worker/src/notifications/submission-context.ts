import { findSubmissionFacts, SubmissionFactsRow } from '@app/database';
import { periodLabel, SubmissionContext } from '@app/domain';
import { DataSource } from 'typeorm';

/** A submission as the event messages need it: unit, period, the unit's own deadline, state. */
export interface SubmissionFacts extends SubmissionContext {
  submissionId: string;
  unitId: string;
  periodId: string;
  state: SubmissionFactsRow['state'];
  submittedAt: Date | null;
}

/** Reloads the submission a job names; null when it is gone. One query. */
export async function loadSubmissionFacts(db: DataSource, where: { submissionId: string } | { periodId: string; unitId: string }, publicUrl: string): Promise<SubmissionFacts | null> {
  const r = await findSubmissionFacts(db, where);
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
