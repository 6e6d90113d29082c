import type { ReportSummary } from '@app/contracts';
import { allowed, defaultDiff, documentLine, lastReturn, sourceValue } from './report-model';

const report = (state: ReportSummary['state'], revisions: number[], actions: ReportSummary['actions'] = []) =>
  ({ state, revisions: revisions.map((number) => ({ number })), actions, documentNumber: null }) as unknown as ReportSummary;

describe('the consolidated report screens', () => {
  it('show a figure’s source value exactly, the Vietnamese way', () => {
    expect(sourceValue('value', '710.83')).toBe('710,83');
    expect(sourceValue('value', '47393')).toBe('47.393');
    expect(sourceValue('planPct', '55.4952')).toBe('55,4952%');
  });

  it('offer each role what the report’s state allows', () => {
    expect(allowed(report('drafting', [1, 2]), 'reviewer')).toEqual({ edit: true, send: true, consolidate: true, sign: false, return: false, issue: false, correct: false, verify: false });
    expect(allowed(report('drafting', []), 'reviewer')).toMatchObject({ edit: false, send: false, consolidate: true });
    expect(allowed(report('awaiting_signature', [1]), 'reviewer')).toMatchObject({ edit: false, send: false });
    expect(allowed(report('awaiting_signature', [1]), 'signer')).toMatchObject({ sign: true, return: true, edit: false });
    expect(allowed(report('signed', [1]), 'signer')).toMatchObject({ sign: false, return: false });
    // signed, awaiting issue: the records office issues it; the office may still correct it (it is withdrawn)
    expect(allowed(report('signed', [1]), 'clerk')).toMatchObject({ issue: true, edit: false, verify: true });
    expect(allowed(report('signed', [1]), 'reviewer')).toMatchObject({ issue: false, correct: true });
    expect(allowed(report('issued', [1]), 'clerk')).toMatchObject({ issue: false });
    expect(allowed(report('issued', [1]), 'reviewer')).toMatchObject({ correct: true, verify: true });
    expect(allowed(report('replaced', [1]), 'reviewer')).toMatchObject({ correct: false, verify: true });
    expect(allowed(report('drafting', [1]), 'admin')).toEqual({ edit: false, send: false, consolidate: false, sign: false, return: false, issue: false, correct: false, verify: false });
  });

  it('name the document once signed, show the signer’s last comment while the office reworks it, and compare the last two revisions', () => {
    expect(documentLine({ documentNumber: '05' })).toBe('Số: 05/BC-UBND');
    expect(documentLine({ documentNumber: null })).toBeNull();
    const back = [
      { action: 'send', revisionNumber: 2, comment: null, createdAt: '', actorUsername: 'reviewer' },
      { action: 'return', revisionNumber: 2, comment: 'Bổ sung sâu bệnh.', createdAt: '', actorUsername: 'signer' },
    ] as ReportSummary['actions'];
    expect(lastReturn(report('drafting', [1, 2], back))).toEqual({ revision: 2, comment: 'Bổ sung sâu bệnh.' });
    expect(lastReturn(report('awaiting_signature', [1, 2], back))).toBeNull();
    expect(defaultDiff(report('drafting', [1, 2, 3]))).toEqual({ from: 2, to: 3 });
    expect(defaultDiff(report('drafting', [1]))).toBeNull();
  });
});
