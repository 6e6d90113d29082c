import type { IsoDate, ReminderKind } from '@app/domain';
import type { DataSource } from 'typeorm';
import { poolOf } from '../driver-pool';
import type { Queryable } from './queryable';
import type { SubmissionFactsRow } from './submissions.repository';
import { PENDING_EMAILS_SQL, REMINDER_FACTS_SQL, REMINDER_WRITE_SQL } from './reminder-batch.sql';

/** A submission as its reminders need it, reloaded when the job runs: the event messages' facts and the form's policy. */
export interface ReminderFactsRow extends SubmissionFactsRow {
  reminder_policy: unknown;
}

/** The reminders of one batch, as columns (one entry per reminder, in the same order in each). */
export interface ReminderWriteColumns {
  key: string[];
  kind: string[];
  day: string[];
  period: string[];
  submission: string[];
  audience: string[];
  unit: string[];
  title: string[];
  body: string[];
  link: string[];
  /** the states, comma-separated, the submission must still be in */
  states: string[];
  /** for review reminders: the submission round it was planned on */
  submittedAt: Array<Date | null>;
}

export interface ReminderWriteResult {
  guarded: string[];
  created: string[];
  deliveries: string[];
}

// The batch statements are named (prepared) statements on the driver's pool: the reminder batch is
// a hot path (bench/reminders), each is parsed once per connection.

export async function findReminderFacts(db: DataSource, submissionIds: string[]): Promise<ReminderFactsRow[]> {
  return (await poolOf(db).query<ReminderFactsRow>({ name: 'reminder-facts', text: REMINDER_FACTS_SQL, values: [submissionIds] })).rows;
}

/** Writes the batch in one statement and one commit of its own (see REMINDER_WRITE_SQL). */
export async function writeReminderBatch(db: DataSource, cols: ReminderWriteColumns, withEmail: boolean): Promise<ReminderWriteResult> {
  const { rows: [written] } = await poolOf(db).query<ReminderWriteResult>({
    name: 'reminder-write',
    text: REMINDER_WRITE_SQL,
    values: [cols.key, cols.kind, cols.day, cols.period, cols.submission, cols.audience, cols.unit, cols.title, cols.body, cols.link,
      cols.states, cols.submittedAt, withEmail],
  });
  return written;
}

/** E-mail deliveries still pending for reminders written earlier, by reminder key. */
export async function findPendingReminderEmails(db: DataSource, keys: string[]): Promise<string[]> {
  const { rows } = await poolOf(db).query<{ id: string }>({ name: 'reminder-pending-emails', text: PENDING_EMAILS_SQL, values: [keys] });
  return rows.map((r) => r.id);
}

export interface RemindableSubmissionRow {
  id: string;
  period_id: string;
  state: 'draft' | 'returned' | 'submitted';
  submitted_at: Date | null;
  deadline: string;
  policy: unknown;
}

/**
 * The submissions a scan may owe a reminder: not yet submitted with their own deadline (extension
 * first) within `lookaheadDays` of today, or waiting for review.
 */
export async function findRemindableSubmissions(db: Queryable, today: IsoDate, lookaheadDays: number): Promise<RemindableSubmissionRow[]> {
  return db.query(
    `SELECT s.id, s.period_id, s.state, s.submitted_at, coalesce(e.deadline, p.deadline)::text AS deadline, ft.reminder_policy AS policy
       FROM submissions s
       JOIN periods p ON p.id = s.period_id
       JOIN form_templates ft ON ft.id = p.form_template_id
       LEFT JOIN deadline_extensions e ON e.period_id = s.period_id AND e.unit_id = s.unit_id
      WHERE (s.state IN ('draft', 'returned') AND coalesce(e.deadline, p.deadline) <= $1::date + $2::int)
         OR s.state = 'submitted'`,
    [today, lookaheadDays],
  );
}

export interface DigestCandidateRow {
  id: string;
  deadline: string;
  policy: unknown;
  not_approved: number;
}

/** Periods whose deadline is near today (120 days back, `lookaheadDays` ahead) with units not yet approved. */
export async function findDigestCandidatePeriods(db: Queryable, today: IsoDate, lookaheadDays: number): Promise<DigestCandidateRow[]> {
  return db.query(
    `SELECT p.id, p.deadline::text AS deadline, ft.reminder_policy AS policy, count(*)::int AS not_approved
       FROM periods p JOIN form_templates ft ON ft.id = p.form_template_id JOIN submissions s ON s.period_id = p.id
      WHERE s.state <> 'approved' AND p.deadline >= $1::date - 120 AND p.deadline <= $1::date + $2::int
      GROUP BY p.id, ft.reminder_policy`,
    [today, lookaheadDays],
  );
}

/** The reminders recorded for a day, by subject (the submission, or the period for a digest). */
export async function findRemindersSentOn(db: Queryable, day: IsoDate): Promise<Array<{ subject: string; kind: ReminderKind }>> {
  return db.query(`SELECT coalesce(submission_id, period_id) AS subject, kind FROM reminders WHERE day = $1::date`, [day]);
}
