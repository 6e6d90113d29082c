import { lockSignedReports, supersedeReport } from '@app/database';
import { writeOutbox } from '@app/queue';
import { EntityManager } from 'typeorm';

/**
 * Đính chính: an approved submission reopened after its period's report was signed marks that
 * report superseded-by-correction (in the reopen transaction) and starts a new draft.
 */
export async function supersedeIssuedReport(m: EntityManager, periodId: string, actorId: string, reason: string): Promise<void> {
  const rows = await lockSignedReports(m, periodId);
  for (const r of rows) {
    await supersedeReport(m, { reportId: r.id, sentRevision: r.sent_revision, actorId, reason });
    await writeOutbox(m, 'report.correction_started', { periodId, reportId: r.id, supersededReportId: r.id, actorId });
  }
}
