import { AppConfig, InjectConfig } from '@app/config';
import {
  findPdfsAwaitingLibreOffice,
  findRenderedFormats,
  findRevisionFile,
  findRevisionPdf,
  findUserAccount,
  Report,
  ReportRevision,
  storeRevisionFile,
} from '@app/database';
import { LIBREOFFICE_INSTALL } from '@app/domain';
import { DEFAULT_JOB_OPTIONS, jobIds, QUEUES, RenderingJob } from '@app/queue';
import { pageCount, ReportSigning } from '@app/signing';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { renderDocx } from './docx-report';
import { LibreOfficeMissingError, PdfConverter } from './pdf-converter';
import { readPdfLayout } from './pdf-layout';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

type RenderOutcome = { skipped?: string; sha256?: Record<string, string>; pdf?: 'awaiting_libreoffice' };

/**
 * Renders a revision's DOCX (the `docx` package) and PDF (LibreOffice) and stores them with their
 * SHA-256. A draft is rendered as a draft. A signed revision is rendered as the document, number
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
    this.pdf = new PdfConverter(config.SOFFICE_PATH);
    this.signing = ReportSigning.fromConfig(config);
  }

  /** PDFs that waited for LibreOffice get a job; the id names the waiting row, so restarts add it once. */
  async onApplicationBootstrap(): Promise<void> {
    for (const w of await findPdfsAwaitingLibreOffice(this.db)) {
      await this.queue.add('render', { revisionId: w.revisionId }, { ...DEFAULT_JOB_OPTIONS, jobId: `${jobIds.rendering(w.revisionId, w.renderedAs === 'draft' ? 'draft' : 'issued')}-pdf-${w.since}` });
    }
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
    if (existing.length === 2 && existing.every((f) => current(f) && f.state === 'ready')) return { skipped: 'already rendered' };

    const hashes: Record<string, string> = {};
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
    this.logger.log(`Đã tạo tệp DOCX và PDF của bản số ${revision.number} (${signed ? 'đã ký số' : 'dự thảo'}).`);
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
    await storeRevisionFile(this.db, { revisionId: revision.id, format: 'docx', renderedAs: 'issued', sha256: sha256(docx), data: docx });
    return { sha256: { docx: sha256(docx) } };
  }
}
