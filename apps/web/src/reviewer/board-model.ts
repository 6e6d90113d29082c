import { toEpochDay, vnDate } from '@app/domain';
import type { CompletenessUnit, SubmissionListItem, SubmissionState } from '@app/contracts';

export type Timeliness =
  | { kind: 'onTime' }
  | { kind: 'late'; days: number }
  | { kind: 'pending' }
  | { kind: 'overdue'; days: number }
  | { kind: 'unknown' };

/**
 * On time or late as the server judged it (GET /periods/:id/completeness): against the unit's own
 * deadline (the period's, or its extension), on the server's clock — the demo and the tests play
 * May 2024 on a clock of their own, so the browser's date decides nothing. The days are counted
 * between dates the server gave: the first submission's Vietnamese day, or the server's today.
 */
export function timeliness(c: Pick<CompletenessUnit, 'timeliness' | 'deadline' | 'submittedAt'> | undefined, today: string | undefined): Timeliness {
  if (!c) return { kind: 'unknown' };
  const days = (to: string) => Math.max(1, toEpochDay(to) - toEpochDay(c.deadline));
  switch (c.timeliness) {
    case 'on_time':
      return { kind: 'onTime' };
    case 'late':
      return { kind: 'late', days: c.submittedAt ? days(vnDate(new Date(c.submittedAt))) : 1 };
    case 'overdue':
      return { kind: 'overdue', days: today ? days(today) : 1 };
    default:
      return { kind: 'pending' };
  }
}

/** What the office acts on first: waiting for review, then returned, drafts, approved. */
const ORDER: Record<SubmissionState, number> = { submitted: 0, returned: 1, draft: 2, approved: 3 };

export function boardOrder(a: SubmissionListItem, b: SubmissionListItem): number {
  return ORDER[a.state] - ORDER[b.state] || a.unitCode.localeCompare(b.unitCode);
}

export type BoardFilter = 'all' | SubmissionState | 'late';

export function matches(s: SubmissionListItem, filter: BoardFilter, c?: Pick<CompletenessUnit, 'timeliness'>): boolean {
  if (filter === 'all') return true;
  if (filter === 'late') return c?.timeliness === 'late' || c?.timeliness === 'overdue';
  return s.state === filter;
}
