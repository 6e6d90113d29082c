import { DomainError } from './errors';

/**
 * The life of one unit's monthly submission:
 *   draft → submitted → approved, or submitted → returned → (edited) → submitted → …
 * An approved submission is locked; only an administrator may reopen it (a correction after
 * the report was issued), which sends it back to the unit as returned.
 */
export const SUBMISSION_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const WORKFLOW_ACTIONS = ['edit', 'submit', 'return', 'approve', 'reopen'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const ROLES = ['officer', 'reviewer', 'signer', 'clerk', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** state × action → next state; a missing entry is an illegal transition. */
const TRANSITIONS: Record<SubmissionState, Partial<Record<WorkflowAction, SubmissionState>>> = {
  draft: { edit: 'draft', submit: 'submitted' },
  submitted: { return: 'returned', approve: 'approved' },
  returned: { edit: 'returned', submit: 'submitted' },
  approved: { reopen: 'returned' },
};

/** Which role performs each action (the unit check — "own unit only" — is made by the caller). */
export const ACTION_ROLE: Record<WorkflowAction, Role> = {
  edit: 'officer',
  submit: 'officer',
  return: 'reviewer',
  approve: 'reviewer',
  reopen: 'admin',
};

const STATE_NAMES: Record<SubmissionState, string> = {
  draft: 'đang soạn',
  submitted: 'đã gửi, chờ duyệt',
  returned: 'bị trả lại',
  approved: 'đã duyệt',
};

const ACTION_NAMES: Record<WorkflowAction, string> = {
  edit: 'sửa số liệu',
  submit: 'gửi báo cáo',
  return: 'trả lại',
  approve: 'duyệt',
  reopen: 'mở lại',
};

export function nextState(state: SubmissionState, action: WorkflowAction): SubmissionState {
  const next = TRANSITIONS[state][action];
  if (next) return next;
  if (state === 'approved') {
    throw new DomainError('SUBMISSION_LOCKED', 'Báo cáo đã được duyệt và bị khóa, không thể thay đổi.');
  }
  if (action === 'edit') {
    throw new DomainError(
      'SUBMISSION_NOT_EDITABLE',
      `Không thể sửa số liệu khi báo cáo ở trạng thái "${STATE_NAMES[state]}".`,
    );
  }
  throw new DomainError(
    'ILLEGAL_TRANSITION',
    `Không thể ${ACTION_NAMES[action]} khi báo cáo ở trạng thái "${STATE_NAMES[state]}".`,
  );
}

export function canTransition(state: SubmissionState, action: WorkflowAction): boolean {
  return TRANSITIONS[state][action] !== undefined;
}

/**
 * The states in which the unit's officers may change figures (draft, returned), read off the
 * transitions so the save statement and the web's form editor cannot drift from the state machine.
 */
export const EDITABLE_STATES: readonly SubmissionState[] = SUBMISSION_STATES.filter((s) => canTransition(s, 'edit'));

export function isEditable(state: SubmissionState | undefined): boolean {
  return state !== undefined && EDITABLE_STATES.includes(state);
}

export function stateName(state: SubmissionState): string {
  return STATE_NAMES[state];
}
