import { insertAuditEntry, insertCorrectionReport, lockCorrectableReports, recordCorrectionStarted, supersedeReport } from '@app/database';
import { correctionEffect } from '@app/domain';
import { writeOutbox } from '@app/queue';
import { EntityManager } from 'typeorm';

/**
 * Đính chính, in the transaction that reopens an approved submission: a signed report of the
 * period that was not issued yet is withdrawn (superseded) and a new draft consolidated; an issued
 * report stays in force — a replacement report is started, which names it and the reason, and it
 * becomes `replaced` only when the replacement is issued (Decree 30/2020, Art. 18.3).
 */
export async function startCorrection(m: EntityManager, periodId: string, actorId: string, reason: string): Promise<void> {
  for (const r of await lockCorrectableReports(m, periodId)) {
    if (correctionEffect(r.state) === 'withdraw') {
      await supersedeReport(m, { reportId: r.id, sentRevision: r.sentRevision, actorId, reason });
      await insertAuditEntry(m, { submissionId: null, entityType: 'report', entityId: r.id, action: 'report.superseded', actorId, after: { revision: r.sentRevision, reason } });
      await writeOutbox(m, 'report.correction_started', { periodId, reportId: r.id, supersededReportId: r.id, actorId });
    } else {
      await recordCorrectionStarted(m, { reportId: r.id, sentRevision: r.sentRevision, actorId, reason });
      const replacement = await insertCorrectionReport(m, { periodId, templateId: r.templateId, correctsReportId: r.id, reason });
      await insertAuditEntry(m, { submissionId: null, entityType: 'report', entityId: r.id, action: 'report.correction_started', actorId, after: { revision: r.sentRevision, reason, replacementReportId: replacement } });
      await writeOutbox(m, 'report.correction_started', { periodId, reportId: replacement, supersededReportId: r.id, actorId });
    }
  }
}
