import { codesHeldBy, historySources, holdersOn, IndicatorTransfer, rowsOfLineage } from './lineage';
import { planRestructuring, RestructuringFacts, RestructuringRequest } from './restructuring';

const t = (predecessorId: string, successorId: string, code: string, effectiveDate: string): IndicatorTransfer => ({ predecessorId, successorId, code, effectiveDate });

describe('indicator holders', () => {
  const base = new Map([['rice', ['SNN']], ['forest', ['SNN']], ['land', ['STNMT']], ['fdi', ['SKHDT']]]);
  const merger = [t('SNN', 'SNNMT', 'rice', '2025-03-01'), t('SNN', 'SNNMT', 'forest', '2025-03-01'), t('STNMT', 'SNNMT', 'land', '2025-03-01')];

  it('gives the successor its predecessors’ indicators from the effective date, not the day before', () => {
    expect([...codesHeldBy(holdersOn(base, merger, '2025-02-28'), 'SNNMT')]).toEqual([]);
    expect([...codesHeldBy(holdersOn(base, merger, '2025-03-01'), 'SNNMT')].sort()).toEqual(['forest', 'land', 'rice']);
    expect([...codesHeldBy(holdersOn(base, merger, '2025-03-01'), 'SNN')]).toEqual([]);
  });

  it('follows a chain of restructurings, and an indicator moved back', () => {
    const chain = [...merger, t('SNNMT', 'SX', 'rice', '2026-01-01'), t('SX', 'SNNMT', 'rice', '2026-07-01')];
    expect(holdersOn(base, chain, '2026-03-01').get('rice')).toEqual(new Set(['SX']));
    expect(holdersOn(base, chain, '2026-07-01').get('rice')).toEqual(new Set(['SNNMT']));
  });

  it('reads a successor’s history from each predecessor before its transfer, up the chain', () => {
    const chain = [...merger, t('SNNMT', 'SX', 'rice', '2026-01-01')];
    expect(historySources('SX', 'rice', chain)).toEqual([
      { unitId: 'SX', before: null },
      { unitId: 'SNNMT', before: '2026-01-01' },
      { unitId: 'SNN', before: '2025-03-01' },
    ]);
    const rows = [
      { unitId: 'SNN', code: 'rice', periodEnd: '2025-02-14' },
      { unitId: 'SNN', code: 'rice', periodEnd: '2025-03-14' }, // after the transfer: not history (and not filled)
      { unitId: 'SNNMT', code: 'rice', periodEnd: '2025-05-14' },
      { unitId: 'SNNMT', code: 'rice', periodEnd: '2026-02-14' },
      { unitId: 'STNMT', code: 'rice', periodEnd: '2024-05-14' }, // never held it
    ];
    expect(rowsOfLineage(rows, new Map([['rice', historySources('SX', 'rice', chain)]])).map((r) => `${r.unitId}@${r.periodEnd}`)).toEqual([
      'SNN@2025-02-14',
      'SNNMT@2025-05-14',
    ]);
  });
});

