import type { ReportSummary, ReportView } from '@app/contracts';
import {
  deleteRevisionFiles,
  ReportFileFormat,
  findCurrentReportState,
  findDocumentNumberSuffix,
  findRevisionFile,
  findRevisionPdf,
  findUserFullName,
  insertAuditEntry,
  replaceIssuedReport,
  storeRevisionFile,
  listReportActions,
  listRevisionSummaries,
  periodExists,
  Report,
  ReportAction,
  ReportRevision,
  takeNextDocumentNumber,
} from '@app/database';
import { correctionEffect, diffLines, DomainError, footnoteNumbers, formatDocumentNumber, LIBREOFFICE_INSTALL, nextReportState, numberLine, parseSectionText, placeDateLine, sectionText, unpackFigures, vnDate } from '@app/domain';
import type { PdfLayout, ReportSigning } from '@app/signing';
import { Clock, CLOCK, writeOutbox } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { versionConflict } from '../submissions/submission-access.service';
import { SubmissionWorkflowService } from '../submissions/submission-workflow.service';
import { revisionHtml, revisionView } from './report-view';
import { onTheWire } from '../common/on-the-wire';
import { REPORT_SIGNING } from './report-signing.provider';
import { checkSources } from './sign-off-checks';

const notFound = () => new DomainError('REPORT_NOT_FOUND', 'Không tìm thấy báo cáo tổng hợp.');

