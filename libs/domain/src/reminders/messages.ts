import { formatVnDate, formatVnDateWithWeekday, vnDate } from '../calendar/vn-time';
import type { IsoDate } from '../period';
import type { CompletenessTotals } from './completeness';
import type { DueReminder } from './due-reminders';

/** What a notification says: the inbox shows both, an e-mail uses them as subject and body. */
export interface Message {
  title: string;
  body: string;
}

export interface SubmissionContext {
  unitName: string;
  periodLabel: string;
  /** the unit's own deadline */
  deadline: IsoDate;
  extended?: boolean;
  link: string;
}

const FOOTER = '\n\n—\nHệ thống Tổng hợp, Văn phòng UBND tỉnh. Thư gửi tự động, vui lòng không trả lời thư này.';

function deadlineLine(c: SubmissionContext): string {
  return `Hạn nộp${c.extended ? ' (đã gia hạn)' : ''}: ${formatVnDateWithWeekday(c.deadline)}.`;
}

function compose(title: string, lines: string[], link: string): Message {
  return { title, body: `${lines.join('\n')}\n\nXem chi tiết: ${link}${FOOTER}` };
}

/** Nhắc hạn: to the unit's officers, to the reviewers, to the lead reviewers. */
export function reminderMessage(r: DueReminder, c: SubmissionContext, submittedAt?: Date | null): Message {
  const what = `báo cáo ${c.periodLabel} của ${c.unitName}`;
  switch (r.kind) {
    case 'before_deadline':
      return compose(
        `Nhắc hạn: ${what} — hạn nộp ${formatVnDate(c.deadline)}, còn ${r.workingDaysLeft} ngày làm việc`,
        [`Kính gửi cán bộ ${c.unitName},`, '', `Đơn vị chưa gửi ${what}.`, `${deadlineLine(c)} Còn ${r.workingDaysLeft} ngày làm việc.`, 'Đề nghị đơn vị hoàn thành nhập số liệu và gửi báo cáo đúng hạn.'],
        c.link,
      );
    case 'on_deadline':
      return compose(
        `Hôm nay là hạn nộp ${what}`,
        [`Kính gửi cán bộ ${c.unitName},`, '', `Hôm nay là hạn nộp ${what} (${formatVnDateWithWeekday(c.deadline)}) nhưng đơn vị chưa gửi báo cáo.`, 'Đề nghị đơn vị gửi báo cáo trong ngày hôm nay.'],
        c.link,
      );
    case 'overdue':
      return compose(
        `Quá hạn: ${what} chưa được gửi (quá hạn ${r.overdueWorkingDays} ngày làm việc)`,
        [`Kính gửi cán bộ ${c.unitName},`, '', `${deadlineLine(c)} Đến nay đơn vị vẫn chưa gửi ${what}, đã quá hạn ${r.overdueWorkingDays} ngày làm việc.`, 'Đề nghị đơn vị gửi báo cáo ngay để Văn phòng kịp tổng hợp.'],
        c.link,
      );
    case 'review_pending':
    case 'review_escalated': {
      const since = submittedAt ? ` từ ngày ${formatVnDate(vnDate(submittedAt))}` : '';
      const lead = r.kind === 'review_escalated';
      return compose(
        `${lead ? 'Báo cáo lãnh đạo Văn phòng' : 'Nhắc duyệt'}: ${what} chờ duyệt ${r.waitingWorkingDays} ngày làm việc`,
        [
          `${c.unitName} đã gửi báo cáo ${c.periodLabel}${since}; báo cáo đã chờ duyệt ${r.waitingWorkingDays} ngày làm việc.`,
          deadlineLine(c),
          lead ? 'Đề nghị lãnh đạo Văn phòng đôn đốc việc duyệt báo cáo.' : 'Đề nghị chuyên viên duyệt hoặc trả lại báo cáo.',
        ],
        c.link,
      );
    }
    case 'digest':
      throw new Error('digest: use digestMessage');
  }
}

