import { vnInstant } from '../calendar/vn-time';
import { completenessTotals, timeliness } from './completeness';
import { digestMessage, eventMessage, reminderMessage, reportMessage } from './messages';

const ctx = {
  unitName: 'Sở Nông nghiệp và Phát triển nông thôn',
  periodLabel: 'tháng 5 năm 2024',
  deadline: '2024-05-16',
  link: 'https://tonghop.example/api/submissions/abc',
};

describe('notification texts', () => {
  it('name the unit, the period, the deadline and the link, in Vietnamese', () => {
    const m = reminderMessage({ kind: 'before_deadline', day: '2024-05-13', workingDaysLeft: 3 }, ctx);
    expect(m.title).toBe('Nhắc hạn: báo cáo tháng 5 năm 2024 của Sở Nông nghiệp và Phát triển nông thôn — hạn nộp 16/05/2024, còn 3 ngày làm việc');
    expect(m.body).toContain('Hạn nộp: thứ Năm, 16/05/2024. Còn 3 ngày làm việc.');
    expect(m.body).toContain('Xem chi tiết: https://tonghop.example/api/submissions/abc');
    const late = reminderMessage({ kind: 'overdue', day: '2024-05-20', overdueWorkingDays: 2 }, { ...ctx, extended: true });
    expect(late.title).toMatch(/^Quá hạn: .* \(quá hạn 2 ngày làm việc\)$/);
    expect(late.body).toContain('Hạn nộp (đã gia hạn): thứ Năm, 16/05/2024.');
    const lead = reminderMessage({ kind: 'review_escalated', day: '2024-05-17', waitingWorkingDays: 4 }, ctx, vnInstant('2024-05-13', '09:00'));
    expect(lead.body).toContain('từ ngày 13/05/2024; báo cáo đã chờ duyệt 4 ngày làm việc');
  });

  it('give the reason of a return and of an extension', () => {
    expect(eventMessage('submission.returned', ctx, { reason: 'Số liệu thấp bất thường' }).body).toContain('Lý do: Số liệu thấp bất thường');
    expect(eventMessage('deadline.extended', { ...ctx, deadline: '2024-05-22', extended: true }, { reason: 'Mất điện' }).title).toBe(
      'Gia hạn nộp báo cáo tháng 5 năm 2024 của Sở Nông nghiệp và Phát triển nông thôn đến 22/05/2024',
    );
  });

  it('tell the office of an official figure sent, with its source, and the unit of its approval', () => {
    const sent = eventMessage('figures.revision_submitted', ctx, { reason: 'Thông cáo ngày 05/7/2024' });
    expect(sent.title).toBe('Sở Nông nghiệp và Phát triển nông thôn gửi số liệu chính thức của báo cáo tháng 5 năm 2024');
    expect(sent.body).toContain('Nguồn số liệu: Thông cáo ngày 05/7/2024');
    expect(eventMessage('figures.revised', ctx).title).toBe('Đã duyệt số liệu chính thức: báo cáo tháng 5 năm 2024 của Sở Nông nghiệp và Phát triển nông thôn');
  });

  it('sum up a period in the daily digest', () => {
    const totals = completenessTotals([
      { state: 'approved', timeliness: 'on_time', remindersSent: 1 },
      { state: 'submitted', timeliness: 'late', remindersSent: 3 },
      { state: 'draft', timeliness: 'overdue', remindersSent: 4 },
    ]);
    expect(totals).toEqual({ units: 3, submitted: 2, approved: 1, onTime: 1, late: 1, pending: 0, overdue: 1, remindersSent: 8 });
    const m = digestMessage({ periodLabel: 'tháng 5 năm 2024', deadline: '2024-05-16', day: '2024-05-17', totals, notSubmitted: ['Sở Xây dựng'], link: 'x' });
    expect(m.title).toBe('Tình hình nộp báo cáo tháng 5 năm 2024 ngày 17/05/2024: 2/3 đơn vị đã gửi');
    expect(m.body).toContain('Đơn vị chưa gửi: Sở Xây dựng.');
  });
});

describe('timeliness', () => {
  it('judges the first submission in Vietnamese time against the unit’s own deadline', () => {
    expect(timeliness({ firstSubmittedAt: new Date('2024-05-16T16:59:00Z'), deadline: '2024-05-16', today: '2024-05-20' })).toBe('on_time');
    expect(timeliness({ firstSubmittedAt: new Date('2024-05-16T17:00:00Z'), deadline: '2024-05-16', today: '2024-05-20' })).toBe('late');
    expect(timeliness({ firstSubmittedAt: null, deadline: '2024-05-16', today: '2024-05-16' })).toBe('pending');
    expect(timeliness({ firstSubmittedAt: null, deadline: '2024-05-16', today: '2024-05-17' })).toBe('overdue');
  });
});

describe('notification texts of the consolidated report', () => {
  const c = { periodLabel: 'tháng 5 năm 2024', revision: 3, link: 'https://tonghop.langson.gov.vn/reports/r1' };

  it('asks the signer to sign, gives the office the signer’s comment, the records office the signed report, everyone the issued one', () => {
    const sent = reportMessage('report.sent', c);
    expect(sent.title).toBe('Trình ký: báo cáo tổng hợp tháng 5 năm 2024');
    expect(sent.body).toContain('Văn phòng UBND tỉnh trình ký báo cáo tổng hợp tình hình kinh tế - xã hội tháng 5 năm 2024 (bản số 3).');
    expect(sent.body).toContain('Xem chi tiết: https://tonghop.langson.gov.vn/reports/r1');
    const back = reportMessage('report.returned', { ...c, comment: 'Bổ sung đánh giá về sâu bệnh.' });
    expect(back.title).toBe('Báo cáo tổng hợp tháng 5 năm 2024 bị trả lại');
    expect(back.body).toContain('Ý kiến: Bổ sung đánh giá về sâu bệnh.');
    // signed: for the records office to issue; issued: to everyone, with the number and date, and what it replaces
    const signed = reportMessage('report.signed', c);
    expect(signed.title).toBe('Đã ký, chờ phát hành: báo cáo tổng hợp tháng 5 năm 2024');
    expect(signed.body).toContain('Đề nghị Văn thư cấp số, ký số của cơ quan và phát hành.');
    const issued = reportMessage('report.issued', { ...c, numberLine: 'Số: 02/BC-UBND', date: '2024-06-04', replaced: 'Báo cáo số 01/BC-UBND ngày 03/06/2024' });
    expect(issued.title).toBe('Phát hành: Số: 02/BC-UBND ngày 04/06/2024 — báo cáo tổng hợp tháng 5 năm 2024');
    expect(issued.body).toContain('Báo cáo này thay thế Báo cáo số 01/BC-UBND ngày 03/06/2024; đề nghị không sử dụng văn bản bị thay thế.');
    expect(issued.body).toContain('bản PDF gửi kèm thư điện tử');
  });
});
