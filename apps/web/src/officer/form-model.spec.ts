import type { SubmissionView, ValueView } from '@app/contracts';
import { draftKey, loadDraft, storeDraft } from './draft-storage';
import { baseText, buildRows, cellState, CellState, ruleProblems, saveItems } from './form-model';

const rule = { hasCumulative: false, hasPlan: false, hasSamePeriod: false, compareOn: 'value' as const, samePeriodStyle: 'change' as const, decimals: null, aggregation: 'to_date' as const, integerOnly: false, min: '0', max: null };
const value = (over: Partial<ValueView>): ValueView => ({
  indicatorCode: 'x', name: 'X', unit: 'ha', kind: 'number', sectionCode: 'S', parentCode: null, required: true, note: null, status: null,
  rule, value: null, cumulativeEntered: null, derived: null, basis: { earlier: [], lastYear: [], plan: null }, ...over,
});
const fig = (period: number, v: string) => ({ period, value: v, enteredCumulative: null });

const view: SubmissionView = {
  id: 's', unitId: 'u', unitCode: 'SNN', unitName: 'Sở NN', periodId: 'p',
  period: { type: 'month', year: 2024, number: 5, deadline: '2024-05-16' },
  deadline: '2024-05-16',
  extension: null,
  fromMonths: null,
  monthStates: null, figureRevisions: [],
  state: 'draft', version: 3, submittedAt: null, approvedAt: null,
  sections: [{ code: 'S', title: 'Nông nghiệp', reportSection: 'II.1.1' }],
  values: [
    value({
      indicatorCode: 'forest', value: '710.83',
      rule: { ...rule, hasCumulative: true, hasPlan: true, compareOn: 'cumulative' },
      basis: { earlier: [fig(1, '1200'), fig(2, '1100.17'), fig(3, '1000'), fig(4, '989')], lastYear: [], plan: '9009' },
    }),
    value({ indicatorCode: 'sown', rule: { ...rule, hasSamePeriod: true }, basis: { earlier: [], lastYear: [fig(5, '46600')], plan: null } }),
    value({ indicatorCode: 'sown_rice', parentCode: 'sown' }),
    value({ indicatorCode: 'fish', rule: { ...rule, hasCumulative: true }, basis: { earlier: [fig(4, '10')], lastYear: [], plan: null } }),
    value({ indicatorCode: 'story', kind: 'text', required: false, basis: null, value: 'Tốt' }),
  ],
  problems: [], reviews: [],
};

describe('the officer form model', () => {
  const rows = buildRows(view);
  const bases = Object.fromEntries(rows.map((r) => [r.code, baseText(r.view)]));
  const state = (code: string, edit?: Record<string, string>) => cellState(rows.find((r) => r.code === code)!, bases[code], edit);

  it('writes the server values as an officer types them', () => {
    expect(bases.forest).toEqual({ value: '710,83', note: '', cumulative: '', status: '' });
    expect(bases.story.value).toBe('Tốt');
    // the server's decimal strings, exactly, in the Vietnamese form ("47.393" is never read back as 47393)
    expect(baseText(value({ value: '47.393' })).value).toBe('47,393');
    expect(baseText(value({ value: '123456789012345.123456', cumulativeEntered: '5000' }))).toEqual({ value: '123.456.789.012.345,123456', note: '', cumulative: '5.000', status: '' });
  });

  it('derives cumulative and % of plan from what is typed, as the server does', () => {
    const s = state('forest', { value: '1.000,5' });
    expect(s.derived!.cumulative!.toFixed()).toBe('5289.67');
    expect(s.derived!.planPct!.toFixed(1)).toBe('58.7');
    expect(s.dirty).toBe(true);
    expect(state('sown', { value: '48463' }).derived!.samePeriodChangePct!.toFixed(2)).toBe('4.00');
  });

  it('asks for the cumulative when the earlier months are not in the system, and uses it', () => {
    const fish = rows.find((r) => r.code === 'fish')!;
    expect(fish.needsCumulative).toBe(true);
    expect(rows.find((r) => r.code === 'forest')!.needsCumulative).toBe(false);
    expect(state('fish', { value: '3', cumulative: '40,5' }).derived!.cumulative!.toFixed()).toBe('40.5');
  });

  it('reports a badly typed figure with the server’s code, and does not save it', () => {
    const bad = state('sown', { value: '12a' });
    expect(bad.errors).toEqual([expect.objectContaining({ indicatorCode: 'sown', code: 'INVALID_NUMBER' })]);
    expect(bad.cell).toBeNull();
    const states = new Map<string, CellState>([['sown', bad]]);
    expect(saveItems(rows, bases, states).items).toEqual([]);
  });

  it('does not count "1.000,5" against "1000,5" as a change', () => {
    expect(state('forest', { value: '710.83' }).dirty).toBe(false);
    expect(state('forest', { value: '710,830' }).dirty).toBe(false);
  });

  it('finds rule problems across rows: bounds, parts above their total, required on submit', () => {
    const states = new Map<string, CellState>([
      ['sown', state('sown', { value: '100' })],
      ['sown_rice', state('sown_rice', { value: '150' })],
      ['forest', state('forest', { value: '-1' })],
    ]);
    const problems = ruleProblems(rows, states, false);
    expect(problems.get('sown_rice')![0].code).toBe('PART_ABOVE_PARENT');
    expect(problems.get('forest')![0].code).toBe('BELOW_MIN');
    expect(ruleProblems(rows, states, true).get('fish')![0].code).toBe('REQUIRED');
  });

  it('saves changed rows in a form the server cannot misread, with notes and cumulatives only when changed', () => {
    const states = new Map<string, CellState>([
      ['forest', state('forest', { value: '47,393' })],
      ['sown', state('sown', { value: '47393', note: 'ước tính' })],
      ['fish', state('fish', { value: '', cumulative: '12' })],
      ['story', state('story')],
    ]);
    const { items, sent } = saveItems(rows, bases, states);
    expect(items).toEqual([
      { indicatorCode: 'forest', value: '47,393' },
      { indicatorCode: 'sown', value: '47.393', note: 'ước tính' },
      { indicatorCode: 'fish', value: null, cumulative: '12' },
    ]);
    expect(Object.keys(sent)).toEqual(['forest', 'sown', 'fish']);
  });
});

describe('drafts kept in the browser', () => {
  const storage = (() => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), get size() { return m.size; } };
  })() as unknown as Storage & { size: number };

  it('keeps unsaved edits per submission and user, and forgets them once saved', () => {
    const key = draftKey('sub-1', 'user-1');
    expect(key).not.toBe(draftKey('sub-1', 'user-2'));
    storeDraft(storage, key, 4, { forest: { value: '1,5' } }, new Date('2024-05-15T10:00:00Z'));
    expect(loadDraft(storage, key)).toEqual({ version: 4, edits: { forest: { value: '1,5' } }, at: '2024-05-15T10:00:00.000Z' });
    storeDraft(storage, key, 5, {});
    expect(loadDraft(storage, key)).toBeNull();
  });
});
