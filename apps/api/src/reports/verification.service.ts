import type { ReportState, VerificationView } from '@app/contracts';
import { findIssuedDocumentBySha256, findRevisionPdf, Report, ReportRevision } from '@app/database';
import { DomainError, formatVnDate, numberLine, vnDate } from '@app/domain';
import type { ReportSigning } from '@app/signing';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { REPORT_SIGNING } from './report-signing.provider';

/**
 * Kiểm tra văn bản: is a PDF an issued document of this system (its SHA-256 is the one recorded
 * with an issue action), unchanged (every signature verifies, the last one covers the whole file),
 * and who signed it when. Anyone signed in may ask; the answer says no more than the file does.
 */
@Injectable()
export class VerificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REPORT_SIGNING) private readonly signing: ReportSigning,
  ) {}

  /** The report's own issued (or signed) PDF, checked again. */
  async verifyReport(id: string): Promise<VerificationView> {
    const report = await this.db.getRepository(Report).findOneBy({ id });
    if (!report) throw new DomainError('REPORT_NOT_FOUND', 'Không tìm thấy báo cáo tổng hợp.');
    const revision = report.sentRevision ? await this.db.getRepository(ReportRevision).findOneBy({ reportId: id, number: report.sentRevision }) : null;
    const pdf = revision ? await findRevisionPdf(this.db, revision.id) : null;
    if (!pdf || pdf.renderedAs === 'draft') throw new DomainError('DOCUMENT_NOT_READY', 'Báo cáo chưa có văn bản đã ký số.');
    return this.verify(pdf.data);
  }

  async verify(pdf: Buffer | undefined): Promise<VerificationView> {
    if (!Buffer.isBuffer(pdf) || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new DomainError('PDF_REQUIRED', 'Cần gửi một tệp PDF (Content-Type: application/pdf).');
    }
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const [issued, checks] = await Promise.all([findIssuedDocumentBySha256(this.db, sha256), this.signing.check(pdf)]);
    const signatures = checks.map((c) => ({ ...c, problem: c.problem ?? null }));
    const intact = signatures.length > 0 && signatures.every((c) => c.intact) && signatures[signatures.length - 1].coversWholeDocument;
    const document = issued && {
      reportId: issued.reportId, periodId: issued.periodId, documentNumber: issued.documentNumber, documentDate: issued.documentDate, state: issued.state as ReportState,
      numberLine: issued.documentNumber && issued.numberSuffix ? numberLine(issued.documentNumber, issued.numberSuffix) : null, replacedByReportId: issued.replacedByReportId,
    };
    return { sha256, issuedHere: !!issued, intact, document, signatures, summary: summary(!!issued, intact, signatures, document) };
  }
}

function summary(issuedHere: boolean, intact: boolean, signatures: VerificationView['signatures'], d: VerificationView['document']): string {
  const who = signatures.map((s) => `${s.commonName ?? 'không rõ'}${s.signingTime ? ` (${formatVnDate(vnDate(new Date(s.signingTime)))})` : ''}`).join('; ');
  if (signatures.length === 0) return 'Tệp không có chữ ký số: không phải văn bản điện tử đã phát hành.';
  const broken = signatures.filter((s) => !s.intact);
  if (broken.length > 0) return `Tệp đã bị sửa đổi sau khi ký: ${broken.length}/${signatures.length} chữ ký số không còn khớp với nội dung. Không dùng tệp này.`;
  if (issuedHere && d) {
    const replaced = d.state === 'replaced' ? ' Văn bản này đã bị thay thế bởi một báo cáo phát hành sau.' : '';
    return `Văn bản do hệ thống phát hành: ${d.numberLine ?? 'báo cáo'}${d.documentDate ? ` ngày ${formatVnDate(d.documentDate)}` : ''}, còn nguyên vẹn. Ký số bởi: ${who}.${replaced}`;
  }
  if (!intact) return `Các chữ ký số còn nguyên vẹn nhưng tệp đã được thêm nội dung sau chữ ký cuối; không phải bản do hệ thống phát hành. Ký số bởi: ${who}.`;
  return `Chữ ký số nguyên vẹn (${who}), nhưng tệp không phải bản do hệ thống này phát hành (có thể là bản chưa phát hành hoặc của nơi khác).`;
}