export type NotifiedEvent = 'submission.submitted' | 'submission.returned' | 'submission.approved' | 'deadline.extended' | 'deadline.moved' | 'figures.revision_submitted' | 'figures.revised';

/** Thông báo khi có sự kiện: gửi, trả lại, duyệt, gia hạn, hạn nộp đổi theo lịch nghỉ. */
export function eventMessage(type: NotifiedEvent, c: SubmissionContext, extra: { reason?: string | null; before?: IsoDate } = {}): Message {
  const what = `báo cáo ${c.periodLabel} của ${c.unitName}`;
  switch (type) {
    case 'submission.submitted':
      return compose(`${c.unitName} đã gửi báo cáo ${c.periodLabel}`, [`${c.unitName} đã gửi báo cáo ${c.periodLabel}, đề nghị Văn phòng xem xét, duyệt.`, deadlineLine(c)], c.link);
    case 'submission.returned':
      return compose(
        `Trả lại: ${what}`,
        [`Kính gửi cán bộ ${c.unitName},`, '', `Văn phòng UBND tỉnh trả lại ${what}.`, `Lý do: ${extra.reason ?? '(không ghi)'}`, deadlineLine(c), 'Đề nghị đơn vị chỉnh sửa theo ý kiến và gửi lại báo cáo.'],
        c.link,
      );
    case 'submission.approved':
      return compose(`Đã duyệt: ${what}`, [`Kính gửi cán bộ ${c.unitName},`, '', `Văn phòng UBND tỉnh đã duyệt ${what}.`, deadlineLine(c)], c.link);
    case 'deadline.extended':
      return compose(
        `Gia hạn nộp ${what} đến ${formatVnDate(c.deadline)}`,
        [`Kính gửi cán bộ ${c.unitName},`, '', `${c.unitName} được gia hạn nộp báo cáo ${c.periodLabel}.`, deadlineLine(c), `Lý do: ${extra.reason ?? '(không ghi)'}`],
        c.link,
      );
    case 'deadline.moved':
      return compose(
        `Hạn nộp ${what} chuyển sang ${formatVnDate(c.deadline)}`,
        [
          `Kính gửi cán bộ ${c.unitName},`,
          '',
          `Lịch nghỉ vừa được cập nhật: hạn nộp báo cáo ${c.periodLabel} của đơn vị${extra.before ? ` chuyển từ ${formatVnDate(extra.before)}` : ''} sang ${formatVnDateWithWeekday(c.deadline)}.`,
          `Căn cứ: ${extra.reason ?? '(không ghi)'}`,
        ],
        c.link,
      );
    case 'figures.revision_submitted':
      return compose(
        `${c.unitName} gửi số liệu chính thức của báo cáo ${c.periodLabel}`,
        [`${c.unitName} đã gửi số liệu sơ bộ/chính thức thay số đã duyệt của báo cáo ${c.periodLabel}, đề nghị Văn phòng xem xét, duyệt.`, `Nguồn số liệu: ${extra.reason ?? '(không ghi)'}`],
        c.link,
      );
    case 'figures.revised':
      return compose(
        `Đã duyệt số liệu chính thức: ${what}`,
        [`Kính gửi cán bộ ${c.unitName},`, '', `Văn phòng UBND tỉnh đã duyệt số liệu sơ bộ/chính thức thay số đã duyệt của ${what}; các báo cáo tổng hợp in số liệu này sẽ ghi chú.`],
        c.link,
      );
  }
}

