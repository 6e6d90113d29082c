import { loadConsolidationInput, Report, ReportRevision, ReportTemplateRow } from '@app/database';
import { composeReport, nextReportState, revisionColumns } from '@app/domain';
import { ConsolidationJob, writeOutbox } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export type ConsolidationOutcome = { revision: number; reportId: string } | { skipped: string };

/**
 * Composes the period's report from its approved submissions and stores it as a new revision —
 * in one transaction, so a crash leaves no revision or a whole one; the unique (report, trigger)
 * makes a second run of the same trigger a no-op.
 */
@Injectable()
export class ConsolidationService {
  private readonly logger = new Logger(ConsolidationService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async consolidate(job: ConsolidationJob): Promise<ConsolidationOutcome> {
    return this.db.transaction(async (m) => {
      const report = await this.lockCurrentReport(m, job.periodId);
      if (!report) return { skipped: 'no period or no report template' };
      const done = await m.findOne(ReportRevision, { where: { reportId: report.id, trigger: job.trigger } });
      if (done) return { skipped: `trigger ${job.trigger} already gave revision ${done.number}` };
      if (report.state !== 'drafting') return { skipped: `report is ${report.state}` };
      nextReportState(report.state, 'consolidate');

      const template = await m.findOneByOrFail(ReportTemplateRow, { id: report.templateId });
      const signer: Array<{ full_name: string }> = await m.query(`SELECT full_name FROM users WHERE role = 'signer' AND active ORDER BY created_at LIMIT 1`);
      const input = await loadConsolidationInput(m, job.periodId, template.body, signer[0]?.full_name ?? null);
      const composed = composeReport(input);
      const columns = revisionColumns(composed);
      const [{ next }] = await m.query(`SELECT coalesce(max(number), 0) + 1 AS next FROM report_revisions WHERE report_id = $1`, [report.id]);
      const inserted: Array<{ id: string }> = await m.query(
        `INSERT INTO report_revisions (report_id, number, state, trigger, content, figures, missing_units, created_by)
         VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7) ON CONFLICT (report_id, trigger) DO NOTHING RETURNING id`,
        [report.id, next, job.trigger, columns.content, columns.figures, columns.missingUnits, job.actorId],
      );
      if (inserted.length === 0) return { skipped: `trigger ${job.trigger} already consolidated` };
      await m.query(`UPDATE reports SET version = version + 1, updated_at = now() WHERE id = $1`, [report.id]);
      await writeOutbox(m, 'report.revision_created', { reportId: report.id, revisionId: inserted[0].id });
      this.logger.log(`Đã tổng hợp bản dự thảo số ${next} (${job.trigger}), thiếu ${composed.missingUnits.length} đơn vị.`);
      return { revision: Number(next), reportId: report.id };
    });
  }

  /** The period's current report, created on first use from the newest template for the period's form. */
  private async lockCurrentReport(m: EntityManager, periodId: string): Promise<Report | null> {
    // serialise consolidations of one period (the row may not exist yet)
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('report:' || $1))`, [periodId]);
    const current = await m.findOne(Report, { where: { periodId }, order: { createdAt: 'DESC' } });
    if (current && current.state !== 'superseded') return current;
    const rows: Array<{ id: string }> = await m.query(
      `SELECT rt.id FROM periods p JOIN form_templates f ON f.id = p.form_template_id
         JOIN report_templates rt ON rt.form_code = f.code
        WHERE p.id = $1 ORDER BY rt.version DESC LIMIT 1`,
      [periodId],
    );
    if (rows.length === 0) return null;
    const created = m.create(Report, { periodId, templateId: rows[0].id, state: 'drafting', correctsReportId: current?.id ?? null });
    return m.save(created);
  }
}
