import { notificationTarget } from './inbox-model';

describe('where a notification leads', () => {
  const n = (kind: string, submissionId: string | null, periodId: string | null, link: string | null = null) => ({ kind, submissionId, periodId, link });

  it('opens the submission it concerns: the form for its officer, the review page for the office', () => {
    expect(notificationTarget(n('submission.returned', 's1', 'p1'), 'officer')).toBe('/unit/submissions/s1');
    expect(notificationTarget(n('submission.submitted', 's1', 'p1'), 'reviewer')).toBe('/review/s1');
    expect(notificationTarget(n('review_reminder', 's1', 'p1'), 'admin')).toBe('/review/s1');
  });

  it('opens the period board for a digest, the officer’s home for a period message, the reports for a report', () => {
    expect(notificationTarget(n('digest', null, 'p1'), 'signer')).toBe('/board/p1');
    expect(notificationTarget(n('digest', null, 'p1'), 'officer')).toBe('/unit');
    expect(notificationTarget(n('report.sent', null, 'p1'), 'signer')).toBe('/reports?periodId=p1');
    const id = '2f1c3a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b';
    expect(notificationTarget(n('report.sent', null, 'p1', `https://tonghop.example/reports/${id}`), 'signer')).toBe(`/reports/${id}`);
    expect(notificationTarget(n('report.returned', null, 'p1', `http://localhost:3000/reports/${id}`), 'reviewer')).toBe(`/reports/${id}`);
    expect(notificationTarget(n('other', null, null), 'reviewer')).toBeNull();
  });
});
