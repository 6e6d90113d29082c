import {
  bumpDraftingReportVersion,
  findReplacedDocument,
  findReportTemplateIdForPeriod,
  findSignerName,
  findSourceVersions,
  insertRevision,
  loadConsolidationInput,
  lockPeriodForConsolidation,
  Report,
  ReportRevision,
  ReportTemplateRow,
} from '@app/database';
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
/** Thrown inside the transaction to roll back a draft whose report left drafting meanwhile. */
class ReportLeftDrafting extends Error {
  constructor(reportId: string) {
    super(`report ${reportId} left drafting while the draft was composed`);
  }
}

@Injectable()
export class ConsolidationService {
  private readonly logger = new Logger(ConsolidationService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async consolidate(job: ConsolidationJob): Promise<ConsolidationOutcome> {
    try {
      return await this.compose(job);
    } catch (error) {
      if (error instanceof ReportLeftDrafting) return { skipped: error.message };
      throw error;
    }
  }

  private compose(job: ConsolidationJob): Promise<ConsolidationOutcome> {
    return this.db.transaction(async (m) => {
      const report = await this.lockCurrentReport(m, job.periodId);
      if (!report) return { skipped: 'no period or no report template' };
      const done = await m.findOne(ReportRevision, { where: { reportId: report.id, trigger: job.trigger } });
      if (done) return { skipped: `trigger ${job.trigger} already gave revision ${done.number}` };
      if (report.state !== 'drafting') return { skipped: `report is ${report.state}` };
      nextReportState(report.state, 'consolidate');

      const template = await m.findOneByOrFail(ReportTemplateRow, { id: report.templateId });
      const input = await loadConsolidationInput(m, job.periodId, template.body, await findSignerName(m));
      const composed = composeReport(input);
      // a replacement of an issued report says which one it replaces and why ("thay thế Báo cáo số …")
      const replaces = await findReplacedDocument(m, report.id);
      if (replaces) composed.content.header.replaces = replaces;
      const columns = revisionColumns(composed);
      const sourceVersions = await findSourceVersions(m, input.submissionIds);
      const inserted = await insertRevision(m, { reportId: report.id, trigger: job.trigger, ...columns, sourceVersions, createdBy: job.actorId });
      if (!inserted) return { skipped: `trigger ${job.trigger} already consolidated` };
      // sent for signature while this draft was composed: the draft is rolled back, the sent revision stays what is signed
      if (!(await bumpDraftingReportVersion(m, report.id))) throw new ReportLeftDrafting(report.id);
      await writeOutbox(m, 'report.revision_created', { reportId: report.id, revisionId: inserted.id });
      this.logger.log(`Đã tổng hợp bản dự thảo số ${inserted.number} (${job.trigger}), thiếu ${composed.missingUnits.length} đơn vị.`);
      return { revision: inserted.number, reportId: report.id };
    });
  }

  /** The period's current report, created on first use from the newest template for the period's form. */
  private async lockCurrentReport(m: EntityManager, periodId: string): Promise<Report | null> {
    // serialise consolidations of one period (the row may not exist yet)
    await lockPeriodForConsolidation(m, periodId);
    const current = await m.findOne(Report, { where: { periodId }, order: { createdAt: 'DESC' } });
    if (current && current.state !== 'superseded') return current;
    const templateId = await findReportTemplateIdForPeriod(m, periodId);
    if (!templateId) return null;
    // after a withdrawn report, the new one corrects what that one corrected (an issued report it was to replace), or that one
    const created = m.create(Report, {
      periodId, templateId, state: 'drafting',
      correctsReportId: current?.correctsReportId ?? current?.id ?? null,
      correctionReason: current?.correctionReason ?? current?.supersededReason ?? null,
    });
    return m.save(created);
  }
}