/** Bản tin hằng ngày về tình hình nộp báo cáo, to signers and reviewers. */
export function digestMessage(input: {
  periodLabel: string;
  deadline: IsoDate;
  day: IsoDate;
  totals: CompletenessTotals;
  notSubmitted: string[];
  link: string;
}): Message {
  const t = input.totals;
  const list = (names: string[]) => (names.length > 8 ? `${names.slice(0, 8).join('; ')}; và ${names.length - 8} đơn vị khác` : names.join('; '));
  return compose(
    `Tình hình nộp báo cáo ${input.periodLabel} ngày ${formatVnDate(input.day)}: ${t.submitted}/${t.units} đơn vị đã gửi`,
    [
      `Báo cáo ${input.periodLabel}, hạn nộp ${formatVnDateWithWeekday(input.deadline)}.`,
      `Đã gửi: ${t.submitted}/${t.units} đơn vị (đúng hạn ${t.onTime}, trễ hạn ${t.late}); đã duyệt: ${t.approved}.`,
      `Chưa gửi: ${t.units - t.submitted} đơn vị, trong đó quá hạn ${t.overdue}.`,
      ...(input.notSubmitted.length ? [`Đơn vị chưa gửi: ${list(input.notSubmitted)}.`] : []),
      `Số lần nhắc hạn đã gửi: ${t.remindersSent}.`,
    ],
    input.link,
  );
}

export type ReportNotifiedEvent = 'report.sent' | 'report.returned' | 'report.signed' | 'report.issued';

/**
 * Who hears of a step of the consolidated report: a report sent for signing goes to the signers,
 * the answer to the office and the records office (which issues a signed one), the issued
 * document to everyone ("Nơi nhận": the units, the office, the leaders), its PDF attached.
 */
export const REPORT_AUDIENCE: Record<ReportNotifiedEvent, 'signers' | 'reviewers' | 'clerks_and_reviewers' | 'everyone'> = {
  'report.sent': 'signers',
  'report.returned': 'reviewers',
  'report.signed': 'clerks_and_reviewers',
  'report.issued': 'everyone',
};

/** Thông báo về báo cáo tổng hợp: trình ký, trả lại (with the signer's comment), đã ký ban hành (number and date). */
export function reportMessage(
  type: ReportNotifiedEvent,
  c: { periodLabel: string; revision: number; link: string; comment?: string | null; numberLine?: string | null; date?: IsoDate | null; replaced?: string | null },
): Message {
  const what = `Báo cáo tổng hợp tình hình kinh tế - xã hội ${c.periodLabel}`;
  switch (type) {
    case 'report.sent':
      return compose(`Trình ký: báo cáo tổng hợp ${c.periodLabel}`, [`Văn phòng UBND tỉnh trình ký ${what.charAt(0).toLowerCase()}${what.slice(1)} (bản số ${c.revision}).`, 'Đề nghị đồng chí xem xét, ký ban hành hoặc cho ý kiến.'], c.link);
    case 'report.returned':
      return compose(`Báo cáo tổng hợp ${c.periodLabel} bị trả lại`, [`Lãnh đạo UBND tỉnh đã trả lại bản số ${c.revision} của ${what.charAt(0).toLowerCase()}${what.slice(1)}.`, `Ý kiến: ${c.comment ?? ''}`], c.link);
    case 'report.signed':
      return compose(
        `Đã ký, chờ phát hành: báo cáo tổng hợp ${c.periodLabel}`,
        [`${what} đã được lãnh đạo UBND tỉnh ký số (bản số ${c.revision}).`, 'Đề nghị Văn thư cấp số, ký số của cơ quan và phát hành.'],
        c.link,
      );
    case 'report.issued':
      return compose(
        `Phát hành: ${c.numberLine ?? 'báo cáo tổng hợp'}${c.date ? ` ngày ${formatVnDate(c.date)}` : ''} — báo cáo tổng hợp ${c.periodLabel}`,
        [
          `Ủy ban nhân dân tỉnh gửi ${what.charAt(0).toLowerCase()}${what.slice(1)}${c.numberLine ? `, ${c.numberLine}` : ''}${c.date ? ` ngày ${formatVnDate(c.date)}` : ''}.`,
          ...(c.replaced ? [`Báo cáo này thay thế ${c.replaced}; đề nghị không sử dụng văn bản bị thay thế.`] : []),
          'Văn bản điện tử (PDF) có chữ ký số của người có thẩm quyền và của cơ quan; bản PDF gửi kèm thư điện tử.',
        ],
        c.link,
      );
  }
}
