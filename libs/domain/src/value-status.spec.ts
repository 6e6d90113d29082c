import { canRevise, combinedStatus, isValueStatus, revisionNote, STATUS_WORD } from './value-status';

describe('the status of a figure (ước / sơ bộ / chính thức)', () => {
  it('names each status as the reports do', () => {
    expect(STATUS_WORD).toEqual({ estimate: 'ước', preliminary: 'sơ bộ', official: 'chính thức' });
    expect(['estimate', 'official', 'final', null, 3].map(isValueStatus)).toEqual([true, true, false, false, false]);
  });

  it('a figure of several months is as weak as its weakest month; an unstated month is an estimate', () => {
    // six months, five official and June estimated: the six months are an estimate
    expect(combinedStatus(['official', 'official', 'official', 'official', 'official', 'estimate'])).toBe('estimate');
    // June turned official: all six are
    expect(combinedStatus(['official', 'official', 'official', 'official', 'official', 'official'])).toBe('official');
    expect(combinedStatus(['official', 'preliminary', 'official'])).toBe('preliminary');
    expect(combinedStatus(['official', null])).toBe('estimate');
    expect(combinedStatus([])).toBeNull();
  });

  it('a later version only moves toward the official figure', () => {
    expect(canRevise('estimate', 'official')).toBe(true);
    expect(canRevise(null, 'preliminary')).toBe(true);
    expect(canRevise('preliminary', 'official')).toBe(true);
    expect(canRevise('official', 'official')).toBe(false);
    expect(canRevise('official', 'estimate')).toBe(false);
    expect(canRevise('preliminary', 'preliminary')).toBe(false);
  });

  it('writes the footnote of revised months, grouped by status, in month order', () => {
    expect(revisionNote([])).toBeNull();
    expect(revisionNote([{ year: 2024, month: 6, status: 'official', previousValue: '640.5', previousStatus: 'estimate' }])).toBe(
      'Số liệu tháng 6/2024 là số liệu chính thức (thay số ước đã báo cáo).',
    );
    expect(
      revisionNote([
        { year: 2024, month: 6, status: 'official', previousValue: '1', previousStatus: 'preliminary' },
        { year: 2024, month: 5, status: 'official', previousValue: '1', previousStatus: 'preliminary' },
        { year: 2024, month: 4, status: 'preliminary', previousValue: '1', previousStatus: null },
      ]),
    ).toBe('Số liệu tháng 5, 6/2024 là số liệu chính thức (thay số sơ bộ đã báo cáo); số liệu tháng 4/2024 là số liệu sơ bộ (thay số ước đã báo cáo).');
    expect(
      revisionNote([
        { year: 2024, month: 12, status: 'official', previousValue: '1', previousStatus: 'estimate' },
        { year: 2025, month: 1, status: 'official', previousValue: '1', previousStatus: 'estimate' },
      ]),
    ).toBe('Số liệu tháng 12/2024, 1/2025 là số liệu chính thức (thay số ước đã báo cáo).');
  });
});
