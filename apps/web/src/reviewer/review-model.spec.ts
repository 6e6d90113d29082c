import type { AuditRow, CompletenessUnit, SubmissionListItem, ValueView } from '@app/contracts';
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
      entry(1, 'values.updated', { values: {} }, { values: { a: '1000', b: '5', c: 'cũ' } }),
      entry(2, 'state.submit', null, null),
      entry(3, 'state.return', null, { state: 'returned' }),
      entry(4, 'values.updated', { values: { a: '1000', b: '5' } }, { values: { a: '100', b: '6' } }),
      entry(5, 'values.updated', { values: { a: '100', b: '6' } }, { values: { a: '123456789012345.123456', b: '5' } }),
      entry(6, 'values.updated', { values: {} }, { values: { d: '7' } }),
    ];
    expect(Object.fromEntries(changesSinceReturn(audit))).toEqual({ a: { before: '1000', after: '123456789012345.123456' }, d: { before: null, after: '7' } });
  });
});

describe('flags on figures far from last month or last year', () => {
  const v = (value: string | null, lastMonth: string | null, samePeriodChangePct: string | null) =>
    ({ kind: 'number', value, derived: { lastMonth, samePeriodChangePct } }) as unknown as ValueView;

  it('flags ±50% against last month and the same period', () => {
    expect(flagsFor(v('71', '710', null))).toEqual([{ kind: 'lastMonth', pct: '-90' }]);
    expect(flagsFor(v('150', '100', '60.2'))).toEqual([{ kind: 'lastMonth', pct: '50' }, { kind: 'samePeriod', pct: '60.2' }]);
    expect(flagsFor(v('120', '100', '-10'))).toEqual([]);
    expect(flagsFor(v(null, '100', null))).toEqual([]);
    expect(flagsFor(v('5', '0', null))).toEqual([]);
    // figures beyond a double's digits are compared exactly
    expect(flagsFor(v('123456789012345.123456', '123456789012345.123455', null))).toEqual([]);
  });
});

describe('the period board', () => {
  const s = (unitCode: string, state: SubmissionListItem['state'], submittedAt: string | null) => ({ unitCode, state, submittedAt }) as SubmissionListItem;
  const c = (timeliness: CompletenessUnit['timeliness'], submittedAt: string | null, deadline = '2024-05-16') => ({ timeliness, submittedAt, deadline });

  it('shows the server’s verdict, counting days between the dates it gave (Vietnamese days), not the browser’s clock', () => {
    expect(timeliness(c('on_time', '2024-05-16T16:30:00Z'), '2026-11-28')).toEqual({ kind: 'onTime' });
    // 17/5 00:30 in Vietnam is the day after the deadline
    expect(timeliness(c('late', '2024-05-16T17:30:00Z'), '2026-11-28')).toEqual({ kind: 'late', days: 1 });
    expect(timeliness(c('late', '2024-05-20T02:00:00Z'), '2024-05-20')).toEqual({ kind: 'late', days: 4 });
    expect(timeliness(c('pending', null), '2024-05-15')).toEqual({ kind: 'pending' });
    expect(timeliness(c('overdue', null), '2024-05-19')).toEqual({ kind: 'overdue', days: 3 });
    // an extended deadline is the unit's own
    expect(timeliness(c('overdue', null, '2024-05-22'), '2024-05-23')).toEqual({ kind: 'overdue', days: 1 });
    expect(timeliness(undefined, '2024-05-19')).toEqual({ kind: 'unknown' });
  });

  it('puts what waits for the office first, and filters late ones by the server’s verdict', () => {
    const list = [s('B', 'approved', null), s('C', 'draft', null), s('A', 'submitted', null), s('D', 'returned', null)];
    expect(list.sort(boardOrder).map((x) => x.unitCode)).toEqual(['A', 'D', 'C', 'B']);
    expect(matches(s('C', 'draft', null), 'late', { timeliness: 'overdue' })).toBe(true);
    expect(matches(s('C', 'submitted', null), 'late', { timeliness: 'late' })).toBe(true);
    expect(matches(s('C', 'draft', null), 'late', { timeliness: 'pending' })).toBe(false);
    expect(matches(s('C', 'draft', null), 'late', undefined)).toBe(false);
    expect(matches(s('C', 'draft', null), 'submitted')).toBe(false);
  });
});
