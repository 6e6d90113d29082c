import { Submission } from '@app/database';
import { DomainError } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';

/** The parts of a submission that never change: cached, so the hot path can scope without a query. */
export interface SubmissionKey {
  id: string;
  unitId: string;
  periodId: string;
  formTemplateId: string;
}

export function notFound(): DomainError {
  return new DomainError('SUBMISSION_NOT_FOUND', 'Không tìm thấy báo cáo của đơn vị.');
}

/**
 * Scoping lives here, below the controllers: an officer sees only their own unit's submissions,
 * and another unit's submission is "not found" rather than "forbidden" — its existence is not leaked.
 */
@Injectable()
export class SubmissionAccess {
  private readonly keys = new Map<string, SubmissionKey>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  static unitScope(actor: Actor): string | null {
    return actor.role === 'officer' ? actor.unitId : null;
  }

  async keyVisibleTo(actor: Actor, id: string): Promise<SubmissionKey> {
    let key = this.keys.get(id);
    if (!key) {
      const row = await this.db.getRepository(Submission).findOne({
        where: { id },
        select: { id: true, unitId: true, periodId: true, formTemplateId: true },
      });
      if (!row) throw notFound();
      key = { id: row.id, unitId: row.unitId, periodId: row.periodId, formTemplateId: row.formTemplateId };
      if (this.keys.size > 50_000) this.keys.clear();
      this.keys.set(id, key);
    }
    const scope = SubmissionAccess.unitScope(actor);
    if (scope !== null && key.unitId !== scope) throw notFound();
    return key;
  }

  async findVisible(actor: Actor, id: string, manager?: EntityManager): Promise<Submission> {
    const scope = SubmissionAccess.unitScope(actor);
    const row = await (manager ?? this.db.manager).findOne(Submission, {
      where: scope === null ? { id } : { id, unitId: scope },
    });
    if (!row) throw notFound();
    return row;
  }

  /** Row-locks the submission for the rest of the transaction. */
  async lockVisible(manager: EntityManager, actor: Actor, id: string): Promise<Submission> {
    const scope = SubmissionAccess.unitScope(actor);
    const row = await manager.findOne(Submission, {
      where: scope === null ? { id } : { id, unitId: scope },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw notFound();
    return row;
  }
}

export function versionConflict(current: number): DomainError {
  return new DomainError(
    'VERSION_CONFLICT',
    'Báo cáo đã được người khác thay đổi. Vui lòng tải lại để xem phiên bản mới nhất.',
    undefined,
    { currentVersion: current },
  );
}
