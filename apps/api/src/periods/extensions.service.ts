import type { ExtensionView } from '@app/contracts';
import { checkedDeadline, DomainError, formatVnDate, shiftDays, WorkingCalendar } from '@app/domain';
import { writeOutbox } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { writeAudit } from '../audit/audit';
import type { Actor } from '../common/actor';
import { GrantExtensionDto } from './extension.dto';

/** a typo in the year should not silence a unit's reminders for years */
const MAX_EXTENSION_DAYS = 92;

const VIEW = `SELECT e.id, e.period_id AS "periodId", e.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
                     e.deadline::text AS deadline, e.reason, e.granted_by AS "grantedBy", e.created_at AS "createdAt", e.updated_at AS "updatedAt"
                FROM deadline_extensions e JOIN reporting_units u ON u.id = e.unit_id`;

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
    const unitOnly = actor.role === 'officer';
    return this.db.query(`${VIEW} WHERE e.period_id = $1 ${unitOnly ? 'AND e.unit_id = $2' : ''} ORDER BY u.code`, unitOnly ? [periodId, actor.unitId] : [periodId]);
  }

  async grant(actor: Actor, periodId: string, dto: GrantExtensionDto) {
    const reason = dto.reason.trim();
    if (!reason) throw new DomainError('EXTENSION_REASON_REQUIRED', 'Cần ghi rõ lý do gia hạn.');
    return this.db.transaction(async (m) => {
      const period = await this.period(periodId, m.query.bind(m));
      const [submission]: Array<{ id: string }> = await m.query(`SELECT id FROM submissions WHERE period_id = $1 AND unit_id = $2`, [periodId, dto.unitId]);
      if (!submission) throw new DomainError('UNIT_NOT_IN_PERIOD', 'Đơn vị không có báo cáo trong kỳ này.');
      const deadline = checkedDeadline(dto.deadline, period.cutoffTo, this.calendar);
      if (deadline <= period.deadline) {
        throw new DomainError('DEADLINE_INVALID', `Hạn gia hạn phải sau hạn nộp chung của kỳ (${formatVnDate(period.deadline)}).`);
      }
      if (deadline > shiftDays(period.deadline, MAX_EXTENSION_DAYS)) {
        throw new DomainError('DEADLINE_INVALID', `Chỉ gia hạn được tối đa ${MAX_EXTENSION_DAYS} ngày sau hạn nộp chung của kỳ.`);
      }
      const [before]: Array<{ deadline: string; reason: string }> = await m.query(
        `SELECT deadline::text AS deadline, reason FROM deadline_extensions WHERE period_id = $1 AND unit_id = $2 FOR UPDATE`,
        [periodId, dto.unitId],
      );
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO deadline_extensions (period_id, unit_id, deadline, reason, granted_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (period_id, unit_id) DO UPDATE SET deadline = EXCLUDED.deadline, reason = EXCLUDED.reason,
           granted_by = EXCLUDED.granted_by, updated_at = now()
         RETURNING id`,
        [periodId, dto.unitId, deadline, reason, actor.id],
      );
      await writeAudit(m, {
        submissionId: submission.id,
        entityType: 'deadline_extension',
        entityId: row.id,
        action: 'deadline.extended',
        actorId: actor.id,
        before: before ? { deadline: before.deadline, reason: before.reason } : { deadline: period.deadline },
        after: { deadline, reason, requested: dto.deadline },
      });
      await writeOutbox(m, 'deadline.extended', { extensionId: row.id, periodId, unitId: dto.unitId, actorId: actor.id });
      const [view] = await m.query(`${VIEW} WHERE e.id = $1`, [row.id]);
      return view;
    });
  }

  private async period(id: string, query: DataSource['query'] = this.db.query.bind(this.db)) {
    const [p]: Array<{ cutoffTo: string; deadline: string }> = await query(
      `SELECT cutoff_to::text AS "cutoffTo", deadline::text AS deadline FROM periods WHERE id = $1`,
      [id],
    );
    if (!p) throw new DomainError('PERIOD_NOT_FOUND', 'Không tìm thấy kỳ báo cáo.');
    return p;
  }
}
