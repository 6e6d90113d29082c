import { AppConfig, InjectConfig } from '@app/config';
import { findRenderedFormats, findRevisionPdf, findUserAccount, Report, ReportRevision, storeRevisionFile } from '@app/database';
import { ReportSigning, pageCount } from '@app/signing';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { renderDocx } from './docx-report';
import { PdfConverter } from './pdf-converter';
import { readPdfLayout } from './pdf-layout';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Renders a revision's DOCX (the `docx` package) and PDF (LibreOffice) and stores them with their
 * SHA-256. A draft is rendered as a draft. A signed revision is rendered as the document, number
 * and date blank (Decree 30/2020 lets the records office add them), and the signer's digital
 * signature is applied to the PDF; an issued one gets its DOCX again with the number and date
 * (its PDF is the records office's, written by the API's issue action). Files only move forward.
 */
@Injectable()
export class RenderingService {
  private readonly logger = new Logger(RenderingService.name);
  private readonly pdf: PdfConverter;
  private readonly signing: ReportSigning;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.pdf = new PdfConverter(config.SOFFICE_PATH);
    this.signing = ReportSigning.fromConfig(config);
  }

  async render(revisionId: string): Promise<{ skipped?: string; sha256?: Record<string, string> }> {
    const revision = await this.db.getRepository(ReportRevision).findOneBy({ id: revisionId });
    if (!revision) return { skipped: 'revision gone' };
    const report = await this.db.getRepository(Report).findOneByOrFail({ id: revision.reportId });
    if (revision.state === 'issued') return this.renderIssuedDocx(revision, report);
    const signed = revision.state === 'signed';
    const as = signed ? 'signed' : 'draft';
    const existing = await findRenderedFormats(this.db, revisionId);
    if (existing.length === 2 && existing.every((f) => f.rendered_as === as || f.rendered_as === 'issued' || (f.rendered_as === 'signed' && !signed))) return { skipped: 'already rendered' };
    const docx = await renderDocx(revision.content, { draft: !signed });
    let pdf = await this.pdf.convert(docx);
    let layout = null;
    if (signed) {
      const account = report.signedBy ? await findUserAccount(this.db, report.signedBy) : null;
      if (!account || !report.signedAt) throw new Error(`report ${report.id} is signed but names no signer`);
      const h = revision.content.header;
      layout = await readPdfLayout(this.config.PDFTOTEXT_PATH, pdf, await pageCount(pdf), h.signature.name, h.signature.title);
      pdf = await this.signing.signAsSigner(pdf, layout, { username: account.username, name: h.signature.name ?? account.fullName, place: h.place, at: report.signedAt });
    }
    const hashes: Record<string, string> = {};
    for (const [format, data] of [['docx', docx], ['pdf', pdf]] as const) {
      hashes[format] = sha256(data);
      await storeRevisionFile(this.db, { revisionId, format, renderedAs: as, sha256: hashes[format], data, layout: format === 'pdf' ? layout : null });
    }
    this.logger.log(`Đã tạo tệp DOCX và PDF của bản số ${revision.number} (${signed ? 'đã ký số' : 'dự thảo'}).`);
    return { sha256: hashes };
  }

  /** The issued DOCX: the document with its number and date (an unsigned copy; the PDF is the signed original). */
  private async renderIssuedDocx(revision: ReportRevision, report: Report): Promise<{ skipped?: string; sha256?: Record<string, string> }> {
    const existing = await findRenderedFormats(this.db, revision.id);
    if (existing.some((f) => f.format === 'docx' && f.rendered_as === 'issued')) return { skipped: 'already rendered' };
    const pdf = await findRevisionPdf(this.db, revision.id);
    if (pdf?.renderedAs !== 'issued') throw new Error(`revision ${revision.id} is issued but its PDF is not (yet)`);
    const content = { ...revision.content, header: { ...revision.content.header, number: report.documentNumber, date: report.documentDate } };
    const docx = await renderDocx(content, { draft: false });
    await storeRevisionFile(this.db, { revisionId: revision.id, format: 'docx', renderedAs: 'issued', sha256: sha256(docx), data: docx });
    return { sha256: { docx: sha256(docx) } };
  }
}
