import { WorkingCalendar } from '../calendar/working-calendar';
import { vnDate, vnTimeOfDay } from '../calendar/vn-time';
import type { IsoDate } from '../period';
import type { SubmissionState } from '../workflow';
import type { ReminderPolicy } from './policy';

export const REMINDER_KINDS = ['before_deadline', 'on_deadline', 'overdue', 'review_pending', 'review_escalated', 'digest'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Who receives a kind of reminder. */
/** who a message goes to; `everyone`: every active user (an issued report, distributed to "Nơi nhận") */
export type Audience = 'unit_officers' | 'reviewers' | 'lead_reviewers' | 'signers' | 'signers_and_reviewers' | 'clerks_and_reviewers' | 'everyone';
export const AUDIENCE: Record<ReminderKind, Audience> = {
  before_deadline: 'unit_officers',
  on_deadline: 'unit_officers',
  overdue: 'unit_officers',
  review_pending: 'reviewers',
  review_escalated: 'lead_reviewers',
  digest: 'signers_and_reviewers',
};

export interface DueReminder {
  kind: ReminderKind;
  /** the Vietnamese date the reminder is for: with the kind and the subject, its identity */
  day: IsoDate;
  workingDaysLeft?: number;
  overdueWorkingDays?: number;
  waitingWorkingDays?: number;
}

/** What the policy needs to know about one unit's submission. */
export interface SubmissionForReminders {
  state: SubmissionState;
  /** the unit's own deadline: the period's, or the extension granted to the unit */
  deadline: IsoDate;
  /** the latest submission (review waiting counts from it) */
  submittedAt: Date | null;
}

/** The identity of a reminder: the unique key of its record and its job id (BullMQ ids have no ':'). */
export function reminderKey(kind: ReminderKind, subjectId: string, day: IsoDate): string {
  return `${kind}.${subjectId}.${day}`;
}

/**
 * The reminders the policy schedules for one submission on one day. Reminders go out on working
 * days only, and each is tied to its day: a day the scanner missed is not sent late.
 */
export function remindersForDay(day: IsoDate, s: SubmissionForReminders, policy: ReminderPolicy, calendar: WorkingCalendar): DueReminder[] {
  if (!calendar.isWorkingDay(day)) return [];
  const out: DueReminder[] = [];
  if (s.state === 'draft' || s.state === 'returned') {
    const left = calendar.workingDaysBetween(day, s.deadline);
    if (left > 0 && policy.beforeDeadline.includes(left)) out.push({ kind: 'before_deadline', day, workingDaysLeft: left });
    if (day === s.deadline && policy.onDeadline) out.push({ kind: 'on_deadline', day });
    if (day > s.deadline && policy.overdueEvery !== null) {
      const late = calendar.workingDaysBetween(s.deadline, day);
      if (late >= 1 && (late - 1) % policy.overdueEvery === 0) out.push({ kind: 'overdue', day, overdueWorkingDays: late });
    }
  }
  if (s.state === 'submitted' && s.submittedAt && policy.review) {
    const waiting = calendar.workingDaysBetween(vnDate(s.submittedAt), day);
    const { remindAfter, escalateAfter } = policy.review;
    if (waiting === remindAfter) out.push({ kind: 'review_pending', day, waitingWorkingDays: waiting });
    if (waiting === remindAfter + escalateAfter) out.push({ kind: 'review_escalated', day, waitingWorkingDays: waiting });
  }
  return out;
}

/**
 * The reminders due now for one submission: those of today (Vietnamese date), once the day's
 * sending time has come, minus those already sent.
 */
export function dueReminders(input: {
  now: Date;
  submission: SubmissionForReminders;
  policy: ReminderPolicy;
  calendar: WorkingCalendar;
  alreadySent: ReadonlyArray<{ kind: ReminderKind; day: IsoDate }>;
}): DueReminder[] {
  if (vnTimeOfDay(input.now) < input.policy.sendFrom) return [];
  const today = vnDate(input.now);
  const sent = new Set(input.alreadySent.map((r) => `${r.kind}@${r.day}`));
  return remindersForDay(today, input.submission, input.policy, input.calendar).filter((r) => !sent.has(`${r.kind}@${r.day}`));
}

/**
 * Whether the period's completeness digest goes out on `day`: working days from the first reminder
 * day to N working days after the deadline, while some submission is not yet approved.
 */
export function digestDueOn(day: IsoDate, period: { deadline: IsoDate; notApproved: number }, policy: ReminderPolicy, calendar: WorkingCalendar): boolean {
  if (!policy.digest || period.notApproved === 0 || !calendar.isWorkingDay(day)) return false;
  const first = calendar.addWorkingDays(period.deadline, -(policy.beforeDeadline[0] ?? 0));
  const last = calendar.addWorkingDays(period.deadline, policy.digest.untilWorkingDaysAfterDeadline);
  return day >= first && day <= last;
}

/** The same gate as `dueReminders`, for the digest. */
export function digestDue(now: Date, period: { deadline: IsoDate; notApproved: number }, policy: ReminderPolicy, calendar: WorkingCalendar): IsoDate | null {
  if (vnTimeOfDay(now) < policy.sendFrom) return null;
  const today = vnDate(now);
  return digestDueOn(today, period, policy, calendar) ? today : null;
}
