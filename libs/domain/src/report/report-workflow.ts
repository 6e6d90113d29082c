import { DomainError } from '../errors';

/**
 * The life of the consolidated report of one period:
 *   drafting ⇄ awaiting_signature → signed → superseded (a correction reopened a submission).
 * The office edits while drafting (each save is a new revision), sends one revision for
 * sign-off; the signer signs it or returns it with comments. A signed revision is frozen.
 */
export const REPORT_STATES = ['drafting', 'awaiting_signature', 'signed', 'superseded'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_ACTIONS = ['consolidate', 'edit', 'send', 'return', 'sign', 'supersede'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export type RevisionState = 'draft' | 'sent' | 'returned' | 'signed' | 'superseded';

const TRANSITIONS: Record<ReportState, Partial<Record<ReportAction, ReportState>>> = {
  drafting: { consolidate: 'drafting', edit: 'drafting', send: 'awaiting_signature' },
  awaiting_signature: { return: 'drafting', sign: 'signed' },
  signed: { supersede: 'superseded' },
  superseded: {},
};

const STATE_NAMES: Record<ReportState, string> = {
  drafting: 'đang soạn thảo',
  awaiting_signature: 'đang trình ký',
  signed: 'đã ký ban hành',
  superseded: 'đã bị thay thế do đính chính',
};

const ACTION_NAMES: Record<ReportAction, string> = {
  consolidate: 'tổng hợp lại',
  edit: 'sửa nội dung',
  send: 'trình ký',
  return: 'trả lại',
  sign: 'ký ban hành',
  supersede: 'đính chính',
};

export function nextReportState(state: ReportState, action: ReportAction): ReportState {
  const next = TRANSITIONS[state][action];
  if (next) return next;
  if (state === 'signed' || state === 'superseded') {
    throw new DomainError('REPORT_LOCKED', `Báo cáo ${STATE_NAMES[state]}, không thể ${ACTION_NAMES[action]}.`);
  }
  throw new DomainError('REPORT_NOT_EDITABLE', `Không thể ${ACTION_NAMES[action]} khi báo cáo ${STATE_NAMES[state]}.`);
}

export function reportStateName(state: ReportState): string {
  return STATE_NAMES[state];
}
