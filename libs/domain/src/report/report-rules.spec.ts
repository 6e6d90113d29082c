import { DomainError } from '../errors';
import { diffLines, formatDocumentNumber, nextReportState, numberLine, placeDateLine } from '.';

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
