import { assertValidPeriod, cutoffWindow, periodLabel, periodMonths, periodName, periodOrder, PERIOD_TYPES, PeriodType } from './period';

describe('cutoff windows of Decree 09/2019', () => {
  it.each([
    ['month', 2024, 5, '2024-04-15', '2024-05-14'],
    ['month', 2024, 1, '2023-12-15', '2024-01-14'],
    ['quarter', 2024, 1, '2023-12-15', '2024-03-14'],
    ['quarter', 2024, 3, '2024-06-15', '2024-09-14'],
    ['half_year', 2024, 1, '2023-12-15', '2024-06-14'],
    ['half_year', 2024, 2, '2024-06-15', '2024-12-14'],
    ['quarter', 2024, 2, '2024-03-15', '2024-06-14'],
    ['quarter', 2024, 4, '2024-09-15', '2024-12-14'],
    ['nine_months', 2024, 1, '2023-12-15', '2024-09-14'],
    ['year', 2024, 1, '2023-12-15', '2024-12-14'],
    ['month', 2025, 3, '2025-02-15', '2025-03-14'],
  ] as const)('%s %i/%i runs %s → %s', (type, year, n, from, to) => {
    expect(cutoffWindow(type, year, n)).toEqual({ from, to });
  });

  it('refuses a 13th month', () => {
    expect(() => cutoffWindow('month', 2024, 13)).toThrow(expect.objectContaining({ code: 'PERIOD_INVALID' }));
  });

  it.each([
    ['quarter', 5],
    ['half_year', 3],
    ['nine_months', 2],
    ['year', 2],
    ['month', 0],
  ] as const)('refuses %s number %i', (type, n) => {
    expect(() => cutoffWindow(type, 2024, n)).toThrow(expect.objectContaining({ code: 'PERIOD_INVALID', details: [expect.objectContaining({ field: 'number' })] }));
  });

  it('refuses an unknown type', () => {
    expect(() => assertValidPeriod('week' as PeriodType, 2024, 1)).toThrow(expect.objectContaining({ code: 'PERIOD_INVALID' }));
  });

  it('names periods in Vietnamese', () => {
    expect(periodLabel('month', 2024, 5)).toBe('tháng 5 năm 2024');
    expect(periodLabel('quarter', 2024, 2)).toBe('quý II năm 2024');
    expect(periodLabel('half_year', 2024, 1)).toBe('6 tháng đầu năm 2024');
    expect(periodLabel('half_year', 2024, 2)).toBe('6 tháng cuối năm 2024');
    expect(periodLabel('nine_months', 2024, 1)).toBe('9 tháng năm 2024');
    expect(periodLabel('year', 2024, 1)).toBe('năm 2024');
    expect(periodName('month', 2024, 5)).toBe('Tháng 5/2024');
    expect(periodName('quarter', 2024, 2)).toBe('Quý II/2024');
    expect(periodName('half_year', 2024, 1)).toBe('6 tháng đầu năm 2024');
    expect(periodName('year', 2024, 1)).toBe('Năm 2024');
  });
});

describe('the months of a period', () => {
  it.each([
    ['month', 5, 5, 5],
    ['quarter', 1, 1, 3],
    ['quarter', 4, 10, 12],
    ['half_year', 1, 1, 6],
    ['half_year', 2, 7, 12],
    ['nine_months', 1, 1, 9],
    ['year', 1, 1, 12],
  ] as const)('%s %i covers months %i–%i', (type, n, first, last) => {
    expect(periodMonths(type, n)).toEqual({ first, last });
  });

  it('orders a year as it runs: June, then the second quarter, then the half-year', () => {
    const all = PERIOD_TYPES.flatMap((t) => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((n) => n <= { month: 12, quarter: 4, half_year: 2, nine_months: 1, year: 1 }[t]).map((n) => [t, n] as const));
    const names = all.sort((a, b) => periodOrder(a[0], a[1]) - periodOrder(b[0], b[1])).map(([t, n]) => periodName(t, 2024, n));
    expect(names.slice(5, 10)).toEqual(['Tháng 5/2024', 'Tháng 6/2024', 'Quý II/2024', '6 tháng đầu năm 2024', 'Tháng 7/2024']);
    expect(names.slice(2, 4)).toEqual(['Tháng 3/2024', 'Quý I/2024']);
    expect(names.slice(-4)).toEqual(['Tháng 12/2024', 'Quý IV/2024', '6 tháng cuối năm 2024', 'Năm 2024']);
  });
});
