import {
  completenessTotals,
  digestDueOn,
  digestMessage,
  periodLabel,
  PeriodType,
  reminderPolicy,
  timeliness,
  WorkingCalendar,
} from '@app/domain';
import { findPeriodCompleteness } from '@app/database';
import { jobIds, RemindJob } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { NotificationWriter } from '../notifications/notification-writer.service';
import { WORKER_SETTINGS, WorkerSettings } from '../worker-settings';
import { ReminderBatcher, RemindOutcome } from './reminder-batcher';

export type { RemindOutcome };

/**
 * One reminder job: reload the submission, ask the policy whether this reminder is still due on
 * its day (the unit may have submitted, or been given more time, since the scan), then write the
 * sent-reminder row and the inbox entries in a statement that re-checks the state under a lock.
 * Submission reminders go through the batcher (group commit); the period digest is written alone.
 */
@Injectable()
export class ReminderSender {
  private readonly batcher: ReminderBatcher;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly writer: NotificationWriter,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
  ) {
    // the driver's pool directly: named (prepared) statements, planned once per connection
    this.batcher = new ReminderBatcher((this.db.driver as PostgresDriver).master as Pool, calendar, {
      publicUrl: settings.publicUrl,
      withEmail: settings.smtpUrl !== null,
      queueEmails: (ids) => this.writer.queueEmails(ids),
    });
  }

  async remind(job: RemindJob): Promise<RemindOutcome> {
    if (job.kind === 'digest') return this.digest(job);
    if (!job.submissionId) return 'gone';
    return this.batcher.remind(job);
  }

  private async digest(job: RemindJob): Promise<RemindOutcome> {
    const [period]: Array<{ type: PeriodType; year: number; number: number; deadline: string; policy: unknown }> = await this.db.query(
      `SELECT p.type, p.year, p.number, p.deadline::text AS deadline, ft.reminder_policy AS policy
         FROM periods p JOIN form_templates ft ON ft.id = p.form_template_id WHERE p.id = $1`,
      [job.periodId],
    );
    if (!period) return 'gone';
    const rows = await findPeriodCompleteness(this.db, job.periodId, { kind: 'all' });
    const judged = rows.map((r) => ({ ...r, timeliness: timeliness({ firstSubmittedAt: r.firstSubmittedAt, deadline: r.deadline, today: job.day }) }));
    const totals = completenessTotals(judged);
    const policy = reminderPolicy(period.policy);
    if (!digestDueOn(job.day, { deadline: period.deadline, notApproved: totals.units - totals.approved }, policy, this.calendar)) return 'no-longer-due';
    const label = periodLabel(period.type, period.year, period.number);
    const link = `${this.settings.publicUrl}/api/periods/${job.periodId}/completeness`;
    const message = digestMessage({
      periodLabel: label,
      deadline: period.deadline,
      day: job.day,
      totals,
      notSubmitted: judged.filter((r) => r.timeliness === 'pending' || r.timeliness === 'overdue').map((r) => r.unitName),
      link,
    });
    const result = await this.writer.write({
      audience: 'signers_and_reviewers',
      unitId: null,
      kind: 'digest',
      message,
      link,
      periodId: job.periodId,
      submissionId: null,
      dedupeKey: jobIds.remind(job),
      reminder: { kind: 'digest', day: job.day, guard: { periodId: job.periodId } },
    });
    return result.created ? 'sent' : 'already-sent';
  }
}
