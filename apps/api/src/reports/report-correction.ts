import { writeOutbox } from '@app/queue';
import { EntityManager } from 'typeorm';

/**
 * Đính chính: an approved submission reopened after its period's report was signed marks that
 * report superseded-by-correction (in the reopen transaction) and starts a new draft.
 */
export async function supersedeIssuedReport(m: EntityManager, periodId: string, actorId: string, reason: string): Promise<void> {
  const rows: Array<{ id: string; sent_revision: number }> = await m.query(
    `SELECT id, sent_revision FROM reports WHERE period_id = $1 AND state = 'signed' FOR UPDATE`,
    [periodId],
  );
  for (const r of rows) {
    await m.query(`UPDATE reports SET state = 'superseded', superseded_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`, [r.id, reason]);
    await m.query(`UPDATE report_revisions SET state = 'superseded' WHERE report_id = $1 AND state = 'signed'`, [r.id]);
    await m.query(`INSERT INTO report_actions (report_id, revision_number, action, actor_id, comment) VALUES ($1, $2, 'supersede', $3, $4)`, [r.id, r.sent_revision, actorId, reason]);
    await writeOutbox(m, 'report.correction_started', { periodId, reportId: r.id, supersededReportId: r.id, actorId });
  }
}
