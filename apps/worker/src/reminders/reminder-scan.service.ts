import {
  digestDue,
  dueReminders,
  IsoDate,
  ReminderKind,
  reminderPolicy,
  ReminderPolicy,
  vnDate,
  WorkingCalendar,
} from '@app/domain';
import { applyEnteredCalendarYears, findDigestCandidatePeriods, findRemindableSubmissions, findRemindersSentOn, findStalePendingDeliveries } from '@app/database';
import { Clock, CLOCK, jobIds, JOBS, QUEUES, RemindJob } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { NotificationWriter } from '../notifications/notification-writer.service';

export interface ScanResult {
  day: IsoDate;
  reminders: number;
  digests: number;
  requeuedEmails: number;
}

/** A before-deadline reminder can be at most 60 working days ahead: no more than ~120 calendar days. */
const LOOKAHEAD_DAYS = 120;
const BATCH = 1000;

/**
 * Finds what is due now, from Postgres, and adds one job per reminder with a deterministic id.
 * Safe to run twice or on two workers at once: BullMQ drops a job id it already holds, and the
 * job itself acts once (the sent-reminder row is unique). It also re-queues e-mails left pending.
 */
@Injectable()
export class ReminderScanService {
  private readonly logger = new Logger(ReminderScanService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue<RemindJob>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendar: WorkingCalendar,
    private readonly writer: NotificationWriter,
  ) {}

  async scan(): Promise<ScanResult> {
    const now = await this.clock.now();
    const today = vnDate(now);
    // a calendar year the administrator entered since the last scan moves deadlines and reminders
    await applyEnteredCalendarYears(this.db, this.calendar);
    const sent = await this.sentToday(today);
    const policies = new Map<string, ReminderPolicy>();
    const policyOf = (raw: unknown) => {
      const key = JSON.stringify(raw ?? null);
      let p = policies.get(key);
      if (!p) policies.set(key, (p = reminderPolicy(raw)));
      return p;
    };

    const jobs: RemindJob[] = [];
    const rows = await findRemindableSubmissions(this.db, today, LOOKAHEAD_DAYS);
    for (const s of rows) {
      const due = dueReminders({
        now,
        submission: { state: s.state, deadline: s.deadline, submittedAt: s.submitted_at },
        policy: policyOf(s.policy),
        calendar: this.calendar,
        alreadySent: sent.get(s.id) ?? [],
      });
      for (const r of due) jobs.push({ kind: r.kind, periodId: s.period_id, submissionId: s.id, day: r.day });
    }
    const reminders = jobs.length;

    const periods = await findDigestCandidatePeriods(this.db, today, LOOKAHEAD_DAYS);
    for (const p of periods) {
      const day = digestDue(now, { deadline: p.deadline, notApproved: p.not_approved }, policyOf(p.policy), this.calendar);
      if (day && !(sent.get(p.id) ?? []).some((r) => r.kind === 'digest')) jobs.push({ kind: 'digest', periodId: p.id, submissionId: null, day });
    }

    for (let i = 0; i < jobs.length; i += BATCH) {
      await this.queue.addBulk(
        jobs.slice(i, i + BATCH).map((data) => ({ name: JOBS.remind, data, opts: { jobId: jobIds.remind(data) } })),
      );
    }
    const requeuedEmails = await this.requeueStaleEmails();
    if (jobs.length > 0) this.logger.log(`${today}: ${reminders} nhắc hạn, ${jobs.length - reminders} bản tin tổng hợp đưa vào hàng đợi`);
    return { day: today, reminders, digests: jobs.length - reminders, requeuedEmails };
  }

  /** Already sent today, per subject (submission or period). */
  private async sentToday(day: IsoDate): Promise<Map<string, Array<{ kind: ReminderKind; day: IsoDate }>>> {
    const rows = await findRemindersSentOn(this.db, day);
    const map = new Map<string, Array<{ kind: ReminderKind; day: IsoDate }>>();
    for (const r of rows) {
      const list = map.get(r.subject) ?? [];
      list.push({ kind: r.kind, day });
      map.set(r.subject, list);
    }
    return map;
  }

  /** E-mails whose job was lost (a crash between commit and queueing): their ids make this harmless. */
  private async requeueStaleEmails(): Promise<number> {
    const ids = await findStalePendingDeliveries(this.db);
    await this.writer.queueEmails(ids);
    return ids.length;
  }
}
