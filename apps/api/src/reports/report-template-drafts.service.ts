import {
  deleteReportTemplateDraft, findLastApprovedPeriod, findNewestFormIndicatorCodes, findNewestReportTemplate, findReportTemplateDraft, findSignerName,
  insertAuditEntry, insertReportTemplateDraft, installReportTemplate, listReportTemplatesWithDrafts, loadConsolidationInput, lockReportTemplateDraft, Queryable,
  ReportTemplateDraftRow, updateReportTemplateDraftBody,
} from '@app/database';
import { checkTemplatePatterns, composeReport, DomainError, periodLabel, PeriodType, ReportTemplate, TemplateProblem } from '@app/domain';
import type { ReportTemplateDraftView, ReportTemplateListItem, ReportTemplatePreview } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { SectionPatternsDto } from './report-template-draft.dto';


/**
 * Phiên bản mẫu báo cáo: the administrator edits the sentence patterns of a template's sections in a
 * draft, previews the report they give on the last period whose submissions are all approved, and
 * publishes it as the template's next version. A pattern naming an unknown indicator or placeholder
 * is refused at publishing (422, every problem), not found at consolidation.
 */
@Injectable()
export class ReportTemplateDraftsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The templates (newest version of each) and their drafts, for the administrator's list. */
  list(): Promise<ReportTemplateListItem[]> {
    return listReportTemplatesWithDrafts(this.db);
  }

  async get(id: string): Promise<ReportTemplateDraftView> {
    const row = await findReportTemplateDraft(this.db, id);
    if (!row) throw notFound();
    return this.view(this.db, row);
  }

  async create(actor: Actor, code: string): Promise<ReportTemplateDraftView> {
    return this.db.transaction(async (m) => {
      const base = await findNewestReportTemplate(m, code);
      if (!base) throw new DomainError('NOT_FOUND', `Không có mẫu báo cáo mã ${code}.`);
      const id = await insertReportTemplateDraft(m, { code, baseTemplateId: base.id, body: base.body, createdBy: actor.id });
      if (!id) throw new DomainError('FORM_DRAFT_EXISTS', `Mẫu báo cáo ${code} đang có một bản dự thảo; hãy sửa tiếp bản đó.`);
      await insertAuditEntry(m, { submissionId: null, entityType: 'report_template_draft', entityId: id, action: 'report_template.draft_created', actorId: actor.id, after: { code, baseVersion: base.version } });
      return this.view(m, (await findReportTemplateDraft(m, id))!);
    });
  }

  /** Replaces the sentence patterns of the sections named (statements by position; other fields kept). */
  async save(actor: Actor, id: string, version: number, sections: SectionPatternsDto[]): Promise<ReportTemplateDraftView> {
    return this.db.transaction(async (m) => {
      const draft = await lockReportTemplateDraft(m, id);
      if (!draft) throw notFound();
      if (draft.version !== version) throw stale(draft.version);
      const body: ReportTemplate = JSON.parse(JSON.stringify(draft.body));
      for (const edit of sections) {
        const section = body.sections.find((s) => s.id === edit.id);
        if (!section || (section.statements ?? []).length !== edit.statements.length) {
          throw new DomainError('TEMPLATE_UNKNOWN_SECTION', `Mục ${edit.id} không có trong mẫu báo cáo, hoặc số câu không khớp (${section?.statements?.length ?? 0}).`);
        }
        edit.statements.forEach((st, i) => {
          const target = section.statements![i];
          target.sentence = st.sentence;
          if (st.sentenceByNumber !== undefined) target.sentenceByNumber = st.sentenceByNumber;
        });
      }
      await updateReportTemplateDraftBody(m, id, body);
      await insertAuditEntry(m, {
        submissionId: null, entityType: 'report_template_draft', entityId: id, action: 'report_template.draft_saved', actorId: actor.id,
        after: { sections: sections.map((s) => s.id) },
      });
      return this.view(m, (await findReportTemplateDraft(m, id))!);
    });
  }

  /** The report the draft composes from the last period whose submissions are all approved (nothing is stored). */
  async preview(id: string): Promise<ReportTemplatePreview> {
    const draft = await findReportTemplateDraft(this.db, id);
    if (!draft) throw notFound();
    const problems = await this.problems(this.db, draft.body);
    const period = await findLastApprovedPeriod(this.db, draft.body.formCode, draft.body.periodType ?? null);
    if (!period) throw new DomainError('NO_APPROVED_PERIOD', 'Chưa có kỳ báo cáo nào được duyệt đủ để xem trước.');
    // read in one transaction, as consolidation reads; nothing is written
    const content = await this.db.transaction('REPEATABLE READ', async (m) => {
      const input = await loadConsolidationInput(m, period.id, draft.body, await findSignerName(m));
      return composeReport(input).content;
    });
    return { periodId: period.id, label: periodLabel(period.type as PeriodType, period.year, period.number), content, problems };
  }

  async publish(actor: Actor, id: string, version: number): Promise<{ templateId: string; code: string; version: number }> {
    return this.db.transaction(async (m) => {
      const draft = await lockReportTemplateDraft(m, id);
      if (!draft) throw notFound();
      if (draft.version !== version) throw stale(draft.version);
      const problems = await this.problems(m, draft.body);
      if (problems.length > 0) throw new DomainError('TEMPLATE_INVALID', `Mẫu báo cáo có ${problems.length} lỗi, chưa được ban hành.`, problems);
      const newest = (await findNewestReportTemplate(m, draft.templateCode))!;
      if (newest.version !== draft.baseVersion) throw stale(draft.version);
      const next = newest.version + 1;
      const templateId = await installReportTemplate(m, { ...draft.body, version: next });
      await deleteReportTemplateDraft(m, id);
      await insertAuditEntry(m, {
        submissionId: null, entityType: 'report_template', entityId: templateId, action: 'report_template.published', actorId: actor.id,
        after: { code: draft.templateCode, version: next },
      });
      return { templateId, code: draft.templateCode, version: next };
    });
  }

  private async problems(db: Queryable, body: ReportTemplate): Promise<TemplateProblem[]> {
    return checkTemplatePatterns(body, new Set(await findNewestFormIndicatorCodes(db, body.formCode)));
  }

  private async view(db: Queryable, row: ReportTemplateDraftRow): Promise<ReportTemplateDraftView> {
    return { id: row.id, code: row.templateCode, baseVersion: row.baseVersion, version: row.version, body: row.body, problems: await this.problems(db, row.body) };
  }
}

function notFound(): DomainError {
  return new DomainError('TEMPLATE_DRAFT_NOT_FOUND', 'Không tìm thấy bản dự thảo mẫu báo cáo (có thể đã được ban hành).');
}

function stale(current: number): DomainError {
  return new DomainError('VERSION_CONFLICT', 'Bản dự thảo vừa được thay đổi hoặc mẫu báo cáo vừa có phiên bản mới. Vui lòng tải lại.', undefined, { currentVersion: current });
}
