import {
  completenessTotals,
  digestDueOn,
  digestMessage,
  periodLabel,
  reminderPolicy,
  timeliness,
  WorkingCalendar,
} from '@app/domain';
import { findPeriodCompleteness, findPeriodWithReminderPolicy } from '@app/database';
import { jobIds, RemindJob } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
    this.batcher = new ReminderBatcher(this.db, calendar, {
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
    const period = await findPeriodWithReminderPolicy(this.db, job.periodId);
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
