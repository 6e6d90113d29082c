import type { ExtensionView } from '@app/contracts';
import {
  findExtension,
  findExtensions,
  findPeriodDates,
  findSubmissionIdOfUnit,
  insertAuditEntry,
  lockUnitExtension,
  Queryable,
  upsertExtension,
} from '@app/database';
import { checkedDeadline, DomainError, formatVnDate, shiftDays, WorkingCalendar } from '@app/domain';
import { writeOutbox } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { unitScopeOf } from '../common/unit-scope';
import { GrantExtensionDto } from './extension.dto';
import { onTheWire } from '../common/on-the-wire';

/** a typo in the year should not silence a unit's reminders for years */
const MAX_EXTENSION_DAYS = 92;

/**
 * Gia hạn: one unit, one period, a later deadline and a reason. Granting again replaces the
 * earlier extension. Audited and announced (outbox) in the transaction of the change; reminders
 * and completeness follow the new deadline from then on.
 */
@Injectable()
export class ExtensionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: WorkingCalendar,
  ) {}

  async list(actor: Actor, periodId: string): Promise<ExtensionView[]> {
    await this.period(periodId);
    return (await findExtensions(this.db, periodId, unitScopeOf(actor))).map(onTheWire);
  }

  async grant(actor: Actor, periodId: string, dto: GrantExtensionDto) {
    const reason = dto.reason.trim();
    if (!reason) throw new DomainError('EXTENSION_REASON_REQUIRED', 'Cần ghi rõ lý do gia hạn.');
    return this.db.transaction(async (m) => {
      const period = await this.period(periodId, m);
      const submissionId = await findSubmissionIdOfUnit(m, periodId, dto.unitId);
      if (!submissionId) throw new DomainError('UNIT_NOT_IN_PERIOD', 'Đơn vị không có báo cáo trong kỳ này.');
      const deadline = checkedDeadline(dto.deadline, period.cutoffTo, this.calendar);
      if (deadline <= period.deadline) {
        throw new DomainError('DEADLINE_INVALID', `Hạn gia hạn phải sau hạn nộp chung của kỳ (${formatVnDate(period.deadline)}).`);
      }
      if (deadline > shiftDays(period.deadline, MAX_EXTENSION_DAYS)) {
        throw new DomainError('DEADLINE_INVALID', `Chỉ gia hạn được tối đa ${MAX_EXTENSION_DAYS} ngày sau hạn nộp chung của kỳ.`);
      }
      const before = await lockUnitExtension(m, periodId, dto.unitId);
      const id = await upsertExtension(m, { periodId, unitId: dto.unitId, deadline, reason, grantedBy: actor.id });
      await insertAuditEntry(m, {
        submissionId,
        entityType: 'deadline_extension',
        entityId: id,
        action: 'deadline.extended',
        actorId: actor.id,
        before: before ? { deadline: before.deadline, reason: before.reason } : { deadline: period.deadline },
        after: { deadline, reason, requested: dto.deadline },
      });
      await writeOutbox(m, 'deadline.extended', { extensionId: id, periodId, unitId: dto.unitId, actorId: actor.id });
      return findExtension(m, id);
    });
  }

  private async period(id: string, db: Queryable = this.db) {
    const p = await findPeriodDates(db, id);
    if (!p) throw new DomainError('PERIOD_NOT_FOUND', 'Không tìm thấy kỳ báo cáo.');
    return p;
  }
}
