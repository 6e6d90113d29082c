import { findPdfsAwaitingLibreOffice, findRenderedFormats, findRevisionFile, Report, ReportRevision, storeRevisionFile } from '@app/database';
import { LIBREOFFICE_INSTALL } from '@app/domain';
import { DEFAULT_JOB_OPTIONS, QUEUES, RenderingJob, jobIds } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WORKER_SETTINGS, WorkerSettings } from '../worker-settings';
import { renderDocx } from './docx-report';
import { LibreOfficeMissingError, PdfConverter } from './pdf-converter';

/**
 * Renders a revision's DOCX (the `docx` package) and PDF (LibreOffice) and stores them with their
 * SHA-256. A signed revision is rendered "issued" (number, date); its files are never replaced.
 * Without LibreOffice the DOCX is stored all the same and the PDF is a row "awaiting_libreoffice";
 * a worker that starts looks for such rows and renders their PDF from the stored DOCX.
 */
@Injectable()
export class RenderingService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RenderingService.name);
  private readonly pdf: PdfConverter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.rendering) private readonly queue: Queue<RenderingJob>,
    @Inject(WORKER_SETTINGS) settings: WorkerSettings,
  ) {
    this.pdf = new PdfConverter(settings.sofficePath);
  }

  /** PDFs that waited for LibreOffice get a job; the id names the waiting row, so restarts add it once. */
  async onApplicationBootstrap(): Promise<void> {
    for (const w of await findPdfsAwaitingLibreOffice(this.db)) {
      await this.queue.add('render', { revisionId: w.revisionId }, { ...DEFAULT_JOB_OPTIONS, jobId: `${jobIds.rendering(w.revisionId, w.renderedAs)}-pdf-${w.since}` });
    }
  }

  async render(revisionId: string): Promise<{ skipped?: string; sha256?: Record<string, string>; pdf?: 'awaiting_libreoffice' }> {
    const revision = await this.db.getRepository(ReportRevision).findOneBy({ id: revisionId });
    if (!revision) return { skipped: 'revision gone' };
    const report = await this.db.getRepository(Report).findOneByOrFail({ id: revision.reportId });
    const issued = revision.state === 'signed';
    const as = issued ? 'issued' : 'draft';
    const existing = await findRenderedFormats(this.db, revisionId);
    const current = (f: { renderedAs: string }) => f.renderedAs === as || f.renderedAs === 'issued';
    if (existing.length === 2 && existing.every((f) => current(f) && f.state === 'ready')) return { skipped: 'already rendered' };

    const sha256: Record<string, string> = {};
    const storedDocx = existing.some((f) => f.format === 'docx' && current(f));
    let docx: Buffer;
    if (storedDocx) {
      // only the PDF is missing (it waited for LibreOffice): made from the DOCX already issued
      const row = await findRevisionFile(this.db, revisionId, 'docx');
      if (row?.state !== 'ready') throw new Error(`revision ${revisionId}: its DOCX is gone`);
      docx = row.data;
      sha256.docx = row.sha256;
    } else {
      const content = { ...revision.content, header: { ...revision.content.header } };
      if (issued) {
        content.header.number = report.documentNumber;
        content.header.date = report.documentDate;
      }
      docx = await renderDocx(content, { draft: !issued });
    }
    let pdf: Buffer | null;
    try {
      pdf = await this.pdf.convert(docx);
    } catch (error) {
      if (!(error instanceof LibreOfficeMissingError)) throw error;
      pdf = null;
    }
    for (const [format, data] of [['docx', storedDocx ? null : docx], ['pdf', pdf]] as const) {
      if (format === 'docx' && storedDocx) continue;
      if (data) sha256[format] = createHash('sha256').update(data).digest('hex');
      await storeRevisionFile(this.db, { revisionId, format, renderedAs: as, sha256: data ? sha256[format] : null, data });
    }
    if (!pdf) {
      this.logger.warn(`Bản số ${revision.number} (${as}): đã tạo DOCX; PDF chờ LibreOffice — PDF waits for LibreOffice: ${LIBREOFFICE_INSTALL}`);
      return { sha256, pdf: 'awaiting_libreoffice' };
    }
    this.logger.log(`Đã tạo tệp DOCX và PDF của bản số ${revision.number} (${as}).`);
    return { sha256 };
  }
}
