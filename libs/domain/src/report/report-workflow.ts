import { DomainError } from '../errors';

/**
 * The life of the consolidated report of one period:
 *   drafting ⇄ awaiting_signature → signed → issued → replaced
 *                                      ↘ superseded
 * The office edits while drafting (each save is a new revision) and sends one revision for
 * sign-off; the vice-chairman signs it (his digital signature on the PDF) or returns it. A signed
 * report waits for the records office (văn thư, role `clerk`), who issues it (Decree 30/2020,
 * Art. 14: number and date, then the body's digital signature, then distribution). A correction
 * before issue withdraws the signed report (superseded); after issue, the issued report stays
 * valid until the report that replaces it is issued, and only then becomes `replaced`.
 */
export const REPORT_STATES = ['drafting', 'awaiting_signature', 'signed', 'issued', 'superseded', 'replaced'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_ACTIONS = ['consolidate', 'edit', 'send', 'return', 'sign', 'issue', 'supersede', 'replace'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export type RevisionState = 'draft' | 'sent' | 'returned' | 'signed' | 'issued' | 'superseded' | 'replaced';

const TRANSITIONS: Record<ReportState, Partial<Record<ReportAction, ReportState>>> = {
  drafting: { consolidate: 'drafting', edit: 'drafting', send: 'awaiting_signature' },
  awaiting_signature: { return: 'drafting', sign: 'signed' },
  signed: { issue: 'issued', supersede: 'superseded' },
  issued: { replace: 'replaced' },
  superseded: {},
  replaced: {},
};

/** The states of a report that is being worked on (at most one per period). */
export const REPORT_IN_PROGRESS: readonly ReportState[] = ['drafting', 'awaiting_signature', 'signed'];

const STATE_NAMES: Record<ReportState, string> = {
  drafting: 'đang soạn thảo',
  awaiting_signature: 'đang trình ký',
  signed: 'đã ký, chờ phát hành',
  issued: 'đã phát hành',
  superseded: 'đã bị hủy do đính chính trước khi phát hành',
  replaced: 'đã bị thay thế',
};

const ACTION_NAMES: Record<ReportAction, string> = {
  consolidate: 'tổng hợp lại',
  edit: 'sửa nội dung',
  send: 'trình ký',
  return: 'trả lại',
  sign: 'ký',
  issue: 'phát hành',
  supersede: 'đính chính',
  replace: 'thay thế',
};

const FROZEN: readonly ReportState[] = ['signed', 'issued', 'superseded', 'replaced'];

export function nextReportState(state: ReportState, action: ReportAction): ReportState {
  const next = TRANSITIONS[state][action];
  if (next) return next;
  if (action === 'issue') throw new DomainError('REPORT_NOT_SIGNED', `Chỉ phát hành được báo cáo đã ký; báo cáo ${STATE_NAMES[state]}.`);
  if (FROZEN.includes(state)) {
    throw new DomainError('REPORT_LOCKED', `Báo cáo ${STATE_NAMES[state]}, không thể ${ACTION_NAMES[action]}.`);
  }
  throw new DomainError('REPORT_NOT_EDITABLE', `Không thể ${ACTION_NAMES[action]} khi báo cáo ${STATE_NAMES[state]}.`);
}

export function reportStateName(state: ReportState): string {
  return STATE_NAMES[state];
}

/**
 * What a correction does to the report it corrects: a signed, not yet issued report is withdrawn
 * at once; an issued one stays in force and is replaced when its replacement is issued.
 */
export function correctionEffect(state: ReportState): 'withdraw' | 'replace_on_issue' {
  if (state === 'signed') return 'withdraw';
  if (state === 'issued') return 'replace_on_issue';
  throw new DomainError('REPORT_NOT_ISSUED', `Chỉ đính chính được báo cáo đã ký hoặc đã phát hành; báo cáo ${STATE_NAMES[state]}.`);
}
