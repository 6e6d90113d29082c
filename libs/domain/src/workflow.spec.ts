import { DomainError } from './errors';
import { canTransition, EDITABLE_STATES, isEditable, nextState, SUBMISSION_STATES, SubmissionState, WORKFLOW_ACTIONS, WorkflowAction } from './workflow';

const legal: Array<[SubmissionState, WorkflowAction, SubmissionState]> = [
  ['draft', 'edit', 'draft'],
  ['draft', 'submit', 'submitted'],
  ['submitted', 'return', 'returned'],
  ['submitted', 'approve', 'approved'],
  ['returned', 'edit', 'returned'],
  ['returned', 'submit', 'submitted'],
  ['approved', 'reopen', 'returned'],
];

describe('submission workflow', () => {
  it.each(legal)('%s --%s--> %s', (from, action, to) => {
    expect(nextState(from, action)).toBe(to);
    expect(canTransition(from, action)).toBe(true);
  });

  const illegal = SUBMISSION_STATES.flatMap((s) =>
    WORKFLOW_ACTIONS.filter((a) => !legal.some(([f, la]) => f === s && la === a)).map((a) => [s, a] as const),
  );

  it('has 13 illegal pairs, each refused with a stable code', () => {
    expect(illegal).toHaveLength(SUBMISSION_STATES.length * WORKFLOW_ACTIONS.length - legal.length);
  });

  it.each(illegal)('%s cannot %s', (from, action) => {
    expect(canTransition(from, action)).toBe(false);
    let error: unknown;
    try {
      nextState(from, action);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const expected =
      from === 'approved' ? 'SUBMISSION_LOCKED' : action === 'edit' ? 'SUBMISSION_NOT_EDITABLE' : 'ILLEGAL_TRANSITION';
    expect((error as DomainError).code).toBe(expected);
    expect((error as DomainError).message).toMatch(/[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểệỉịọỏốồổộớờởợụủứừửữựỳỵỷỹ]/);
  });

  it('edits in draft and returned only, as the transitions say', () => {
    expect(EDITABLE_STATES).toEqual(['draft', 'returned']);
    expect(SUBMISSION_STATES.filter(isEditable)).toEqual(SUBMISSION_STATES.filter((s) => canTransition(s, 'edit')));
    expect(isEditable(undefined)).toBe(false);
  });
});
