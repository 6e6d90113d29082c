import { findPeriodCompleteness, findPeriodHeading } from '@app/database';
import { completenessTotals, DomainError, periodLabel, timeliness, vnDate } from '@app/domain';
import { Clock, CLOCK } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { unitScopeOf } from '../common/unit-scope';

/**
 * Tình hình nộp báo cáo of a period: per unit, its state, when it first submitted, whether that
 * was on time against its own (possibly extended) deadline, and the reminders it was sent.
 * Officers see their own unit only; the office, signers and administrators see every unit.
 */
@Injectable()
export class CompletenessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async forPeriod(actor: Actor, periodId: string) {
    const period = await findPeriodHeading(this.db, periodId);
    if (!period) throw new DomainError('PERIOD_NOT_FOUND', 'Không tìm thấy kỳ báo cáo.');
    const today = vnDate(await this.clock.now());
    const rows = await findPeriodCompleteness(this.db, periodId, unitScopeOf(actor));
    const units = rows.map((r) => {
      const t = timeliness({ firstSubmittedAt: r.firstSubmittedAt, deadline: r.deadline, today });
      return {
        unitId: r.unitId,
        unitCode: r.unitCode,
        unitName: r.unitName,
        submissionId: r.submissionId,
        state: r.state,
        submittedAt: r.firstSubmittedAt,
        lastSubmittedAt: r.submittedAt,
        approvedAt: r.approvedAt,
        deadline: r.deadline,
        extended: r.extended,
        extensionReason: r.extensionReason,
        timeliness: t,
        onTime: t === 'on_time' ? true : t === 'late' ? false : null,
        remindersSent: r.remindersSent,
        lastReminderDay: r.lastReminderDay,
      };
    });
    return {
      periodId,
      label: periodLabel(period.type, period.year, period.number),
      deadline: period.deadline,
      today,
      totals: completenessTotals(units),
      units,
    };
  }
}