/** Báo cáo tổng hợp: reading, office editing, sign-off. Writes to Postgres and the outbox only. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REPORT_SIGNING) private readonly signing: ReportSigning,
    private readonly workflow: SubmissionWorkflowService,
  ) {}

  /**
   * Đính chính from the report (a reviewer): reopens the submissions concerned with the reason; a
   * signed report is withdrawn, an issued one gets a replacement that names it (startCorrection).
   */
  async correct(actor: Actor, id: string, version: number, reason: string | undefined, submissionIds: string[] | undefined) {
    const trimmed = reason?.trim() ?? '';
    if (!trimmed) throw new DomainError('CORRECTION_REASON_REQUIRED', 'Cần ghi rõ lý do đính chính, thay thế báo cáo.');
    if (!submissionIds?.length) throw new DomainError('CORRECTION_SUBMISSIONS_REQUIRED', 'Cần chọn ít nhất một báo cáo của đơn vị để mở lại.');
    const report = await this.find(id);
    correctionEffect(report.state);
    if (report.version !== version) throw versionConflict(report.version);
    const reopened = await this.workflow.reopenForCorrection(actor, report.periodId, submissionIds, trimmed);
    return { id, reopened };
  }

  async list(periodId?: string): Promise<ReportSummary[]> {
    const qb = this.db.getRepository(Report).createQueryBuilder('r').orderBy('r.created_at', 'DESC');
    if (periodId) qb.where('r.period_id = :periodId', { periodId });
    const reports = await qb.getMany();
    return Promise.all(reports.map((r) => this.summary(r)));
  }

  async requestConsolidation(actor: Actor, periodId: string) {
    return this.db.transaction(async (m) => {
      if (!(await periodExists(m, periodId))) throw new DomainError('PERIOD_NOT_FOUND', 'Không tìm thấy kỳ báo cáo.');
      const current = await findCurrentReportState(m, periodId);
      if (current && current !== 'drafting') nextReportState(current, 'consolidate');
      const requestId = randomUUID();
      await writeOutbox(m, 'consolidation.requested', { periodId, requestId, actorId: actor.id });
      return { requestId, periodId, status: 'queued' };
    });
  }

  async get(id: string): Promise<ReportView> {
    const report = await this.find(id);
    const summary = await this.summary(report);
    const latest = await this.db.getRepository(ReportRevision).findOne({ where: { reportId: id }, order: { number: 'DESC' } });
    return { ...summary, current: latest ? { number: latest.number, ...revisionView(latest.content, unpackFigures(latest.figures)) } : null };
  }

  async revision(id: string, number: number) {
    const rev = await this.findRevision(id, number);
    return { number: rev.number, state: rev.state, createdAt: rev.createdAt, missingUnits: rev.missingUnits, ...revisionView(rev.content, unpackFigures(rev.figures)) };
  }

  async diff(id: string, from: number, to: number) {
    const [a, b] = await Promise.all([this.findRevision(id, from), this.findRevision(id, to)]);
    const na = footnoteNumbers(a.content);
    const nb = footnoteNumbers(b.content);
    const sections = b.content.sections
      .map((s) => {
        const old = a.content.sections.find((x) => x.id === s.id);
        const before = old ? sectionText(old, na).split('\n\n') : [];
        const changes = diffLines(before, sectionText(s, nb).split('\n\n'));
        return { id: s.id, heading: [s.number, s.heading].filter(Boolean).join(' '), changes };
      })
      .filter((s) => s.changes.some((c) => c.op !== 'equal'));
    return { from, to, sections };
  }

  /** Sửa một mục: a new revision from the latest one, with this section's text replaced. */
  async editSection(actor: Actor, id: string, sectionId: string, version: number, text: string) {
    return this.db.transaction(async (m) => {
      const report = await this.lock(m, id);
      nextReportState(report.state, 'edit');
      if (report.version !== version) throw versionConflict(report.version);
      const latest = await m.findOne(ReportRevision, { where: { reportId: id }, order: { number: 'DESC' } });
      if (!latest) throw new DomainError('REVISION_NOT_FOUND', 'Báo cáo chưa có bản dự thảo để sửa.');
      const index = latest.content.sections.findIndex((s) => s.id === sectionId);
      if (index < 0) throw new DomainError('UNKNOWN_SECTION', `Không có mục "${sectionId}" trong báo cáo.`);
      const paragraphs = parseSectionText(text, latest.content.sections[index], footnoteNumbers(latest.content));
      const content = { ...latest.content, sections: latest.content.sections.map((s, i) => (i === index ? { ...s, paragraphs } : s)) };
      const revision = await m.save(
        m.create(ReportRevision, {
          reportId: id, number: latest.number + 1, state: 'draft', trigger: `edit:${report.version}`, content,
          figures: latest.figures, missingUnits: latest.missingUnits, sourceVersions: latest.sourceVersions, editedSection: sectionId, createdBy: actor.id,
        }),
      );
      await this.audit(m, actor, id, 'report.edited', { revision: revision.number, from: latest.number, section: sectionId });
      const next = await this.bump(m, report, {});
      await writeOutbox(m, 'report.revision_created', { reportId: id, revisionId: revision.id });
      return { id, version: next, revision: revision.number };
    });
  }

  /** Trình ký: the latest revision goes to the signer. */
  async send(actor: Actor, id: string, version: number, missingUnitsAccepted?: string[]) {
    return this.db.transaction(async (m) => {
      const report = await this.lock(m, id);
      const state = nextReportState(report.state, 'send');
      if (report.version !== version) throw versionConflict(report.version);
      const latest = await m.findOne(ReportRevision, { where: { reportId: id }, order: { number: 'DESC' } });
      if (!latest) throw new DomainError('REVISION_NOT_FOUND', 'Báo cáo chưa có bản dự thảo để trình ký.');
      const accepted = await checkSources(m, latest, missingUnitsAccepted);
      await m.update(ReportRevision, { id: latest.id }, { state: 'sent' });
      await m.insert(ReportAction, { reportId: id, revisionNumber: latest.number, action: 'send', actorId: actor.id, comment: null, missingUnitsAccepted: accepted });
      await this.audit(m, actor, id, 'report.sent', { revision: latest.number, missingUnitsAccepted: accepted });
      await writeOutbox(m, 'report.sent', { reportId: id, periodId: report.periodId, revision: latest.number, actorId: actor.id });
      return { id, state, version: await this.bump(m, report, { state, sentRevision: latest.number }), revision: latest.number };
    });
  }

  async returnToOffice(actor: Actor, id: string, version: number, comment: string | undefined) {
    const trimmed = comment?.trim() ?? '';
    if (!trimmed) throw new DomainError('RETURN_COMMENT_REQUIRED', 'Cần ghi ý kiến khi trả lại báo cáo.');
    return this.db.transaction(async (m) => {
      const report = await this.lock(m, id);
      const state = nextReportState(report.state, 'return');
      if (report.version !== version) throw versionConflict(report.version);
      await m.update(ReportRevision, { reportId: id, number: report.sentRevision! }, { state: 'returned' });
      await m.insert(ReportAction, { reportId: id, revisionNumber: report.sentRevision!, action: 'return', actorId: actor.id, comment: trimmed });
      await this.audit(m, actor, id, 'report.returned', { revision: report.sentRevision, comment: trimmed });
      await writeOutbox(m, 'report.returned', { reportId: id, periodId: report.periodId, revision: report.sentRevision!, actorId: actor.id });
      return { id, state, version: await this.bump(m, report, { state, sentRevision: null }) };
    });
  }

  /**
   * Ký: freezes the sent revision with the signer's name; the worker renders it and applies his
   * digital signature to the PDF. The number and the date are the records office's (issue).
   */
  async sign(actor: Actor, id: string, version: number, missingUnitsAccepted?: string[]) {
    // refused before anything changes when the server holds no key for this signer
    if (!this.signing.hasSignerKey(actor.username)) throw new DomainError('SIGNING_KEY_MISSING', `Chưa cấu hình khóa ký số cho người ký "${actor.username}" (SIGNING_KEYS_FILE, xem README "Chữ ký số").`);
    return this.db.transaction(async (m) => {
      const report = await this.lock(m, id);
      const state = nextReportState(report.state, 'sign');
      if (report.version !== version) throw versionConflict(report.version);
      const signedAt = await this.clock.now();
      const revision = await m.findOneByOrFail(ReportRevision, { reportId: id, number: report.sentRevision! });
      const accepted = await checkSources(m, revision, missingUnitsAccepted);
      const name = await findUserFullName(m, actor.id);
      const content = { ...revision.content, header: { ...revision.content.header, number: null, date: null, signature: { ...revision.content.header.signature, name } } };
      await m.update(ReportRevision, { id: revision.id }, { state: 'signed', content });
      await deleteRevisionFiles(m, revision.id);
      await m.insert(ReportAction, { reportId: id, revisionNumber: revision.number, action: 'sign', actorId: actor.id, comment: null, missingUnitsAccepted: accepted });
      await this.audit(m, actor, id, 'report.signed', { revision: revision.number, signedAt: signedAt.toISOString(), missingUnitsAccepted: accepted });
      const next = await this.bump(m, report, { state, signedBy: actor.id, signedAt });
      await writeOutbox(m, 'report.signed', { reportId: id, revisionId: revision.id });
      return { id, state, version: next, revision: revision.number };
    });
  }

  /**
   * Phát hành (the records office, Decree 30/2020 Art. 14–15): the year's next number and today's
   * date are written into the signed PDF and the body's digital signature applied, in one
   * incremental update, inside the transaction that takes the number — a failure takes no number,
   * so the year's numbers have no gap. The SHA-256 of the issued PDF goes on the issue action. A
   * replacement, once issued, marks the report it replaces as replaced. The worker then
   * distributes it to "Nơi nhận".
   */
  async issue(actor: Actor, id: string, version: number) {
    if (!this.signing.hasOrganizationKey()) throw new DomainError('SIGNING_KEY_MISSING', 'Chưa cấu hình khóa ký số của cơ quan (SIGNING_KEYS_FILE, xem README "Chữ ký số").');
    return this.db.transaction(async (m) => {
      const report = await this.lock(m, id);
      const state = nextReportState(report.state, 'issue');
      if (report.version !== version) throw versionConflict(report.version);
      const revision = await m.findOneByOrFail(ReportRevision, { reportId: id, number: report.sentRevision! });
      const signedPdf = await findRevisionPdf(m, revision.id);
      if (signedPdf?.renderedAs !== 'signed' || !signedPdf.layout) {
        throw new DomainError('DOCUMENT_NOT_READY', 'Văn bản đã ký số đang được tạo, vui lòng thử lại sau ít phút.');
      }
      const issuedAt = await this.clock.now();
      const today = vnDate(issuedAt);
      const suffix = await findDocumentNumberSuffix(m, report.templateId);
      const documentNumber = formatDocumentNumber(await takeNextDocumentNumber(m, Number(today.slice(0, 4)), suffix));
      const h = revision.content.header;
      const pdf = await this.signing.issueAsBody(signedPdf.data, signedPdf.layout as unknown as PdfLayout, { number: documentNumber, date: today, place: h.place, at: issuedAt });
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      await storeRevisionFile(m, { revisionId: revision.id, format: 'pdf', renderedAs: 'issued', sha256, data: pdf });
      await m.update(ReportRevision, { id: revision.id }, { state: 'issued', content: { ...revision.content, header: { ...h, number: documentNumber, date: today } } });
      await m.insert(ReportAction, { reportId: id, revisionNumber: revision.number, action: 'issue', actorId: actor.id, comment: null, sha256 });
      await this.audit(m, actor, id, 'report.issued', { revision: revision.number, documentNumber, documentDate: today, sha256 });
      const replaced = report.correctsReportId && (await replaceIssuedReport(m, { reportId: report.correctsReportId, byReportId: id, actorId: actor.id })) ? report.correctsReportId : null;
      const next = await this.bump(m, report, { state, documentNumber, documentDate: today, issuedBy: actor.id, issuedAt });
      await writeOutbox(m, 'report.issued', { reportId: id, revisionId: revision.id, replacedReportId: replaced, actorId: actor.id });
      return {
        id, state, version: next, revision: revision.number, documentNumber, documentDate: today, numberLine: numberLine(documentNumber, suffix),
        placeDate: placeDateLine(h.place, today), sha256, replacedReportId: replaced,
      };
    });
  }

  async document(id: string, number: number, format: ReportFileFormat | 'html') {
    const rev = await this.findRevision(id, number);
    if (format === 'html') {
      const h = rev.content.header;
      return { html: revisionHtml(rev.content, unpackFigures(rev.figures), { numberLine: numberLine(h.number, h.numberSuffix), placeDate: placeDateLine(h.place, h.date), draft: !['signed', 'issued', 'replaced'].includes(rev.state) }) };
    }
    const file = await findRevisionFile(this.db, rev.id, format);
    if (!file) throw new DomainError('DOCUMENT_NOT_READY', 'Tệp của bản này đang được tạo, vui lòng thử lại sau ít phút.');
    if (file.state === 'awaiting_libreoffice') {
      throw new DomainError(
        'PDF_AWAITING_LIBREOFFICE',
        `Bản PDF chờ LibreOffice: máy chạy worker chưa cài LibreOffice — cài bằng lệnh ${LIBREOFFICE_INSTALL} rồi khởi động lại worker; bản DOCX đã có.`,
      );
    }
    return { data: file.data, sha256: file.sha256 };
  }

  private async summary(r: Report): Promise<ReportSummary> {
    const revisions = await listRevisionSummaries(this.db, r.id);
    const actions = await listReportActions(this.db, r.id);
    return {
      id: r.id, periodId: r.periodId, state: r.state, version: r.version, correctsReportId: r.correctsReportId,
      sentRevision: r.sentRevision, documentNumber: r.documentNumber, documentDate: r.documentDate, signedAt: r.signedAt?.toISOString() ?? null,
      issuedAt: r.issuedAt?.toISOString() ?? null, supersededReason: r.supersededReason, correctionReason: r.correctionReason,
      replacedByReportId: r.replacedByReportId, staleReason: r.staleReason, staleSince: r.staleSince?.toISOString() ?? null, revisions: revisions.map(onTheWire), actions: actions.map(onTheWire),
    };
  }

  private async find(id: string): Promise<Report> {
    const r = await this.db.getRepository(Report).findOneBy({ id });
    if (!r) throw notFound();
    return r;
  }

  private async findRevision(id: string, number: number): Promise<ReportRevision> {
    await this.find(id);
    const rev = Number.isInteger(number) ? await this.db.getRepository(ReportRevision).findOneBy({ reportId: id, number }) : null;
    if (!rev) throw new DomainError('REVISION_NOT_FOUND', `Không có bản số ${number} của báo cáo.`);
    return rev;
  }

  private async lock(m: EntityManager, id: string): Promise<Report> {
    const r = await m.getRepository(Report).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
    if (!r) throw notFound();
    return r;
  }

  /** A sign-off decision in the audit log (its hash chain), in the transaction that makes it. */
  private audit(m: EntityManager, actor: Actor, reportId: string, action: string, after: Record<string, unknown>): Promise<void> {
    return insertAuditEntry(m, { submissionId: null, entityType: 'report', entityId: reportId, action, actorId: actor.id, after });
  }

  private async bump(m: EntityManager, r: Report, patch: Partial<Report>): Promise<number> {
    // the injected clock, like signedAt: the demo and the tests play a month that is not today
    await m.update(Report, { id: r.id }, { ...patch, version: r.version + 1, updatedAt: await this.clock.now() });
    return r.version + 1;
  }
}
