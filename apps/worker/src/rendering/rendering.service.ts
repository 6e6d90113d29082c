import { AppConfig, InjectConfig } from '@app/config';
import {
  findPdfsAwaitingLibreOffice,
  findPeriodHeading,
  findRenderedFormats,
  findReportIndicatorLabels,
  findRevisionFile,
  findRevisionPdf,
  findUserAccount,
  Report,
  REPORT_FILE_FORMATS,
  ReportFileFormat,
  ReportRevision,
  storeRevisionFile,
} from '@app/database';
import { LIBREOFFICE_INSTALL, unpackFigures } from '@app/domain';
import { jobIds, QUEUES, RenderingJob, UNTIL_DONE_JOB_OPTIONS } from '@app/queue';
import { pageCount, ReportSigning } from '@app/signing';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { renderDocx } from './docx-report';
import { annexCsv, annexJson } from './figures-annex';
import { LibreOfficeMissingError, PdfConverter } from './pdf-converter';
import { readPdfLayout } from './pdf-layout';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

type RenderOutcome = { skipped?: string; sha256?: Record<string, string>; pdf?: 'awaiting_libreoffice' };

/**
 * Renders a revision's DOCX (the `docx` package), PDF (LibreOffice) and the annex of its figures
 * (JSON, CSV: every printed figure with its code, value, unit and source), and stores them with
 * their SHA-256. A draft is rendered as a draft. A signed revision is rendered as the document, number
 * and date blank (Decree 30/2020 lets the records office add them), and the signer's digital
 * signature is applied to the PDF; an issued one gets its DOCX again with the number and date
 * (its PDF is the records office's, written by the API's issue action). Files only move forward.
 * Without LibreOffice the DOCX is stored all the same and the PDF is a row "awaiting_libreoffice"
 * (a signed report then waits for it to be issued); a worker that starts looks for such rows and
 * makes their PDF from the stored DOCX.
 */
