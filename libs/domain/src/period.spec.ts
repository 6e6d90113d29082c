import { cutoffWindow, periodLabel } from './period';

describe('cutoff windows of Decree 09/2019', () => {
  it.each([
    ['month', 2024, 5, '2024-04-15', '2024-05-14'],
    ['month', 2024, 1, '2023-12-15', '2024-01-14'],
    ['quarter', 2024, 1, '2023-12-15', '2024-03-14'],
    ['quarter', 2024, 3, '2024-06-15', '2024-09-14'],
    ['half_year', 2024, 1, '2023-12-15', '2024-06-14'],
    ['half_year', 2024, 2, '2024-06-15', '2024-12-14'],
    ['year', 2024, 1, '2023-12-15', '2024-12-14'],
  ] as const)('%s %i/%i runs %s → %s', (type, year, n, from, to) => {
    expect(cutoffWindow(type, year, n)).toEqual({ from, to });
  });

  it('refuses a 13th month', () => {
    expect(() => cutoffWindow('month', 2024, 13)).toThrow(expect.objectContaining({ code: 'PERIOD_INVALID' }));
  });

  it('names periods in Vietnamese', () => {
    expect(periodLabel('month', 2024, 5)).toBe('tháng 5 năm 2024');
    expect(periodLabel('quarter', 2024, 2)).toBe('quý II năm 2024');
  });
});
