import type { AuditRow, SubmissionListItem, ValueView } from '../api/types';
import { boardOrder, matches, timeliness } from './board-model';
import { changesSinceReturn, flagsFor } from './review-model';

const entry = (id: number, action: string, before: object | null, after: object | null): AuditRow => ({
  id, action, before: before as AuditRow['before'], after: after as AuditRow['after'], at: '2024-05-15T08:00:00Z', actorId: null, actorUsername: null,
});

describe('what changed since the last return', () => {
  it('is nothing before the first return', () => {
    expect(changesSinceReturn([entry(1, 'values.updated', null, { values: { a: 1 } }), entry(2, 'state.submit', null, null)]).size).toBe(0);
  });

  it('gives each figure its value when returned and now, skipping figures changed back', () => {
    const audit = [
      entry(1, 'values.updated', { values: {} }, { values: { a: 1000, b: 5, c: 'cũ' } }),
      entry(2, 'state.submit', null, null),
      entry(3, 'state.return', null, { state: 'returned' }),
      entry(4, 'values.updated', { values: { a: 1000, b: 5 } }, { values: { a: 100, b: 6 } }),
      entry(5, 'values.updated', { values: { a: 100, b: 6 } }, { values: { a: 1000.5, b: 5.0 } }),
      entry(6, 'values.updated', { values: {} }, { values: { d: 7 } }),
    ];
    expect(Object.fromEntries(changesSinceReturn(audit))).toEqual({ a: { before: 1000, after: 1000.5 }, d: { before: null, after: 7 } });
  });
});

describe('flags on figures far from last month or last year', () => {
  const v = (value: number | null, lastMonth: number | null, samePeriodChangePct: number | null) =>
    ({ kind: 'number', value, derived: { lastMonth, samePeriodChangePct } }) as unknown as ValueView;

  it('flags ±50% against last month and the same period', () => {
    expect(flagsFor(v(71, 710, null))).toEqual([{ kind: 'lastMonth', pct: -90 }]);
    expect(flagsFor(v(150, 100, 60.2))).toEqual([{ kind: 'lastMonth', pct: 50 }, { kind: 'samePeriod', pct: 60.2 }]);
    expect(flagsFor(v(120, 100, -10))).toEqual([]);
    expect(flagsFor(v(null, 100, null))).toEqual([]);
    expect(flagsFor(v(5, 0, null))).toEqual([]);
  });
});

describe('the period board', () => {
  const s = (unitCode: string, state: SubmissionListItem['state'], submittedAt: string | null) => ({ unitCode, state, submittedAt }) as SubmissionListItem;

  it('calls a submission on the deadline day on time, and counts days late or overdue', () => {
    expect(timeliness(s('A', 'submitted', new Date(2024, 4, 16, 23, 0).toISOString()), '2024-05-16')).toEqual({ kind: 'onTime' });
    expect(timeliness(s('A', 'submitted', new Date(2024, 4, 17, 9, 0).toISOString()), '2024-05-16')).toEqual({ kind: 'late', days: 1 });
    expect(timeliness(s('A', 'draft', null), '2024-05-16', new Date(2024, 4, 16, 12))).toEqual({ kind: 'pending' });
    expect(timeliness(s('A', 'draft', null), '2024-05-16', new Date(2024, 4, 19, 12))).toEqual({ kind: 'overdue', days: 3 });
  });

  it('puts what waits for the office first, and filters late ones', () => {
    const list = [s('B', 'approved', null), s('C', 'draft', null), s('A', 'submitted', null), s('D', 'returned', null)];
    expect(list.sort(boardOrder).map((x) => x.unitCode)).toEqual(['A', 'D', 'C', 'B']);
    expect(matches(s('C', 'draft', null), 'late', '2024-05-16', new Date(2024, 4, 20))).toBe(true);
    expect(matches(s('C', 'draft', null), 'submitted', '2024-05-16')).toBe(false);
  });
});