@Injectable()
export class RenderingService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RenderingService.name);
  private readonly pdf: PdfConverter;
  private readonly signing: ReportSigning;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.rendering) private readonly queue: Queue<RenderingJob>,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.pdf = new PdfConverter(config.SOFFICE_PATH, config.SOFFICE_TIMEOUT_MS);
    this.signing = ReportSigning.fromConfig(config);
  }

  /** PDFs that waited for LibreOffice get a job; the id names the waiting row, so restarts add it once. */
  async onApplicationBootstrap(): Promise<void> {
    for (const w of await findPdfsAwaitingLibreOffice(this.db)) {
      const options = w.renderedAs === 'draft' ? {} : UNTIL_DONE_JOB_OPTIONS;
      await this.queue.add('render', { revisionId: w.revisionId }, { ...options, jobId: `${jobIds.rendering(w.revisionId, w.renderedAs === 'draft' ? 'draft' : 'issued')}-pdf-${w.since}` });
    }
  }

  /** The worker stops and its grace ran out (WorkerShutdown): a LibreOffice conversion still running is killed, none starts. */
  stopConversions(): void {
    this.pdf.stop();
  }

  async render(revisionId: string): Promise<RenderOutcome> {
    const revision = await this.db.getRepository(ReportRevision).findOneBy({ id: revisionId });
    if (!revision) return { skipped: 'revision gone' };
    const report = await this.db.getRepository(Report).findOneByOrFail({ id: revision.reportId });
    if (revision.state === 'issued') return this.renderIssuedDocx(revision, report);
    const signed = revision.state === 'signed';
    const as = signed ? 'signed' : 'draft';
    const existing = await findRenderedFormats(this.db, revisionId);
    // a file is current when it was rendered as this revision is now, or further on
    const current = (f: { renderedAs: string }) => f.renderedAs === as || f.renderedAs === 'issued' || (f.renderedAs === 'signed' && !signed);
    if (existing.length === REPORT_FILE_FORMATS.length && existing.every((f) => current(f) && f.state === 'ready')) return { skipped: 'already rendered' };

    const hashes: Record<string, string> = {};
    for (const [format, data] of await this.annex(revision, report, as)) {
      hashes[format] = sha256(data);
      await storeRevisionFile(this.db, { revisionId, format, renderedAs: as, sha256: hashes[format], data });
    }
    const storedDocx = existing.some((f) => f.format === 'docx' && current(f));
    let docx: Buffer;
    if (storedDocx) {
      // only the PDF is missing (it waited for LibreOffice): made from the DOCX already stored
      const row = await findRevisionFile(this.db, revisionId, 'docx');
      if (row?.state !== 'ready') throw new Error(`revision ${revisionId}: its DOCX is gone`);
      docx = row.data;
      hashes.docx = row.sha256;
    } else {
      docx = await renderDocx(revision.content, { draft: !signed });
      hashes.docx = sha256(docx);
      await storeRevisionFile(this.db, { revisionId, format: 'docx', renderedAs: as, sha256: hashes.docx, data: docx });
    }

    let pdf: Buffer;
    try {
      pdf = await this.pdf.convert(docx);
    } catch (error) {
      if (!(error instanceof LibreOfficeMissingError)) throw error;
      await storeRevisionFile(this.db, { revisionId, format: 'pdf', renderedAs: as, sha256: null, data: null });
      this.logger.warn(`Bản số ${revision.number} (${as}): đã tạo DOCX; PDF chờ LibreOffice — PDF waits for LibreOffice: ${LIBREOFFICE_INSTALL}`);
      return { sha256: hashes, pdf: 'awaiting_libreoffice' };
    }
    let layout = null;
    if (signed) {
      const account = report.signedBy ? await findUserAccount(this.db, report.signedBy) : null;
      if (!account || !report.signedAt) throw new Error(`report ${report.id} is signed but names no signer`);
      const h = revision.content.header;
      layout = await readPdfLayout(this.config.PDFTOTEXT_PATH, pdf, await pageCount(pdf), h.signature.name, h.signature.title);
      pdf = await this.signing.signAsSigner(pdf, layout, { username: account.username, name: h.signature.name ?? account.fullName, place: h.place, at: report.signedAt });
    }
    hashes.pdf = sha256(pdf);
    await storeRevisionFile(this.db, { revisionId, format: 'pdf', renderedAs: as, sha256: hashes.pdf, data: pdf, layout });
    this.logger.log(`Đã tạo tệp DOCX, PDF và phụ lục số liệu (JSON, CSV) của bản số ${revision.number} (${signed ? 'đã ký số' : 'dự thảo'}).`);
    return { sha256: hashes };
  }

  /** The issued DOCX: the document with its number and date (an unsigned copy; the PDF is the signed original). */
  private async renderIssuedDocx(revision: ReportRevision, report: Report): Promise<RenderOutcome> {
    const existing = await findRenderedFormats(this.db, revision.id);
    if (existing.some((f) => f.format === 'docx' && f.renderedAs === 'issued')) return { skipped: 'already rendered' };
    const pdf = await findRevisionPdf(this.db, revision.id);
    if (pdf?.renderedAs !== 'issued') throw new Error(`revision ${revision.id} is issued but its PDF is not (yet)`);
    const content = { ...revision.content, header: { ...revision.content.header, number: report.documentNumber, date: report.documentDate } };
    const docx = await renderDocx(content, { draft: false });
    const hashes: Record<string, string> = {};
    // the annex again, with the document's number and date
    for (const [format, data] of [['docx', docx] as [ReportFileFormat, Buffer], ...(await this.annex(revision, report, 'issued'))]) {
      hashes[format] = sha256(data);
      await storeRevisionFile(this.db, { revisionId: revision.id, format, renderedAs: 'issued', sha256: hashes[format], data });
    }
    return { sha256: hashes };
  }

  /** The annex of the revision's printed figures, as JSON and CSV. */
  private async annex(revision: ReportRevision, report: Report, as: 'draft' | 'signed' | 'issued'): Promise<Array<[ReportFileFormat, Buffer]>> {
    const issued = as === 'issued';
    const [labels, period] = await Promise.all([findReportIndicatorLabels(this.db, report.id), findPeriodHeading(this.db, report.periodId)]);
    const figures = unpackFigures(revision.figures);
    const heading = {
      reportId: report.id, revision: revision.number, renderedAs: as, period: { type: period!.type, year: period!.year, number: period!.number },
      documentNumber: issued ? report.documentNumber : null, documentDate: issued ? report.documentDate : null,
    } as const;
    return [['json', annexJson(heading, figures, labels)], ['csv', annexCsv(figures, labels)]];
  }
}
