import {
  applyFigureRevision,
  FigureRevisionRow,
  findFigureRevisionsInState,
  insertAuditEntry,
  insertSubmittedFigureRevision,
  lockFigureRevision,
  returnFigureRevision,
  Submission,
  SubmissionValue,
} from '@app/database';
import { canRevise, DomainError, ErrorDetail, parseCellText, parseCumulativeText, STATUS_WORD } from '@app/domain';
import { Clock, CLOCK, writeOutbox } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { FormCatalogService } from '../forms/form-catalog.service';
import { SubmissionAccess } from './submission-access.service';
import type { FigureRevisionItemDto } from './figure-revision.dto';

const revisionNotFound = () => new DomainError('FIGURE_REVISION_NOT_FOUND', 'Không tìm thấy phiên bản số liệu này.');

/**
 * Official figures after the fact: the unit sends a later version (sơ bộ, chính thức) of figures of a
 * period already approved; the office approves it, which writes it into the approved submission as
 * a new version (the estimate stays in the revision's history), or returns it with a reason. The
 * month stays approved throughout: until the office decides, reports print the approved estimate.
 */
@Injectable()
export class FigureRevisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: SubmissionAccess,
    private readonly forms: FormCatalogService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The officer sends the later version of some figures of an approved submission of their unit. */
  async submit(actor: Actor, submissionId: string, items: FigureRevisionItemDto[], reason: string | undefined): Promise<{ ids: string[] }> {
    const why = reason?.trim() ?? '';
    if (!why) throw new DomainError('FIGURE_REVISION_REASON_REQUIRED', 'Cần ghi rõ nguồn của số liệu mới (ví dụ: số liệu chính thức theo thông cáo ngày …).');
    return this.db.transaction(async (m) => {
      const s = await this.access.lockVisible(m, actor, submissionId);
      if (s.state !== 'approved') {
        throw new DomainError('FIGURE_REVISION_NOT_ALLOWED', 'Chỉ gửi số liệu chính thức cho báo cáo đã được duyệt; báo cáo chưa duyệt thì sửa trực tiếp.');
      }
      const form = await this.forms.unitForm(s.formTemplateId, s.unitId, s.periodId);
      const current = new Map((await m.find(SubmissionValue, { where: { submissionId } })).map((v) => [v.indicatorCode, v]));
      const errors: ErrorDetail[] = [];
      const seen = new Set<string>();
      const rows = items.flatMap((item, index) => {
        const rule = form.byCode.get(item.indicatorCode);
        if (!rule || rule.kind === 'text') {
          errors.push({ field: `items.${index}.indicatorCode`, indicatorCode: item.indicatorCode, code: 'UNKNOWN_INDICATOR', message: `Chỉ tiêu "${item.indicatorCode}" không phải số liệu của biểu mẫu của đơn vị.` });
          return [];
        }
        if (seen.has(rule.code)) {
          errors.push({ indicatorCode: rule.code, code: 'DUPLICATE_INDICATOR', message: `${rule.name}: được gửi hai lần.` });
          return [];
        }
        seen.add(rule.code);
        const cell = parseCellText(rule, item.value);
        const cumulative = item.cumulative === undefined ? null : parseCumulativeText(rule, item.cumulative);
        if (!cell.ok || cell.numeric === null) {
          errors.push({ field: `items.${index}.value`, ...(cell.ok ? { indicatorCode: rule.code, code: 'REQUIRED' as const, message: `${rule.name}: cần có số liệu.` } : cell.error) });
          return [];
        }
        if (cumulative && !cumulative.ok) {
          errors.push({ field: `items.${index}.cumulative`, ...cumulative.error });
          return [];
        }
        const before = current.get(rule.code);
        if (!canRevise(before?.status, item.status)) {
          errors.push({
            field: `items.${index}.status`, indicatorCode: rule.code, code: 'FIGURE_REVISION_NOT_ALLOWED',
            message: `${rule.name}: số liệu đang là số ${STATUS_WORD[before?.status ?? 'estimate']}, phiên bản sau phải là số ${before?.status === 'preliminary' ? 'chính thức' : 'sơ bộ hoặc chính thức'}.`,
          });
          return [];
        }
        return [{ code: rule.code, numeric: cell.numeric, cumulative: cumulative?.ok ? cumulative.numeric : null, status: item.status, before }];
      });
      if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', 'Số liệu gửi lên không hợp lệ, chưa có gì được lưu.', errors);
      const now = await this.clock.now();
      const ids: string[] = [];
      for (const r of rows) {
        const id = await insertSubmittedFigureRevision(m, {
          submissionId, indicatorCode: r.code, numericValue: r.numeric, cumulativeEntered: r.cumulative, status: r.status,
          previousValue: r.before?.numericValue ?? null, previousStatus: r.before?.status ?? null, reason: why, submittedBy: actor.id, submittedAt: now,
        });
        if (!id) throw new DomainError('FIGURE_REVISION_PENDING', `Chỉ tiêu "${r.code}" đã có một phiên bản số liệu đang chờ Văn phòng duyệt.`);
        ids.push(id);
      }
      await insertAuditEntry(m, {
        submissionId, entityType: 'submission', entityId: submissionId, action: 'figures.revision_submitted', actorId: actor.id,
        after: { reason: why, revisions: ids, values: Object.fromEntries(rows.map((r) => [r.code, r.numeric])), status: Object.fromEntries(rows.map((r) => [r.code, r.status])) },
      });
      await writeOutbox(m, 'figures.revision_submitted', { submissionId, periodId: s.periodId, unitId: s.unitId, revisionIds: ids, reason: why, actorId: actor.id });
      return { ids };
    });
  }

  /** The office approves a later version: it becomes the approved figure, the submission's version goes up. */
  approve(actor: Actor, id: string): Promise<{ id: string; state: 'approved'; submissionVersion: number }> {
    return this.db.transaction(async (m) => {
      const { rev, submission } = await this.lockPending(m, id);
      const now = await this.clock.now();
      await applyFigureRevision(m, id, actor.id, now);
      const version = submission.version + 1;
      await m.update(Submission, { id: submission.id }, { version, updatedAt: now });
      await insertAuditEntry(m, {
        submissionId: submission.id, entityType: 'submission', entityId: submission.id, action: 'figures.revised', actorId: actor.id,
        before: { version: submission.version }, after: { version, revision: id, indicator: rev.indicatorCode, value: rev.numericValue, status: rev.status },
      });
      await writeOutbox(m, 'figures.revised', { submissionId: submission.id, periodId: rev.periodId, unitId: rev.unitId, revisionIds: [id], actorId: actor.id });
      return { id, state: 'approved' as const, submissionVersion: version };
    });
  }

  return(actor: Actor, id: string, reason: string | undefined): Promise<{ id: string; state: 'returned' }> {
    const why = reason?.trim() ?? '';
    if (!why) throw new DomainError('RETURN_REASON_REQUIRED', 'Cần ghi rõ lý do khi trả lại.');
    return this.db.transaction(async (m) => {
      const { rev } = await this.lockPending(m, id);
      await returnFigureRevision(m, id, actor.id, await this.clock.now(), why);
      await insertAuditEntry(m, { submissionId: rev.submissionId, entityType: 'figure_revision', entityId: id, action: 'figures.revision_returned', actorId: actor.id, after: { reason: why } });
      return { id, state: 'returned' as const };
    });
  }

  /** The office's queue (reviewers, admins: every unit's; an officer: their unit's). */
  list(actor: Actor, state: FigureRevisionRow['state']): Promise<FigureRevisionRow[]> {
    return findFigureRevisionsInState(this.db, state, SubmissionAccess.unitScope(actor));
  }

  private async lockPending(m: EntityManager, id: string) {
    const rev = await lockFigureRevision(m, id, null);
    if (!rev) throw revisionNotFound();
    if (rev.state !== 'submitted') throw new DomainError('FIGURE_REVISION_DECIDED', 'Phiên bản số liệu này đã được xử lý.');
    const submission = await m.findOne(Submission, { where: { id: rev.submissionId }, lock: { mode: 'pessimistic_write' } });
    if (!submission || submission.state !== 'approved') {
      throw new DomainError('FIGURE_REVISION_NOT_ALLOWED', 'Báo cáo của đơn vị đang được mở lại để sửa: phiên bản số liệu này chưa thể duyệt.');
    }
    return { rev, submission };
  }
}
