import type { FormDraftView } from '@app/contracts';
import {
  deleteFormDraft, findFormDraft, findFormIndicatorHistory, findNewestFormVersion, findUnitCodesOn, FormDraftRow, insertAuditEntry,
  insertFormDraft, insertFormVersion, listFormDrafts, loadFormVersionSpec, lockFormDraft, Queryable, updateFormDraftBody,
} from '@app/database';
import { checkFormVersion, DomainError, FormProblem, FormVersionSpec } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { FormVersionBodyDto, PublishFormDraftDto } from './form-draft.dto';

/**
 * Phiên bản biểu mẫu: the administrator edits a draft of a form's next version (one draft per form)
 * and publishes it effective from a month. Publishing checks the whole version and refuses it with
 * every problem, writing nothing; a published version never changes, and periods opened before keep
 * the version they were opened with.
 */
@Injectable()
export class FormDraftsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<FormDraftView[]> {
    const rows = await listFormDrafts(this.db);
    return Promise.all(rows.map((r) => this.view(this.db, r)));
  }

  async get(id: string): Promise<FormDraftView> {
    const row = await findFormDraft(this.db, id);
    if (!row) throw notFound();
    return this.view(this.db, row);
  }

  /** A new draft from the form's newest version; a form has at most one draft at a time. */
  async create(actor: Actor, formCode: string): Promise<FormDraftView> {
    return this.db.transaction(async (m) => {
      const base = await findNewestFormVersion(m, formCode);
      if (!base) throw new DomainError('FORM_NOT_FOUND', `Không có biểu mẫu mã ${formCode}.`);
      const body = (await loadFormVersionSpec(m, base.id))!;
      const id = await insertFormDraft(m, { formCode, baseTemplateId: base.id, body, createdBy: actor.id });
      if (!id) throw new DomainError('FORM_DRAFT_EXISTS', `Biểu mẫu ${formCode} đang có một bản dự thảo; hãy sửa tiếp bản đó hoặc hủy nó.`);
      await insertAuditEntry(m, { submissionId: null, entityType: 'form_draft', entityId: id, action: 'form.draft_created', actorId: actor.id, after: { formCode, baseVersion: base.version } });
      return this.view(m, (await findFormDraft(m, id))!);
    });
  }

  /** Saves the whole edited version (a stale version is a 409 carrying the current one). */
  async save(actor: Actor, id: string, version: number, body: FormVersionBodyDto): Promise<FormDraftView> {
    return this.db.transaction(async (m) => {
      const draft = await lockFormDraft(m, id);
      if (!draft) throw notFound();
      if (draft.version !== version) throw stale(draft.version);
      const spec: FormVersionSpec = { ...body, code: draft.formCode };
      await updateFormDraftBody(m, id, spec);
      await insertAuditEntry(m, { submissionId: null, entityType: 'form_draft', entityId: id, action: 'form.draft_saved', actorId: actor.id, before: { body: draft.body }, after: { body: spec } });
      return this.view(m, (await findFormDraft(m, id))!);
    });
  }

  async discard(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const draft = await lockFormDraft(m, id);
      if (!draft) throw notFound();
      await deleteFormDraft(m, id);
      await insertAuditEntry(m, { submissionId: null, entityType: 'form_draft', entityId: id, action: 'form.draft_discarded', actorId: actor.id, before: { body: draft.body } });
    });
  }

  /**
   * Publishes the draft as the form's next version, effective from the first day of `effectiveFrom`:
   * periods opened from then on use it. Any problem refuses the whole version (422, every problem
   * with its code) and nothing is written.
   */
  async publish(actor: Actor, id: string, dto: PublishFormDraftDto): Promise<{ templateId: string; code: string; version: number; effectiveFrom: string }> {
    const effectiveFrom = `${dto.effectiveFrom}-01`;
    return this.db.transaction(async (m) => {
      const draft = await lockFormDraft(m, id);
      if (!draft) throw notFound();
      if (draft.version !== dto.version) throw stale(draft.version);
      const problems = await this.problems(m, draft.body, effectiveFrom);
      if (problems.length > 0) {
        throw new DomainError('FORM_INVALID', `Phiên bản biểu mẫu có ${problems.length} lỗi, chưa được ban hành.`, problems);
      }
      const newest = (await findNewestFormVersion(m, draft.formCode))!;
      if (newest.id !== draft.baseTemplateId) {
        // someone published meanwhile: this draft was edited from an older version
        throw stale(draft.version);
      }
      const version = newest.version + 1;
      const templateId = await insertFormVersion(m, draft.body, version, { effectiveFrom, publishedBy: actor.id });
      await deleteFormDraft(m, id);
      await insertAuditEntry(m, {
        submissionId: null, entityType: 'form_template', entityId: templateId, action: 'form.published', actorId: actor.id,
        after: { code: draft.formCode, version, effectiveFrom, body: draft.body },
      });
      return { templateId, code: draft.formCode, version, effectiveFrom };
    });
  }

  /** Against the units that exist on the first day the version serves (while drafting, no month yet: any unit). */
  private async problems(db: Queryable, spec: FormVersionSpec, effectiveFrom: string | null = null): Promise<FormProblem[]> {
    const [history, units] = await Promise.all([findFormIndicatorHistory(db, spec.code), findUnitCodesOn(db, effectiveFrom)]);
    return checkFormVersion(spec, history, new Set(units));
  }

  private async view(db: Queryable, row: FormDraftRow): Promise<FormDraftView> {
    return {
      id: row.id,
      formCode: row.formCode,
      baseVersion: row.baseVersion,
      version: row.version,
      updatedAt: new Date(row.updatedAt).toISOString(),
      body: row.body,
      problems: await this.problems(db, row.body),
    };
  }
}

function notFound(): DomainError {
  return new DomainError('FORM_DRAFT_NOT_FOUND', 'Không tìm thấy bản dự thảo biểu mẫu (có thể đã được ban hành hoặc hủy).');
}

function stale(current: number): DomainError {
  return new DomainError('VERSION_CONFLICT', 'Bản dự thảo vừa được người khác thay đổi hoặc biểu mẫu vừa có phiên bản mới. Vui lòng tải lại.', undefined, { currentVersion: current });
}
