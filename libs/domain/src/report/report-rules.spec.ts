import { DomainError } from '../errors';
import { dec } from '../decimal';
import { changePhrase, diffLines, formatDocumentNumber, nextReportState, numberLine, numberText, placeDateLine, planPhrase, ratioPhrase, withSign } from '.';

describe('document number and date (Decree 30/2020)', () => {
  it('pads numbers below 10', () => {
    expect(formatDocumentNumber(5)).toBe('05');
    expect(formatDocumentNumber(57)).toBe('57');
    expect(numberLine('57', 'BC-UBND')).toBe('Số: 57/BC-UBND');
    expect(() => formatDocumentNumber(0)).toThrow(DomainError);
  });
  it('pads days below 10 and the months 1 and 2 only', () => {
    expect(placeDateLine('Lạng Sơn', '2024-06-04')).toBe('Lạng Sơn, ngày 04 tháng 6 năm 2024');
    expect(placeDateLine('Lạng Sơn', '2024-02-15')).toBe('Lạng Sơn, ngày 15 tháng 02 năm 2024');
    expect(placeDateLine('Lạng Sơn', '2024-11-30')).toBe('Lạng Sơn, ngày 30 tháng 11 năm 2024');
  });
});

describe('report workflow', () => {
  it('edits while drafting, signs only what was sent, and freezes what was signed', () => {
    expect(nextReportState('drafting', 'edit')).toBe('drafting');
    expect(nextReportState('drafting', 'send')).toBe('awaiting_signature');
    expect(nextReportState('awaiting_signature', 'return')).toBe('drafting');
    expect(nextReportState('awaiting_signature', 'sign')).toBe('signed');
    expect(nextReportState('signed', 'supersede')).toBe('superseded');
    expect(() => nextReportState('drafting', 'sign')).toThrow(expect.objectContaining({ code: 'REPORT_NOT_EDITABLE' }));
    expect(() => nextReportState('awaiting_signature', 'edit')).toThrow(expect.objectContaining({ code: 'REPORT_NOT_EDITABLE' }));
    expect(() => nextReportState('signed', 'edit')).toThrow(expect.objectContaining({ code: 'REPORT_LOCKED' }));
  });
});

describe('paragraph diff', () => {
  it('shows what was inserted and deleted', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: 'b' },
      { op: 'insert', text: 'x' },
      { op: 'equal', text: 'c' },
      { op: 'insert', text: 'd' },
    ]);
  });
});

describe('phrases of a figure printed once', () => {
  const magnitude = (v: string, d = 1) => numberText(dec(v).abs(), d);
  it('says "tăng", "giảm" or "tương đương" from the printed magnitude and the sign', () => {
    expect(changePhrase(magnitude('-9.0649', 2), true, 'so với cùng kỳ')).toBe('giảm 9,06% so với cùng kỳ');
    expect(changePhrase(magnitude('1.74'), false, null)).toBe('tăng 1,7%');
    expect(changePhrase(magnitude('-0.04'), true, 'so với cùng kỳ')).toBe('tương đương cùng kỳ');
  });
  it('puts the sign back as the value would be printed, never on a zero', () => {
    for (const v of ['97.84', '-5.25', '-0.04', '0', '-1234.56']) expect(withSign(magnitude(v), dec(v))).toBe(numberText(dec(v), 1));
    expect(planPhrase(withSign(magnitude('55.5'), dec('55.5')), 'kế hoạch', true)).toBe('đạt 55,5% kế hoạch');
    expect(ratioPhrase(withSign(magnitude('99.8'), dec('99.8')), false)).toBe('bằng 99,8%');
  });
});
