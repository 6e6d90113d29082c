import type { SubmissionListItem, SubmissionState } from '../api/types';
import { deadlineEnd } from '../shared/format';

export type Timeliness =
  | { kind: 'onTime' }
  | { kind: 'late'; days: number }
  | { kind: 'pending' }
  | { kind: 'overdue'; days: number };

const DAY = 86_400_000;

/**
 * On time or late against the period's deadline (the end of that day): a submission made any time
 * on the deadline day is on time. Not submitted yet: pending until the deadline, then overdue.
 * (Per-unit extensions come with the reminders feature and will replace the period's deadline here.)
 */
export function timeliness(s: Pick<SubmissionListItem, 'submittedAt'>, deadline: string, now: Date = new Date()): Timeliness {
  const end = deadlineEnd(deadline).getTime();
  if (s.submittedAt) {
    const at = new Date(s.submittedAt).getTime();
    return at <= end ? { kind: 'onTime' } : { kind: 'late', days: Math.ceil((at - end) / DAY) };
  }
  return now.getTime() <= end ? { kind: 'pending' } : { kind: 'overdue', days: Math.ceil((now.getTime() - end) / DAY) };
}

/** What the office acts on first: waiting for review, then returned, drafts, approved. */
const ORDER: Record<SubmissionState, number> = { submitted: 0, returned: 1, draft: 2, approved: 3 };

export function boardOrder(a: SubmissionListItem, b: SubmissionListItem): number {
  return ORDER[a.state] - ORDER[b.state] || a.unitCode.localeCompare(b.unitCode);
}

export type BoardFilter = 'all' | SubmissionState | 'late';

export function matches(s: SubmissionListItem, filter: BoardFilter, deadline: string, now?: Date): boolean {
  if (filter === 'all') return true;
  if (filter === 'late') {
    const k = timeliness(s, deadline, now).kind;
    return k === 'late' || k === 'overdue';
  }
  return s.state === filter;
}
