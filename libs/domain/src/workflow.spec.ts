import { DomainError } from './errors';
import { canTransition, EDITABLE_STATES, isEditable, nextState, SUBMISSION_STATES, SubmissionState, WORKFLOW_ACTIONS, WorkflowAction } from './workflow';

type Outcome = SubmissionState | 'ILLEGAL_TRANSITION' | 'SUBMISSION_NOT_EDITABLE' | 'SUBMISSION_LOCKED';

/**
 * The whole table, written out by hand rather than derived from the legal moves: every state × action
 * is either the next state or the error code the caller gets. An approved submission is locked to
 * everything but the administrator's reopening; editing outside draft/returned has its own code.
 */
const TABLE: Record<SubmissionState, Record<WorkflowAction, Outcome>> = {
  draft: { edit: 'draft', submit: 'submitted', return: 'ILLEGAL_TRANSITION', approve: 'ILLEGAL_TRANSITION', reopen: 'ILLEGAL_TRANSITION' },
  submitted: { edit: 'SUBMISSION_NOT_EDITABLE', submit: 'ILLEGAL_TRANSITION', return: 'returned', approve: 'approved', reopen: 'ILLEGAL_TRANSITION' },
  returned: { edit: 'returned', submit: 'submitted', return: 'ILLEGAL_TRANSITION', approve: 'ILLEGAL_TRANSITION', reopen: 'ILLEGAL_TRANSITION' },
  approved: { edit: 'SUBMISSION_LOCKED', submit: 'SUBMISSION_LOCKED', return: 'SUBMISSION_LOCKED', approve: 'SUBMISSION_LOCKED', reopen: 'returned' },
};

const cells = (Object.entries(TABLE) as Array<[SubmissionState, Record<WorkflowAction, Outcome>]>).flatMap(([state, row]) =>
  (Object.entries(row) as Array<[WorkflowAction, Outcome]>).map(([action, outcome]) => [state, action, outcome] as const),
);
const isState = (o: Outcome): o is SubmissionState => (SUBMISSION_STATES as readonly string[]).includes(o);

describe('submission workflow', () => {
  it('states every state × action of the workflow, and only those', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...SUBMISSION_STATES].sort());
    for (const row of Object.values(TABLE)) expect(Object.keys(row).sort()).toEqual([...WORKFLOW_ACTIONS].sort());
    expect(cells).toHaveLength(20);
  });

  it.each(cells.filter(([, , o]) => isState(o)))('%s --%s--> %s', (from, action, to) => {
    expect(nextState(from, action)).toBe(to);
    expect(canTransition(from, action)).toBe(true);
  });

  it.each(cells.filter(([, , o]) => !isState(o)))('%s cannot %s: %s', (from, action, code) => {
    expect(canTransition(from, action)).toBe(false);
    let error: unknown;
    try {
      nextState(from, action);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).message).toMatch(/[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểệỉịọỏốồổộớờởợụủứừửữựỳỵỷỹ]/);
  });

  it('edits in draft and returned only, as the transitions say', () => {
    expect(EDITABLE_STATES).toEqual(['draft', 'returned']);
    expect(SUBMISSION_STATES.filter(isEditable)).toEqual(SUBMISSION_STATES.filter((s) => canTransition(s, 'edit')));
    expect(isEditable(undefined)).toBe(false);
  });
});
