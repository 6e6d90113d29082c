import { daysUntil, fmtChange, fmtFigure, fmtNum, fmtPct, formatDate, formatDateTime } from './format';

describe('web formatting', () => {
  it('writes dates as dd/mm/yyyy', () => {
    expect(formatDate('2024-05-16')).toBe('16/05/2024');
    expect(formatDate(null)).toBe('');
    expect(formatDateTime(new Date(2024, 4, 6, 9, 5).toISOString())).toBe('06/05/2024 09:05');
  });

  it('counts calendar days to a deadline, 0 on the day and negative after', () => {
    const now = new Date(2024, 4, 14, 23, 30);
    expect(daysUntil('2024-05-16', now)).toBe(2);
    expect(daysUntil('2024-05-14', now)).toBe(0);
    expect(daysUntil('2024-05-10', now)).toBe(-4);
  });

  it('writes figures the Vietnamese way, rounded only when shown', () => {
    expect(fmtNum(47393)).toBe('47.393');
    expect(fmtNum(710.83)).toBe('710,83');
    expect(fmtNum(null)).toBe('');
    expect(fmtNum('1234.5', 0)).toBe('1.235');
    expect(fmtFigure('5000.000001', null)).toBe('5.000,00');
    expect(fmtFigure(4999.999, 0)).toBe('5.000');
    expect(fmtPct(55.4999)).toBe('55,5%');
    expect(fmtChange(5.24)).toBe('+5,2%');
    expect(fmtChange(-3.06)).toBe('−3,1%');
    expect(fmtChange(0.01)).toBe('0,0%');
  });
});
