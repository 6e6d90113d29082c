import data from '../../../../config/calendar/vn-holidays.json';
import { shiftDays } from '../calendar/iso-date';
import { vnInstant } from '../calendar/vn-time';
import { WorkingCalendar } from '../calendar/working-calendar';
import { digestDue, digestDueOn, DueReminder, dueReminders, remindersForDay, SubmissionForReminders } from './due-reminders';
import { DEFAULT_REMINDER_POLICY, reminderPolicy } from './policy';

const calendar = WorkingCalendar.fromData(data);
const policy = DEFAULT_REMINDER_POLICY;
const draft = (deadline: string): SubmissionForReminders => ({ state: 'draft', deadline, submittedAt: null });

/** Every reminder of a submission from `from` to `to`, day by day. */
function schedule(s: SubmissionForReminders, from: string, to: string, p = policy): DueReminder[] {
  const out: DueReminder[] = [];
  for (let d = from; d <= to; d = shiftDays(d, 1)) out.push(...remindersForDay(d, s, p, calendar));
  return out;
}

describe('the reminder policy (pure: now, deadline, state, already sent → due reminders)', () => {
  it('reminds a unit 3 and 1 working days before, on the day, then every working day overdue', () => {
    // deadline Thu 16/5/2024; the weekend 18–19/5 is skipped
    expect(schedule(draft('2024-05-16'), '2024-05-08', '2024-05-21')).toEqual([
      { kind: 'before_deadline', day: '2024-05-13', workingDaysLeft: 3 },
      { kind: 'before_deadline', day: '2024-05-15', workingDaysLeft: 1 },
      { kind: 'on_deadline', day: '2024-05-16' },
      { kind: 'overdue', day: '2024-05-17', overdueWorkingDays: 1 },
      { kind: 'overdue', day: '2024-05-20', overdueWorkingDays: 2 },
      { kind: 'overdue', day: '2024-05-21', overdueWorkingDays: 3 },
    ]);
  });

  it('counts the days before the deadline in working days across the 30/4 break and the make-up Saturday', () => {
    // deadline Mon 6/5/2024: 3 working days before is Thu 2/5 (Fri 3, Sat 4 make-up, Mon 6)
    const days = schedule(draft('2024-05-06'), '2024-04-20', '2024-05-06').map((r) => [r.kind, r.day]);
    expect(days).toEqual([
      ['before_deadline', '2024-05-02'],
      ['before_deadline', '2024-05-04'],
      ['on_deadline', '2024-05-06'],
    ]);
  });

  it('sends nothing on days off, even when overdue', () => {
    expect(remindersForDay('2024-05-18', draft('2024-05-16'), policy, calendar)).toEqual([]);
    expect(remindersForDay('2024-02-12', draft('2024-02-06'), policy, calendar)).toEqual([]);
    expect(remindersForDay('2024-02-15', draft('2024-02-06'), policy, calendar)).toEqual([
      { kind: 'overdue', day: '2024-02-15', overdueWorkingDays: 2 },
    ]);
  });

  it('stops once the unit has submitted, and starts again when the office returns the submission', () => {
    const submitted: SubmissionForReminders = { state: 'submitted', deadline: '2024-05-16', submittedAt: vnInstant('2024-05-16', '15:00') };
    expect(schedule(submitted, '2024-05-16', '2024-05-17')).toEqual([]);
    expect(schedule({ ...submitted, state: 'approved' }, '2024-05-10', '2024-06-10')).toEqual([]);
    expect(remindersForDay('2024-05-17', { ...submitted, state: 'returned' }, policy, calendar)).toEqual([
      { kind: 'overdue', day: '2024-05-17', overdueWorkingDays: 1 },
    ]);
  });

  it('follows an extended deadline', () => {
    const extended = schedule(draft('2024-05-22'), '2024-05-13', '2024-05-23').map((r) => `${r.kind}@${r.day}`);
    expect(extended).toEqual(['before_deadline@2024-05-17', 'before_deadline@2024-05-21', 'on_deadline@2024-05-22', 'overdue@2024-05-23']);
  });

  it('reminds reviewers after 2 working days in review and the lead reviewers 2 working days later', () => {
    const waiting: SubmissionForReminders = { state: 'submitted', deadline: '2024-05-16', submittedAt: vnInstant('2024-05-13', '09:00') };
    expect(schedule(waiting, '2024-05-13', '2024-05-24')).toEqual([
      { kind: 'review_pending', day: '2024-05-15', waitingWorkingDays: 2 },
      { kind: 'review_escalated', day: '2024-05-17', waitingWorkingDays: 4 },
    ]);
  });

  it('follows the form’s own policy', () => {
    const custom = reminderPolicy({ beforeDeadline: [2], onDeadline: false, overdueEvery: 2, review: null });
    const kinds = schedule(draft('2024-05-16'), '2024-05-08', '2024-05-24', custom).map((r) => `${r.kind}@${r.day}`);
    expect(kinds).toEqual(['before_deadline@2024-05-14', 'overdue@2024-05-17', 'overdue@2024-05-21', 'overdue@2024-05-23']);
  });

  it('waits for the sending time of the day and leaves out what was already sent', () => {
    const s = draft('2024-05-16');
    const at = (time: string) => vnInstant('2024-05-13', time);
    expect(dueReminders({ now: at('07:59'), submission: s, policy, calendar, alreadySent: [] })).toEqual([]);
    expect(dueReminders({ now: at('08:00'), submission: s, policy, calendar, alreadySent: [] })).toEqual([
      { kind: 'before_deadline', day: '2024-05-13', workingDaysLeft: 3 },
    ]);
    expect(dueReminders({ now: at('16:00'), submission: s, policy, calendar, alreadySent: [{ kind: 'before_deadline', day: '2024-05-13' }] })).toEqual([]);
    // the same kind on another day is another reminder
    expect(
      dueReminders({ now: vnInstant('2024-05-15', '08:30'), submission: s, policy, calendar, alreadySent: [{ kind: 'before_deadline', day: '2024-05-13' }] }),
    ).toEqual([{ kind: 'before_deadline', day: '2024-05-15', workingDaysLeft: 1 }]);
  });

  it('sends the daily digest from the first reminder day to 10 working days after the deadline, while anything awaits approval', () => {
    const period = { deadline: '2024-05-16', notApproved: 3 };
    expect(digestDueOn('2024-05-10', period, policy, calendar)).toBe(false);
    expect(digestDueOn('2024-05-13', period, policy, calendar)).toBe(true);
    expect(digestDueOn('2024-05-18', period, policy, calendar)).toBe(false);
    expect(digestDueOn('2024-05-30', period, policy, calendar)).toBe(true);
    expect(digestDueOn('2024-05-31', period, policy, calendar)).toBe(false);
    expect(digestDueOn('2024-05-14', { ...period, notApproved: 0 }, policy, calendar)).toBe(false);
    expect(digestDue(vnInstant('2024-05-14', '07:00'), period, policy, calendar)).toBeNull();
    expect(digestDue(vnInstant('2024-05-14', '09:00'), period, policy, calendar)).toBe('2024-05-14');
  });

  it('refuses a malformed policy, naming the field', () => {
    expect(reminderPolicy(null)).toBe(DEFAULT_REMINDER_POLICY);
    expect(reminderPolicy({ beforeDeadline: [1, 3, 3] }).beforeDeadline).toEqual([3, 1]);
    expect(() => reminderPolicy({ beforeDeadline: [0] })).toThrow(/beforeDeadline/);
    expect(() => reminderPolicy({ sendFrom: '8h' })).toThrow(/sendFrom/);
    expect(() => reminderPolicy({ review: { remindAfter: 2 } })).toThrow(/escalateAfter/);
    expect(() => reminderPolicy({ everyHour: true })).toThrow(/everyHour/);
  });
});
