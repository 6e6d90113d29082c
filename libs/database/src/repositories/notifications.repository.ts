import type { Audience, ReminderKind } from '@app/domain';
import type { Queryable } from './queryable';

/** Whose inbox: every inbox statement takes it, so reading another user's messages does not compile. */
export interface InboxOwner {
  userId: string;
}

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  periodId: string | null;
  submissionId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** The owner's messages, newest first; `before` pages on the creation time. */
export async function findInbox(
  db: Queryable,
  owner: InboxOwner,
  page: { limit: number; unreadOnly: boolean; before?: string },
): Promise<InboxItem[]> {
  const params: unknown[] = [owner.userId, page.limit];
  const filters: string[] = [];
  if (page.unreadOnly) filters.push('read_at IS NULL');
  if (page.before) {
    params.push(page.before);
    filters.push(`created_at < $${params.length}::timestamptz`);
  }
  return db.query(
    `SELECT id, kind, title, body, link, period_id AS "periodId", submission_id AS "submissionId", created_at AS "createdAt", read_at AS "readAt"
       FROM notifications WHERE user_id = $1 ${filters.map((f) => `AND ${f}`).join(' ')}
      ORDER BY created_at DESC, id DESC LIMIT $2`,
    params,
  );
}

export async function countUnreadNotifications(db: Queryable, owner: InboxOwner): Promise<number> {
  const [{ unread }]: Array<{ unread: number }> = await db.query(
    `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
    [owner.userId],
  );
  return unread;
}

/** Marks one of the owner's messages read, keeping the first time; null when the owner has no such message. */
export async function markNotificationRead(db: Queryable, owner: InboxOwner, id: string): Promise<{ id: string; readAt: Date } | null> {
  const rows: Array<{ id: string; readAt: Date }> = await db.query(
    `WITH u AS (UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id, read_at)
     SELECT id, read_at AS "readAt" FROM u`,
    [id, owner.userId],
  );
  return rows[0] ?? null;
}

/** How many were unread. */
export async function markAllNotificationsRead(db: Queryable, owner: InboxOwner): Promise<number> {
  const [{ updated }]: Array<{ updated: number }> = await db.query(
    `WITH u AS (UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id) SELECT count(*)::int AS updated FROM u`,
    [owner.userId],
  );
  return updated;
}

/** Only still true when the statement runs: the reminder is about this submission in this round. */
export type ReminderGuard = { submissionId: string; states: string[]; submittedAt: Date | null } | { periodId: string };

/** One message to an audience, and with it, when it is a reminder, the sent-reminder row. */
export interface NotificationInsert {
  audience: Audience;
  /** the unit whose officers are meant (audience 'unit_officers') */
  unitId: string | null;
  kind: string;
  title: string;
  body: string;
  link: string;
  periodId: string | null;
  submissionId: string | null;
  /** one notification per user and key: a re-run adds nothing */
  dedupeKey: string;
  /** also write an e-mail delivery per recipient with an address */
  withEmail: boolean;
  /** a stored file the e-mails carry (report_files.id) */
  attachmentFileId?: string | null;
  reminder?: { kind: ReminderKind; day: string; guard: ReminderGuard };
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
     WHEN 'clerks_and_reviewers' THEN u.role IN ('clerk', 'reviewer')
     WHEN 'everyone' THEN true
     ELSE false END`;

/**
 * Writes the inbox entries of the audience (and their e-mail deliveries) in ONE statement; for a
 * reminder, the sent-reminder row, guarded by a share lock on the submission and a re-check of
 * its state, comes in the same statement, and its unique key makes a second run write nothing.
 * Returns the sent-reminder rows created (0 or 1), the entries written and the new deliveries.
 */
export async function insertNotifications(
  db: Queryable,
  d: NotificationInsert,
): Promise<{ created: number; notified: number; deliveries: string[] }> {
  const params: unknown[] = [d.audience, d.unitId, d.kind, d.title, d.body, d.link, d.periodId, d.submissionId, d.dedupeKey, d.withEmail, d.attachmentFileId ?? null];
  let guard = '';
  let reminder = 'r AS (SELECT NULL::uuid AS id)';
  if (d.reminder) {
    params.push(d.reminder.kind, d.reminder.day);
    const g = d.reminder.guard;
    if ('submissionId' in g) {
      params.push(g.states, g.submittedAt);
      guard = `guard AS (SELECT 1 FROM submissions WHERE id = $8::uuid AND state = ANY($14::text[])
                 AND ($15::timestamptz IS NULL OR date_trunc('milliseconds', submitted_at) = $15::timestamptz) FOR SHARE),`;
    } else {
      guard = 'guard AS (SELECT 1 FROM periods WHERE id = $7::uuid),';
    }
    reminder = `r AS (INSERT INTO reminders (dedupe_key, kind, day, period_id, submission_id, recipients)
                 SELECT $9, $12, $13::date, $7::uuid, $8::uuid, (SELECT count(*) FROM rcpt) FROM guard
                 ON CONFLICT (dedupe_key) DO NOTHING RETURNING id)`;
  }
  const [row]: Array<{ created: number; notified: number; deliveries: string[] }> = await db.query(
    `WITH rcpt AS (${RECIPIENTS}),
     ${guard}
     ${reminder},
     n AS (INSERT INTO notifications (user_id, kind, title, body, link, period_id, submission_id, reminder_id, dedupe_key, attachment_file_id)
           SELECT rcpt.id, $3, $4, $5, $6, $7::uuid, $8::uuid, r.id, $9, $11::uuid FROM rcpt CROSS JOIN r
           ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id, user_id),
     d AS (INSERT INTO email_deliveries (notification_id, to_address)
           SELECT n.id, u.email FROM n JOIN users u ON u.id = n.user_id WHERE $10::boolean AND coalesce(u.email, '') <> ''
           RETURNING id)
     SELECT (SELECT count(*) FROM r WHERE r.id IS NOT NULL)::int AS created, (SELECT count(*) FROM n)::int AS notified,
            coalesce((SELECT array_agg(id) FROM d), '{}') AS deliveries`,
    params,
  );
  return row;
}
