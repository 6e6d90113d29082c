import { IndicatorComment, insertAuditEntry, ReviewAction, Submission, SubmissionValue } from '@app/database';
import { CellValue, checkIndicatorRules, dec, DomainError, ErrorDetail, nextState, SubmissionState } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CLOCK, writeOutbox } from '@app/queue';
import { startCorrection } from '../reports/report-correction';
import type { Actor } from '../common/actor';
import { FormCatalogService } from '../forms/form-catalog.service';
import { SubmissionAccess, versionConflict } from './submission-access.service';

type TransitionAction = 'submit' | 'return' | 'approve' | 'reopen';

export interface TransitionResult {
  id: string;
  state: SubmissionState;
  version: number;
}

/** Moves submissions through the state machine of the domain lib, one locked row at a time. */
@Injectable()
export class SubmissionWorkflowService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: SubmissionAccess,
    private readonly forms: FormCatalogService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  submit(actor: Actor, id: string, version: number): Promise<TransitionResult> {
    return this.transition(actor, id, version, 'submit', {}, async (m, s) => {
      const errors = await this.validateForSubmission(m, s);
      if (errors.length > 0) {
        throw new DomainError('SUBMISSION_INVALID', 'Báo cáo còn lỗi, chưa thể gửi. Vui lòng sửa các chỉ tiêu được liệt kê.', errors);
      }
    });
  }

  /** Mở lại (admin): a correction after approval, with a reason; a signed report of the period is superseded. */
  async reopen(actor: Actor, id: string, version: number, reason: string | undefined): Promise<TransitionResult> {
    const trimmed = reason?.trim() ?? '';
    if (!trimmed) throw new DomainError('REOPEN_REASON_REQUIRED', 'Cần ghi rõ lý do khi mở lại báo cáo đã duyệt.');
    return this.transition(actor, id, version, 'reopen', { reason: trimmed }, async (m, s) => startCorrection(m, s.periodId, actor.id, trimmed));
  }

  approve(actor: Actor, id: string, version: number): Promise<TransitionResult> {
    return this.transition(actor, id, version, 'approve', {});
  }

  async return(actor: Actor, id: string, version: number, reason: string | undefined, comments: IndicatorComment[] = []) {
    const trimmed = reason?.trim() ?? '';
    if (!trimmed) throw new DomainError('RETURN_REASON_REQUIRED', 'Cần ghi rõ lý do khi trả lại báo cáo.');
    return this.transition(actor, id, version, 'return', { reason: trimmed, comments }, async (_m, s) => {
      const form = await this.forms.unitForm(s.formTemplateId, s.unitId, s.periodId);
      const unknown = comments.filter((c) => !form.byCode.has(c.indicatorCode));
      if (unknown.length > 0) {
        throw new DomainError(
          'UNKNOWN_INDICATOR',
          'Ý kiến gắn với chỉ tiêu không có trong biểu mẫu của đơn vị.',
          unknown.map((c) => ({ indicatorCode: c.indicatorCode, code: 'UNKNOWN_INDICATOR', message: `Không có chỉ tiêu "${c.indicatorCode}".` })),
        );
      }
    });
  }

  /**
   * Đính chính started from the report (a reviewer): the submissions concerned are reopened with the
   * reason, and the period's signed or issued report corrected (startCorrection), in one transaction.
   */
  async reopenForCorrection(actor: Actor, periodId: string, submissionIds: string[], reason: string): Promise<TransitionResult[]> {
    return this.db.transaction(async (m) => {
      const done: TransitionResult[] = [];
      for (const id of [...new Set(submissionIds)]) {
        done.push(
          await this.transitionIn(m, actor, id, null, 'reopen', { reason }, async (_m, s) => {
            if (s.periodId !== periodId) throw new DomainError('SUBMISSION_NOT_FOUND', 'Báo cáo của đơn vị không thuộc kỳ của báo cáo tổng hợp này.');
          }),
        );
      }
      await startCorrection(m, periodId, actor.id, reason);
      return done;
    });
  }

  private transition(
    actor: Actor,
    id: string,
    version: number,
    action: TransitionAction,
    review: { reason?: string; comments?: IndicatorComment[] },
    check?: (m: EntityManager, s: Submission) => Promise<void>,
  ): Promise<TransitionResult> {
    return this.db.transaction((m) => this.transitionIn(m, actor, id, version, action, review, check));
  }

  /** `version` null: the caller acts on whatever version is current (a correction reopening several at once). */
  private async transitionIn(
    m: EntityManager,
    actor: Actor,
    id: string,
    version: number | null,
    action: TransitionAction,
    review: { reason?: string; comments?: IndicatorComment[] },
    check?: (m: EntityManager, s: Submission) => Promise<void>,
  ): Promise<TransitionResult> {
    {
      const s = await this.access.lockVisible(m, actor, id);
      const next = nextState(s.state, action);
      if (version !== null && s.version !== version) throw versionConflict(s.version);
      if (check) await check(m, s);
      // the clock decides "submitted on time": the demo and the tests play the month on their own clock
      const now = await this.clock.now();
      const patch: Partial<Submission> = { state: next, version: s.version + 1, updatedAt: now };
      if (action === 'submit') patch.submittedAt = now;
      if (action === 'approve') patch.approvedAt = now;
      if (action === 'reopen') patch.approvedAt = null;
      await m.update(Submission, { id: s.id }, patch);
      await m.insert(ReviewAction, {
        submissionId: s.id,
        action,
        actorId: actor.id,
        reason: review.reason ?? null,
        comments: review.comments ?? [],
        submissionVersion: s.version + 1,
        createdAt: now,
      });
      await insertAuditEntry(m, {
        submissionId: s.id,
        entityType: 'submission',
        entityId: s.id,
        action: `state.${action}`,
        actorId: actor.id,
        before: { state: s.state, version: s.version },
        after: { state: next, version: s.version + 1, ...(review.reason ? { reason: review.reason } : {}), ...(review.comments?.length ? { comments: review.comments } : {}) },
      });
      const event = { submit: 'submission.submitted', return: 'submission.returned', approve: 'submission.approved', reopen: 'submission.reopened' } as const;
      await writeOutbox(m, event[action], { submissionId: s.id, periodId: s.periodId, unitId: s.unitId, actorId: actor.id });
      return { id: s.id, state: next, version: s.version + 1 };
    }
  }

  private async validateForSubmission(m: EntityManager, s: Submission): Promise<ErrorDetail[]> {
    const form = await this.forms.unitForm(s.formTemplateId, s.unitId, s.periodId);
    const rows = await m.find(SubmissionValue, { where: { submissionId: s.id } });
    const cells = new Map<string, CellValue>(
      rows.map((r) => [
        r.indicatorCode,
        {
          numeric: r.numericValue === null ? null : dec(r.numericValue),
          text: r.textValue,
          enteredCumulative: r.cumulativeEntered === null ? null : dec(r.cumulativeEntered),
        },
      ]),
    );
    return checkIndicatorRules(form.indicators, cells, { requireAll: true });
  }
}
