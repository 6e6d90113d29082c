/**
 * Chính sách nhắc hạn: per form, as data (the form file's "reminders"). Every number counts
 * working days of the calendar.
 */
export interface ReminderPolicy {
  /** working days before the deadline on which the unit's officers are reminded (e.g. [3, 1]) */
  beforeDeadline: number[];
  /** remind on the deadline day itself */
  onDeadline: boolean;
  /** after the deadline, every N working days until the unit submits; null: no overdue reminders */
  overdueEvery: number | null;
  /** Vietnamese time ('HH:MM') from which a day's reminders go out */
  sendFrom: string;
  /** a submission waiting for review N working days reminds the reviewers; M more days, the lead reviewers */
  review: { remindAfter: number; escalateAfter: number } | null;
  /** a daily completeness digest to signers and reviewers, from the first reminder day until N working days after the deadline */
  digest: { untilWorkingDaysAfterDeadline: number } | null;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  beforeDeadline: [3, 1],
  onDeadline: true,
  overdueEvery: 1,
  sendFrom: '08:00',
  review: { remindAfter: 2, escalateAfter: 2 },
  digest: { untilWorkingDaysAfterDeadline: 10 },
};

const KEYS = Object.keys(DEFAULT_REMINDER_POLICY) as Array<keyof ReminderPolicy>;

function days(value: unknown, what: string, min = 1): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > 60) {
    throw new Error(`Chính sách nhắc hạn không hợp lệ: ${what} phải là số nguyên từ ${min} đến 60.`);
  }
  return value as number;
}

/**
 * The policy of a form from its data: absent fields take the defaults, anything malformed stops
 * the caller (the seed, the worker) with a message that names the field.
 */
export function reminderPolicy(raw: unknown): ReminderPolicy {
  if (raw === null || raw === undefined) return DEFAULT_REMINDER_POLICY;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error('Chính sách nhắc hạn không hợp lệ: phải là một đối tượng JSON.');
  const given = raw as Partial<Record<keyof ReminderPolicy, unknown>>;
  const unknown = Object.keys(given).filter((k) => !KEYS.includes(k as keyof ReminderPolicy));
  if (unknown.length > 0) throw new Error(`Chính sách nhắc hạn không hợp lệ: không có trường ${unknown.join(', ')}.`);
  const p = { ...DEFAULT_REMINDER_POLICY, ...given } as Record<keyof ReminderPolicy, unknown>;

  if (!Array.isArray(p.beforeDeadline)) throw new Error('Chính sách nhắc hạn không hợp lệ: beforeDeadline phải là một danh sách.');
  const before = [...new Set(p.beforeDeadline.map((d) => days(d, 'beforeDeadline')))].sort((a, b) => b - a);
  if (typeof p.onDeadline !== 'boolean') throw new Error('Chính sách nhắc hạn không hợp lệ: onDeadline phải là true hoặc false.');
  const overdueEvery = p.overdueEvery === null ? null : days(p.overdueEvery, 'overdueEvery');
  if (typeof p.sendFrom !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(p.sendFrom)) {
    throw new Error('Chính sách nhắc hạn không hợp lệ: sendFrom phải có dạng HH:MM.');
  }
  const review = p.review as ReminderPolicy['review'] | undefined;
  const digest = p.digest as ReminderPolicy['digest'] | undefined;
  return {
    beforeDeadline: before,
    onDeadline: p.onDeadline,
    overdueEvery,
    sendFrom: p.sendFrom,
    review: review === null ? null : { remindAfter: days(review?.remindAfter, 'review.remindAfter'), escalateAfter: days(review?.escalateAfter, 'review.escalateAfter') },
    digest: digest === null ? null : { untilWorkingDaysAfterDeadline: days(digest?.untilWorkingDaysAfterDeadline, 'digest.untilWorkingDaysAfterDeadline', 0) },
  };
}
