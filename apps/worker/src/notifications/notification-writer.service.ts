import { findPendingDeliveries, insertNotifications, ReminderGuard } from '@app/database';
import type { Audience, Message, ReminderKind } from '@app/domain';
import { EmailJob, jobIds, JOBS, QUEUES } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { WORKER_SETTINGS, WorkerSettings } from '../worker-settings';

export interface NotificationDraft {
  audience: Audience;
  /** the unit whose officers are meant (audience 'unit_officers') */
  unitId: string | null;
  kind: string;
  message: Message;
  link: string;
  periodId: string | null;
  submissionId: string | null;
  /** one notification per user and key: a re-run adds nothing */
  dedupeKey: string;
  /** a stored file the e-mails carry (the issued PDF) */
  attachmentFileId?: string | null;
  /** also record the sent reminder, under the same key, in the same statement */
  reminder?: { kind: ReminderKind; day: string; guard: ReminderGuard };
}

export interface WriteResult {
  /** false: already written by an earlier run, or no longer true (the guard failed) */
  created: boolean;
  notified: number;
  emails: number;
}

/**
 * Writes the inbox entries (and, with SMTP configured, their e-mail copies) for one message to
 * an audience, in ONE statement: for a reminder, the sent-reminder row, guarded by a share lock
 * on the submission and a re-check of its state, comes in the same statement. Its unique key
 * makes a second run, or a second worker, write nothing. E-mails are queued after the commit;
 * a run that finds its work already done re-queues the e-mails still pending (a crash between
 * the commit and the queueing loses none; the job ids make re-queueing harmless).
 */
@Injectable()
export class NotificationWriter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.notifications) private readonly emails: Queue<EmailJob>,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
  ) {}

  async write(d: NotificationDraft): Promise<WriteResult> {
    const withEmail = this.settings.smtpUrl !== null;
    const row = await insertNotifications(this.db, {
      audience: d.audience, unitId: d.unitId, kind: d.kind, title: d.message.title, body: d.message.body, link: d.link,
      periodId: d.periodId, submissionId: d.submissionId, dedupeKey: d.dedupeKey, withEmail, reminder: d.reminder, attachmentFileId: d.attachmentFileId ?? null,
    });
    const created = d.reminder ? row.created > 0 : row.notified > 0;
    let deliveries = row.deliveries;
    if (!created && withEmail) deliveries = await findPendingDeliveries(this.db, d.dedupeKey);
    await this.queueEmails(deliveries);
    return { created, notified: row.notified, emails: deliveries.length };
  }

  async queueEmails(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.emails.addBulk(
      deliveryIds.map((id) => ({ name: JOBS.email, data: { deliveryId: id }, opts: { jobId: jobIds.email(id) } })),
    );
  }
}
