import { correctionEffect, dateParts, issuerInSentence, nextReportState, replacementNotice, REPORT_ACTIONS, REPORT_STATES, shortVnDate, signatureLines, signingTimeText } from '.';

describe('signed → issued → replaced (Decree 30/2020, Art. 14 and 18)', () => {
  it('issues only a signed report, and replaces only an issued one', () => {
    expect(nextReportState('signed', 'issue')).toBe('issued');
    expect(nextReportState('issued', 'replace')).toBe('replaced');
    expect(nextReportState('signed', 'supersede')).toBe('superseded');
    for (const s of ['drafting', 'awaiting_signature', 'issued', 'superseded', 'replaced'] as const) {
      expect(() => nextReportState(s, 'issue')).toThrow(expect.objectContaining({ code: 'REPORT_NOT_SIGNED' }));
    }
    expect(() => nextReportState('issued', 'supersede')).toThrow(expect.objectContaining({ code: 'REPORT_LOCKED' }));
    expect(() => nextReportState('issued', 'edit')).toThrow(expect.objectContaining({ code: 'REPORT_LOCKED' }));
    expect(() => nextReportState('replaced', 'replace')).toThrow(expect.objectContaining({ code: 'REPORT_LOCKED' }));
  });

  it('every state has a name and no action leads out of superseded or replaced', () => {
    for (const s of ['superseded', 'replaced'] as const) for (const a of REPORT_ACTIONS) expect(() => nextReportState(s, a)).toThrow();
    expect(REPORT_STATES).toHaveLength(6);
  });

  it('a correction withdraws a signed report at once, and an issued one only when its replacement is issued', () => {
    expect(correctionEffect('signed')).toBe('withdraw');
    expect(correctionEffect('issued')).toBe('replace_on_issue');
    for (const s of ['drafting', 'awaiting_signature', 'superseded', 'replaced'] as const) {
      expect(() => correctionEffect(s)).toThrow(expect.objectContaining({ code: 'REPORT_NOT_ISSUED' }));
    }
  });
});

describe('what the records office writes', () => {
  it('the date in its parts, the day and the months 1 and 2 with two digits', () => {
    expect(dateParts('2024-06-04')).toEqual({ day: '04', month: '6', year: '2024' });
    expect(dateParts('2025-01-15')).toEqual({ day: '15', month: '01', year: '2025' });
    expect(shortVnDate('2024-06-04')).toBe('04/6/2024');
    expect(shortVnDate('1999-01-15')).toBe('15/01/1999');
  });

  it('cites the replaced report: number, date, issuer, then why', () => {
    const issuer = issuerInSentence(['ỦY BAN NHÂN DÂN', 'TỈNH LẠNG SƠN']);
    expect(issuer).toBe('Ủy ban nhân dân tỉnh Lạng Sơn');
    expect(replacementNotice({ number: '01', numberSuffix: 'BC-UBND', date: '2024-06-04', reason: 'Đính chính số liệu thu ngân sách.' }, issuer)).toBe(
      'Báo cáo này thay thế Báo cáo số 01/BC-UBND ngày 04/6/2024 của Ủy ban nhân dân tỉnh Lạng Sơn. Lý do: Đính chính số liệu thu ngân sách.',
    );
    expect(() => replacementNotice({ number: '01', numberSuffix: 'BC-UBND', date: '2024-06-04', reason: ' . ' }, issuer)).toThrow(expect.objectContaining({ code: 'CORRECTION_REASON_REQUIRED' }));
  });

  it('prints the signing time as signing tools do, in Vietnam', () => {
    expect(signingTimeText(new Date('2024-06-03T17:05:09Z'))).toBe('04.06.2024 00:05:09 +07:00');
    expect(signatureLines('Dương Xuân Huyền', 'Ủy ban nhân dân tỉnh Lạng Sơn', new Date('2024-06-03T02:15:00Z'))).toEqual([
      'Ký bởi: Dương Xuân Huyền', 'Cơ quan: Ủy ban nhân dân tỉnh Lạng Sơn', 'Thời gian ký: 03.06.2024 09:15:00 +07:00',
    ]);
  });
});
