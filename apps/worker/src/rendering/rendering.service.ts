import { AppConfig, InjectConfig } from '@app/config';
import { findPeriodHeading, findRenderedFormats, findReportIndicatorLabels, Report, REPORT_FILE_FORMATS, ReportFileFormat, ReportRevision, storeRevisionFile } from '@app/database';
import { unpackFigures } from '@app/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { renderDocx } from './docx-report';
import { annexCsv, annexJson } from './figures-annex';
import { PdfConverter } from './pdf-converter';

/**
 * Renders a revision's DOCX (the `docx` package) and PDF (LibreOffice), and the annex of its figures
 * (JSON, CSV), and stores them with their SHA-256. A signed revision is rendered "issued" (number,
 * date); its files are never replaced.
 */
@Injectable()
export class RenderingService {
  private readonly logger = new Logger(RenderingService.name);
  private readonly pdf: PdfConverter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectConfig() config: AppConfig,
  ) {
    this.pdf = new PdfConverter(config.SOFFICE_PATH);
  }

  async render(revisionId: string): Promise<{ skipped?: string; sha256?: Record<string, string> }> {
    const revision = await this.db.getRepository(ReportRevision).findOneBy({ id: revisionId });
    if (!revision) return { skipped: 'revision gone' };
    const report = await this.db.getRepository(Report).findOneByOrFail({ id: revision.reportId });
    const issued = revision.state === 'signed';
    const as = issued ? 'issued' : 'draft';
    const existing = await findRenderedFormats(this.db, revisionId);
    if (existing.length === REPORT_FILE_FORMATS.length && existing.every((f) => f.rendered_as === as || f.rendered_as === 'issued')) return { skipped: 'already rendered' };
    const content = { ...revision.content, header: { ...revision.content.header } };
    if (issued) {
      content.header.number = report.documentNumber;
      content.header.date = report.documentDate;
    }
    const docx = await renderDocx(content, { draft: !issued });
    const pdf = await this.pdf.convert(docx);
    const [labels, period] = await Promise.all([findReportIndicatorLabels(this.db, report.id), findPeriodHeading(this.db, report.periodId)]);
    const figures = unpackFigures(revision.figures);
    const annex = {
      reportId: report.id, revision: revision.number, renderedAs: as, period: { type: period!.type, year: period!.year, number: period!.number },
      documentNumber: issued ? report.documentNumber : null, documentDate: issued ? report.documentDate : null,
    } as const;
    const files: Array<[ReportFileFormat, Buffer]> = [['docx', docx], ['pdf', pdf], ['json', annexJson(annex, figures, labels)], ['csv', annexCsv(figures, labels)]];
    const sha256: Record<string, string> = {};
    for (const [format, data] of files) {
      sha256[format] = createHash('sha256').update(data).digest('hex');
      await storeRevisionFile(this.db, { revisionId, format, renderedAs: as, sha256: sha256[format], data });
    }
    this.logger.log(`Đã tạo tệp DOCX, PDF và phụ lục số liệu (JSON, CSV) của bản số ${revision.number} (${as}).`);
    return { sha256 };
  }
}
