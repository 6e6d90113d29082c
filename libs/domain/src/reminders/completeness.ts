import { vnDate } from '../calendar/vn-time';
import type { IsoDate } from '../period';

/**
 * Đúng hạn / trễ hạn / chưa đến hạn / quá hạn: judged on the unit's first submission, in
 * Vietnamese time, against its own deadline (the period's, or its extension). A submission
 * returned and sent again after the deadline was still sent on time the first time.
 */
export type Timeliness = 'on_time' | 'late' | 'pending' | 'overdue';

export function timeliness(input: { firstSubmittedAt: Date | null; deadline: IsoDate; today: IsoDate }): Timeliness {
  if (input.firstSubmittedAt) return vnDate(input.firstSubmittedAt) <= input.deadline ? 'on_time' : 'late';
  return input.today > input.deadline ? 'overdue' : 'pending';
}

export interface CompletenessTotals {
  units: number;
  submitted: number;
  approved: number;
  onTime: number;
  late: number;
  pending: number;
  overdue: number;
  remindersSent: number;
}

export function completenessTotals(rows: ReadonlyArray<{ state: string; timeliness: Timeliness; remindersSent: number }>): CompletenessTotals {
  const count = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length;
  return {
    units: rows.length,
    submitted: count((r) => r.state === 'submitted' || r.state === 'approved'),
    approved: count((r) => r.state === 'approved'),
    onTime: count((r) => r.timeliness === 'on_time'),
    late: count((r) => r.timeliness === 'late'),
    pending: count((r) => r.timeliness === 'pending'),
    overdue: count((r) => r.timeliness === 'overdue'),
    remindersSent: rows.reduce((n, r) => n + r.remindersSent, 0),
  };
}
