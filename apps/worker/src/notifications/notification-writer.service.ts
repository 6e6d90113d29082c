import type { Audience, Message, ReminderKind } from '@app/domain';
import { DEFAULT_JOB_OPTIONS, EmailJob, jobIds, JOBS, QUEUES } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { WORKER_SETTINGS, WorkerSettings } from '../worker-settings';

/** Only still true when the statement runs: the reminder is about this submission in this round. */
export type ReminderGuard = { submissionId: string; states: string[]; submittedAt: Date | null } | { periodId: string };

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
  /** also record the sent reminder, under the same key, in the same statement */
  reminder?: { kind: ReminderKind; day: string; guard: ReminderGuard };
}

export interface WriteResult {
  /** false: already written by an earlier run, or no longer true (the guard failed) */
  created: boolean;
  notified: number;
  emails: number;
}

const RECIPIENTS = `
  SELECT u.id, u.email FROM users u
   WHERE u.active AND CASE $1::text
     WHEN 'unit_officers' THEN u.role = 'officer' AND u.unit_id = $2::uuid
     WHEN 'reviewers' THEN u.role = 'reviewer'
     WHEN 'lead_reviewers' THEN u.role = 'reviewer'
       AND (u.is_lead OR NOT EXISTS (SELECT 1 FROM users l WHERE l.role = 'reviewer' AND l.is_lead AND l.active))
     WHEN 'signers' THEN u.role = 'signer'
     WHEN 'signers_and_reviewers' THEN u.role IN ('signer', 'reviewer')
     ELSE false END`;

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
    const params: unknown[] = [d.audience, d.unitId, d.kind, d.message.title, d.message.body, d.link, d.periodId, d.submissionId, d.dedupeKey, withEmail];
    let guard = '';
    let reminder = 'r AS (SELECT NULL::uuid AS id)';
    if (d.reminder) {
      params.push(d.reminder.kind, d.reminder.day);
      const g = d.reminder.guard;
      if ('submissionId' in g) {
        params.push(g.states, g.submittedAt);
        guard = `guard AS (SELECT 1 FROM submissions WHERE id = $8::uuid AND state = ANY($13::text[])
                   AND ($14::timestamptz IS NULL OR date_trunc('milliseconds', submitted_at) = $14::timestamptz) FOR SHARE),`;
      } else {
        guard = 'guard AS (SELECT 1 FROM periods WHERE id = $7::uuid),';
      }
      reminder = `r AS (INSERT INTO reminders (dedupe_key, kind, day, period_id, submission_id, recipients)
                   SELECT $9, $11, $12::date, $7::uuid, $8::uuid, (SELECT count(*) FROM rcpt) FROM guard
                   ON CONFLICT (dedupe_key) DO NOTHING RETURNING id)`;
    }
    const [row]: Array<{ created: number; notified: number; deliveries: string[] }> = await this.db.query(
      `WITH rcpt AS (${RECIPIENTS}),
       ${guard}
       ${reminder},
       n AS (INSERT INTO notifications (user_id, kind, title, body, link, period_id, submission_id, reminder_id, dedupe_key)
             SELECT rcpt.id, $3, $4, $5, $6, $7::uuid, $8::uuid, r.id, $9 FROM rcpt CROSS JOIN r
             ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id, user_id),
       d AS (INSERT INTO email_deliveries (notification_id, to_address)
             SELECT n.id, u.email FROM n JOIN users u ON u.id = n.user_id WHERE $10::boolean AND coalesce(u.email, '') <> ''
             RETURNING id)
       SELECT (SELECT count(*) FROM r WHERE r.id IS NOT NULL)::int AS created, (SELECT count(*) FROM n)::int AS notified,
              coalesce((SELECT array_agg(id) FROM d), '{}') AS deliveries`,
      params,
    );
    const created = d.reminder ? row.created > 0 : row.notified > 0;
    let deliveries = row.deliveries;
    if (!created && withEmail) deliveries = await this.pendingDeliveries(d.dedupeKey);
    await this.queueEmails(deliveries);
    return { created, notified: row.notified, emails: deliveries.length };
  }

  async queueEmails(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.emails.addBulk(
      deliveryIds.map((id) => ({ name: JOBS.email, data: { deliveryId: id }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.email(id) } })),
    );
  }

  private async pendingDeliveries(dedupeKey: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT d.id FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.dedupe_key = $1 AND d.status = 'pending'`,
      [dedupeKey],
    );
    return rows.map((r) => r.id);
  }
}
