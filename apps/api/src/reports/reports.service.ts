import type { ReportActionView, ReportRevisionSummary, ReportSummary, ReportView } from '@app/contracts';
import {
  deleteRevisionFiles,
  ReportFileFormat,
  findCurrentReportState,
  findDocumentNumberSuffix,
  findRevisionFile,
  findUserFullName,
  listReportActions,
  listRevisionSummaries,
  periodExists,
  Report,
  ReportAction,
  ReportRevision,
  takeNextDocumentNumber,
} from '@app/database';
import { diffLines, DomainError, footnoteNumbers, formatDocumentNumber, nextReportState, numberLine, parseSectionText, placeDateLine, sectionText, unpackFigures, vnDate } from '@app/domain';
import { Clock, CLOCK, writeOutbox } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { versionConflict } from '../submissions/submission-access.service';
import { revisionHtml, revisionView } from './report-view';
import { onTheWire } from '../common/on-the-wire';

const notFound = () => new DomainError('REPORT_NOT_FOUND', 'Không tìm thấy báo cáo tổng hợp.');

/** Báo cáo tổng hợp: reading, office editing, sign-off. Writes to Postgres and the outbox only. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
          figures: latest.figures, missingUnits: latest.missingUnits, editedSection: sectionId, createdBy: actor.id,
        }),
      );
      const next = await this.bump(m, report, {});
      await writeOutbox(m, 'report.revision_created', { reportId: id, revisionId: revision.id });
      return { id, version: next, revision: revision.number };
    });
  }

  /** Trình ký: the latest revision goes to the signer. */
  async send(actor: Actor, id: string, version: number) {
    return this.db.transaction(async (m) => {
      const report = await this.lock(m, id);
      const state = nextReportState(report.state, 'send');
      if (report.version !== version) throw versionConflict(report.version);
      const latest = await m.findOne(ReportRevision, { where: { reportId: id }, order: { number: 'DESC' } });
      if (!latest) throw new DomainError('REVISION_NOT_FOUND', 'Báo cáo chưa có bản dự thảo để trình ký.');
      await m.update(ReportRevision, { id: latest.id }, { state: 'sent' });
      await m.insert(ReportAction, { reportId: id, revisionNumber: latest.number, action: 'send', actorId: actor.id, comment: null });
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
      await writeOutbox(m, 'report.returned', { reportId: id, periodId: report.periodId, revision: report.sentRevision!, actorId: actor.id });
      return { id, state, version: await this.bump(m, report, { state, sentRevision: null }) };
    });
  }

  /** Ký ban hành: freezes the sent revision, assigns the year's next number and the date. */
  async sign(actor: Actor, id: string, version: number) {
    return this.db.transaction(async (m) => {
      const report = await this.lock(m, id);
      const state = nextReportState(report.state, 'sign');
      if (report.version !== version) throw versionConflict(report.version);
      // the document's date is the day of signing on the injected clock (the demo signs in June 2024), in Vietnam
      const signedAt = await this.clock.now();
      const today = vnDate(signedAt);
      const suffix = await findDocumentNumberSuffix(m, report.templateId);
      const documentNumber = formatDocumentNumber(await takeNextDocumentNumber(m, Number(today.slice(0, 4)), suffix));
      const revision = await m.findOneByOrFail(ReportRevision, { reportId: id, number: report.sentRevision! });
      const name = await findUserFullName(m, actor.id);
      const content = { ...revision.content, header: { ...revision.content.header, number: documentNumber, date: today, signature: { ...revision.content.header.signature, name } } };
      await m.update(ReportRevision, { id: revision.id }, { state: 'signed', content });
      await deleteRevisionFiles(m, revision.id);
      await m.insert(ReportAction, { reportId: id, revisionNumber: revision.number, action: 'sign', actorId: actor.id, comment: null });
      const next = await this.bump(m, report, { state, documentNumber, documentDate: today, signedBy: actor.id, signedAt });
      await writeOutbox(m, 'report.signed', { reportId: id, revisionId: revision.id });
      return { id, state, version: next, revision: revision.number, documentNumber, numberLine: numberLine(documentNumber, suffix), placeDate: placeDateLine(revision.content.header.place, today) };
    });
  }

  async document(id: string, number: number, format: ReportFileFormat | 'html') {
    const rev = await this.findRevision(id, number);
    if (format === 'html') {
      const h = rev.content.header;
      return { html: revisionHtml(rev.content, unpackFigures(rev.figures), { numberLine: numberLine(h.number, h.numberSuffix), placeDate: placeDateLine(h.place, h.date), draft: rev.state !== 'signed' }) };
    }
    const file = await findRevisionFile(this.db, rev.id, format);
    if (!file) throw new DomainError('DOCUMENT_NOT_READY', 'Tệp của bản này đang được tạo, vui lòng thử lại sau ít phút.');
    return file;
  }

  private async summary(r: Report): Promise<ReportSummary> {
    const revisions = await listRevisionSummaries(this.db, r.id);
    const actions = await listReportActions(this.db, r.id);
    return {
      id: r.id, periodId: r.periodId, state: r.state, version: r.version, correctsReportId: r.correctsReportId,
      sentRevision: r.sentRevision, documentNumber: r.documentNumber, documentDate: r.documentDate, signedAt: r.signedAt?.toISOString() ?? null,
      supersededReason: r.supersededReason, revisions: revisions.map(onTheWire), actions: actions.map(onTheWire),
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

  private async bump(m: EntityManager, r: Report, patch: Partial<Report>): Promise<number> {
    // the injected clock, like signedAt: the demo and the tests play a month that is not today
    await m.update(Report, { id: r.id }, { ...patch, version: r.version + 1, updatedAt: await this.clock.now() });
    return r.version + 1;
  }
}
