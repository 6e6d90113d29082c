import { findLatestReportReturnComment, findReportNotice, findRevisionPdf } from '@app/database';
import { formatVnDate, numberLine, periodLabel, REPORT_AUDIENCE, reportMessage, ReportNotifiedEvent } from '@app/domain';
import type { EventJob, OutboxEvents, OutboxEventType } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EventHandler } from '../events/event-handler';
import { WORKER_SETTINGS, WorkerSettings } from '../worker-settings';
import { NotificationWriter } from './notification-writer.service';

/**
 * Tells people of the consolidated report's steps: sent for signing (the signers), returned with a
 * comment or signed (the office). The link opens the report page. Idempotent: the key is the
 * outbox event's id.
 */
@Injectable()
export class ReportNotificationsHandler implements EventHandler {
  readonly handles: readonly OutboxEventType[] = Object.keys(REPORT_AUDIENCE) as ReportNotifiedEvent[];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: NotificationWriter,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
  ) {}

  async handle(event: EventJob): Promise<void> {
    const type = event.type as ReportNotifiedEvent;
    const payload = event.payload as OutboxEvents[ReportNotifiedEvent];
    const r = await findReportNotice(this.db, payload.reportId);
    if (!r) return; // the report is gone: nothing to say
    const revision = 'revision' in payload ? payload.revision : (r.signedRevision ?? 0);
    const comment = type === 'report.returned' ? await findLatestReportReturnComment(this.db, payload.reportId) : null;
    const link = `${this.settings.publicUrl}/reports/${payload.reportId}`;
    // the issued document goes out with its signed PDF, and says which one it replaces
    let attachmentFileId: string | null = null;
    let replaced: string | null = null;
    if (type === 'report.issued') {
      const p = event.payload as OutboxEvents['report.issued'];
      attachmentFileId = (await findRevisionPdf(this.db, p.revisionId))?.id ?? null;
      const old = p.replacedReportId ? await findReportNotice(this.db, p.replacedReportId) : null;
      if (old?.documentNumber && old.suffix) replaced = `Báo cáo số ${old.documentNumber}/${old.suffix}${old.documentDate ? ` ngày ${formatVnDate(old.documentDate)}` : ''}`;
    }
    const message = reportMessage(type, {
      periodLabel: periodLabel(r.type, r.year, r.number),
      revision,
      link,
      comment,
      numberLine: r.documentNumber && r.suffix ? numberLine(r.documentNumber, r.suffix) : null,
      date: r.documentDate,
      replaced,
    });
    await this.writer.write({
      audience: REPORT_AUDIENCE[type],
      unitId: null,
      kind: type,
      message,
      link,
      periodId: r.periodId,
      submissionId: null,
      dedupeKey: `event.${event.outboxId}`,
      attachmentFileId,
    });
  }
}
