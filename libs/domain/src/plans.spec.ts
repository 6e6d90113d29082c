import { checkPlanLines, PlanLineInput } from './plans';

const line = (row: number, indicatorCode: string, target: unknown, effectiveFrom: string | null = null, decision: string | null = null): PlanLineInput => ({ row, indicatorCode, target, effectiveFrom, decision });
const planned = new Set(['forest', 'sown']);

describe('checkPlanLines', () => {
  it('reads targets as typed (Vietnamese or plain), a revision with its date and decision', () => {
    const r = checkPlanLines(2024, [line(2, 'forest', '9.010'), line(3, 'sown', 48463.5), line(4, 'forest', '9500,5', '2024-07-01', 'NQ 20')], planned, new Set());
    expect(r.problems).toEqual([]);
    expect(r.lines).toEqual([
      { indicatorCode: 'forest', target: '9010', effectiveFrom: null, decision: null },
      { indicatorCode: 'sown', target: '48463.5', effectiveFrom: null, decision: null },
      { indicatorCode: 'forest', target: '9500.5', effectiveFrom: '2024-07-01', decision: 'NQ 20' },
    ]);
  });

  it('names every bad row and returns no line to write', () => {
    const r = checkPlanLines(
      2024,
      [
        line(2, 'cattle', 1),
        line(3, 'forest', 'nhiều'),
        line(4, 'sown', 1, '2025-02-01', 'QĐ'),
        line(5, 'sown', 1, '2024-01-01', 'QĐ'),
        line(6, 'sown', 1, '2024-03-01'),
        line(7, 'forest', 2),
        line(8, 'forest', 3),
      ],
      planned,
      new Set(),
    );
    expect(r.lines).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.message.split(':')[0]])).toEqual([
      ['PLAN_UNKNOWN_INDICATOR', 'Dòng 2'],
      ['PLAN_BAD_TARGET', 'Dòng 3'],
      ['PLAN_BAD_DATE', 'Dòng 4'],
      ['PLAN_WITHOUT_BASE', 'Dòng 4'],
      ['PLAN_BAD_DATE', 'Dòng 5'],
      ['PLAN_WITHOUT_BASE', 'Dòng 5'],
      ['PLAN_DECISION_REQUIRED', 'Dòng 6'],
      ['PLAN_WITHOUT_BASE', 'Dòng 6'],
      ['PLAN_DUPLICATE_ROW', 'Dòng 7'], // the year target of forest again (row 3, unreadable, was the first)
      ['PLAN_DUPLICATE_ROW', 'Dòng 8'],
    ]);
  });

  it('lets a revision stand on a target entered before or in the same entry', () => {
    expect(checkPlanLines(2024, [line(1, 'sown', 1, '2024-06-01', 'QĐ')], planned, new Set(['sown'])).problems).toEqual([]);
    expect(checkPlanLines(2024, [line(1, 'sown', 1, '2024-06-01', 'QĐ'), line(2, 'sown', 2)], planned, new Set()).problems).toEqual([]);
  });
});