describe('planning a restructuring', () => {
  const facts: RestructuringFacts = {
    units: new Map(
      [
        { code: 'SNN', effectiveFrom: '2008-01-01', effectiveTo: null },
        { code: 'STNMT', effectiveFrom: '2008-01-01', effectiveTo: null },
        { code: 'STC', effectiveFrom: '2008-01-01', effectiveTo: null },
        { code: 'OLD', effectiveFrom: '2008-01-01', effectiveTo: '2020-12-31' },
      ].map((u) => [u.code, u]),
    ),
    heldOnEve: new Map([['SNN', new Set(['rice', 'forest'])], ['STNMT', new Set(['land'])], ['STC', new Set(['revenue'])]]),
    lastOpenedDay: '2025-02-14',
    unitKinds: ['department'],
  };
  const merge: RestructuringRequest = {
    effectiveDate: '2025-03-01',
    newUnits: [{ code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường', kind: 'department' }],
    transfers: [{ from: 'SNN', to: 'SNNMT' }, { from: 'STNMT', to: 'SNNMT' }],
    close: [{ code: 'SNN', usersTo: 'SNNMT' }, { code: 'STNMT', usersTo: null }],
  };

  it('plans a merger into a new unit: lineage of every indicator, closings with the unit merged into', () => {
    const { plan, errors } = planRestructuring(merge, facts);
    expect(errors).toEqual([]);
    expect(plan!.lineage).toEqual([
      { from: 'SNN', to: 'SNNMT', code: 'rice' },
      { from: 'SNN', to: 'SNNMT', code: 'forest' },
      { from: 'STNMT', to: 'SNNMT', code: 'land' },
    ]);
    expect(plan!.closing).toEqual([
      { code: 'SNN', usersTo: 'SNNMT', mergedInto: 'SNNMT' },
      { code: 'STNMT', usersTo: null, mergedInto: 'SNNMT' },
    ]);
    expect(plan!.eve).toBe('2025-02-28');
  });

  it('plans a split and a move between existing units', () => {
    const split = planRestructuring(
      { effectiveDate: '2025-03-01', newUnits: [{ code: 'SA', name: 'Sở A', kind: 'department' }], transfers: [{ from: 'SNN', to: 'SA', indicators: ['rice'] }, { from: 'SNN', to: 'STC', indicators: ['forest'] }], close: [{ code: 'SNN' }] },
      facts,
    );
    expect(split.errors).toEqual([]);
    const move = planRestructuring({ effectiveDate: '2025-03-01', newUnits: [], transfers: [{ from: 'STNMT', to: 'STC', indicators: ['land'] }], close: [] }, facts);
    expect(move.plan!.lineage).toEqual([{ from: 'STNMT', to: 'STC', code: 'land' }]);
  });

  it('refuses with a stable code for each problem', () => {
    const codes = (req: Partial<RestructuringRequest>) =>
      planRestructuring({ ...merge, ...req }, facts).errors.map((e) => e.code);
    expect(codes({ effectiveDate: '2025-03-15' })).toEqual(['UNIT_EFFECTIVE_DATE_INVALID']);
    expect(codes({ effectiveDate: '2025-02-01' })).toContain('UNIT_EFFECTIVE_DATE_IN_OPENED_PERIOD');
    expect(codes({ transfers: [{ from: 'NOPE', to: 'SNNMT' }], close: [] })).toEqual(['UNIT_NOT_FOUND']);
    expect(codes({ transfers: [{ from: 'SNN', to: 'SNNMT', indicators: ['land'] }], close: [] })).toEqual(['UNIT_INDICATOR_NOT_HELD']);
    expect(codes({ transfers: [{ from: 'SNN', to: 'SNNMT', indicators: ['rice'] }, { from: 'SNN', to: 'STC', indicators: ['rice'] }], close: [] })).toEqual(['UNIT_INDICATOR_TAKEN_TWICE']);
    expect(codes({ close: [{ code: 'SNN', usersTo: 'SNNMT' }, { code: 'SNN', usersTo: 'SNNMT' }, { code: 'STNMT', usersTo: null }] })).toEqual(['UNIT_ALREADY_CLOSED']);
    expect(codes({ transfers: [{ from: 'OLD', to: 'SNNMT' }], close: [] })).toEqual(['UNIT_ALREADY_CLOSED']);
    expect(codes({ transfers: [{ from: 'SNN', to: 'SNNMT', indicators: ['rice'] }], close: [{ code: 'SNN' }] })).toEqual(['UNIT_INDICATORS_LEFT_BEHIND']);
    expect(codes({ newUnits: [{ code: 'STC', name: 'x', kind: 'department' }], transfers: [{ from: 'STNMT', to: 'STC' }], close: [{ code: 'STNMT', usersTo: 'NOPE' }] })).toEqual(['UNIT_CODE_TAKEN', 'UNIT_USERS_TARGET_INVALID']);
    expect(codes({ transfers: [{ from: 'SNN', to: 'SNN' }], close: [] })).toEqual(['UNIT_TRANSFER_TO_SELF']);
    expect(codes({ transfers: [], close: [] })).toEqual(['UNIT_RESTRUCTURE_EMPTY']);
  });

  it('refuses a second closing of a unit that already has an end date', () => {
    const closed: RestructuringFacts = { ...facts, units: new Map([...facts.units, ['STC', { code: 'STC', effectiveFrom: '2008-01-01', effectiveTo: '2025-03-31' }]]) };
    expect(planRestructuring({ effectiveDate: '2025-03-01', newUnits: [], transfers: [{ from: 'STC', to: 'SNN' }], close: [{ code: 'STC' }] }, closed).errors.map((e) => e.code)).toEqual(['UNIT_ALREADY_CLOSED']);
  });
});
