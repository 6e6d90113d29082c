import type { IndicatorCatalogueItem, IndicatorSeriesView, SubmissionView, TimelinessMatrix } from '../../libs/contracts/src';
import { DemoApp, startDemoApp } from '../support/demo-app';

const FOREST = 'new_forest_planted';

/** The approved monthly series on the demo's history (January 2023 – April 2024) and May 2024 as SNN submits it. */
describe('indicator series', () => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await startDemoApp('series', ['SNN']);
  }, 120_000);
  afterAll(() => t.close());

  const get = async <T>(username: string, path: string, status = 200) => {
    const res = await t.http().get(path).set('Authorization', `Bearer ${await t.token(username)}`);
    expect({ path, status: res.status, body: res.status === status ? undefined : res.body }).toEqual({ path, status, body: undefined });
    return res.body as T;
  };

  it('lists the monthly form’s figures with their units and rules, no narratives', async () => {
    const catalogue = await get<IndicatorCatalogueItem[]>('officer-sxd', '/api/indicators');
    const forest = catalogue.find((i) => i.code === FOREST)!;
    expect(forest).toMatchObject({ name: 'Trồng rừng mới', unitOfMeasure: 'ha', kind: 'number', units: [{ code: 'SNN' }] });
    expect(forest.rule).toMatchObject({ hasCumulative: true, hasPlan: true, compareOn: 'cumulative', decimals: 2 });
    expect(catalogue.some((i) => (i.kind as string) === 'text')).toBe(false);
    expect(catalogue.length).toBeGreaterThan(200);
  });

  it('names the dashboard’s key indicators from the data file, in its order', async () => {
    const key = await get<IndicatorCatalogueItem[]>('signer', '/api/indicators/key');
    expect(key.map((i) => i.code)).toEqual(['budget_revenue', 'retail_sales', 'export_customs', 'tourists', 'public_investment_disbursed', FOREST]);
  });

  it('returns the demo history and May 2024 with the cumulative and % of plan of the submission view', async () => {
    const body = await get<IndicatorSeriesView>('signer', `/api/indicators/${FOREST}/series?from=2023-01&to=2024-05`);
    expect(body.series.map((s) => s.unit.code)).toEqual(['SNN']);
    const points = body.series[0].points;
    expect(points.map((p) => p.period)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`),
      '2024-01', '2024-02', '2024-03', '2024-04', '2024-05',
    ]);
    expect(points.every((p) => p.value !== null && p.source !== null)).toBe(true);
    const may = points[16];
    const view = await get<SubmissionView>('reviewer', `/api/submissions/${t.submissions.get('SNN')}`);
    const v = view.values.find((x) => x.indicatorCode === FOREST)!;
    expect(may).toMatchObject({
      value: v.value,
      cumulative: v.derived!.cumulative,
      planPct: v.derived!.planPct,
      plan: v.derived!.plan,
      samePeriodChangePct: v.derived!.samePeriodChangePct,
      source: { submissionId: t.submissions.get('SNN') },
    });
    expect(may).toMatchObject({ value: '710.83', cumulative: '5000' });
    // the report's "đạt 55,5% kế hoạch"
    expect(Number(may.planPct).toFixed(1)).toBe('55.5');
    // every earlier month: its own cumulative from January
    const jan = points[12];
    const apr = points[15];
    expect(jan.cumulative).toBe(jan.value);
    expect(apr.cumulative).toBe(String(Number(may.cumulative) - Number(may.value)));
  });

  it('shows an officer only their own unit, and another unit’s series is not found', async () => {
    const own = await get<IndicatorSeriesView>('officer-snn', `/api/indicators/${FOREST}/series?from=2024-01&to=2024-05`);
    expect(own.series.map((s) => s.unit.code)).toEqual(['SNN']);
    const other = await get<IndicatorSeriesView>('officer-sxd', `/api/indicators/${FOREST}/series?from=2024-01&to=2024-05`);
    expect(other.series.map((s) => s.unit.code)).toEqual(['SXD']);
    expect(other.series[0].points.every((p) => p.value === null && p.source === null)).toBe(true);
    const refused = await get<{ code: string }>('officer-sxd', `/api/indicators/${FOREST}/series?from=2024-01&to=2024-05&unit=SNN`, 404);
    expect(refused.code).toBe('UNIT_NOT_FOUND');
  });

  it('gives the dashboard the year’s timeliness, unit × month: imported history is "recorded", May as the server judged it', async () => {
    const m = await get<TimelinessMatrix>('signer', '/api/dashboard/timeliness?year=2024&through=5');
    expect(m.months).toEqual([1, 2, 3, 4, 5]);
    const snn = m.units.find((u) => u.unitCode === 'SNN')!;
    // May was submitted today, on the real clock, long after its deadline of 16/05/2024
    expect(snn.cells.map((c) => c.timeliness)).toEqual(['recorded', 'recorded', 'recorded', 'recorded', 'late']);
    expect(m.units.find((u) => u.unitCode === 'SXD')!.cells[4]).toMatchObject({ month: 5, state: 'draft' });
    await get('officer-snn', '/api/dashboard/timeliness?year=2024&through=5', 403);
  });

  it('refuses bad months and unknown indicators with a code', async () => {
    expect((await get<{ code: string }>('signer', `/api/indicators/${FOREST}/series?from=2024-13&to=2024-05`, 400)).code).toBe('VALIDATION_FAILED');
    expect((await get<{ code: string }>('signer', `/api/indicators/${FOREST}/series?from=2024-05&to=2024-01`, 400)).code).toBe('PERIOD_INVALID');
    expect((await get<{ code: string }>('signer', `/api/indicators/no_such/series?from=2024-01&to=2024-05`, 404)).code).toBe('INDICATOR_NOT_FOUND');
  });

  it('finds every unit that reported the indicator, kept by the approval, even one that no longer fills it', async () => {
    const units = async () => (await get<IndicatorSeriesView>('reviewer', `/api/indicators/${FOREST}/series?from=2024-01&to=2024-05`)).series.map((s) => s.unit.code);
    const may = t.submissions.get('SNN')!;
    const [{ unit_id: snn }] = await t.db.query(`SELECT unit_id FROM submissions WHERE id = $1`, [may]);
    const reporters = () => t.db.query(`SELECT indicator_code FROM indicator_reporters WHERE unit_id = $1 AND indicator_code = $2`, [snn, FOREST]);
    // the approval records who reported the code (the trigger on the submission's state)
    await t.db.query(`DELETE FROM indicator_reporters WHERE unit_id = $1`, [snn]);
    await t.db.query(`UPDATE submissions SET state = 'submitted' WHERE id = $1`, [may]);
    await t.db.query(`UPDATE submissions SET state = 'approved' WHERE id = $1`, [may]);
    expect(await reporters()).toHaveLength(1);
    // the form no longer gives SNN the indicator: its approved figures still make its series
    const filled: Array<{ section_id: string }> = await t.db.query(
      `SELECT su.section_id FROM form_section_units su JOIN indicators i ON su.section_id = i.section_id WHERE i.code = $1 AND su.unit_id = $2`,
      [FOREST, snn],
    );
    expect(filled.length).toBeGreaterThan(0);
    await t.db.query(`DELETE FROM form_section_units WHERE section_id = ANY($1) AND unit_id = $2`, [filled.map((f) => f.section_id), snn]);
    try {
      expect(await units()).toEqual(['SNN']);
      // and without the record, nobody: the series reads only the units it names
      await t.db.query(`DELETE FROM indicator_reporters WHERE unit_id = $1`, [snn]);
      expect(await units()).toEqual([]);
    } finally {
      for (const f of filled) await t.db.query(`INSERT INTO form_section_units (section_id, unit_id) VALUES ($1, $2)`, [f.section_id, snn]);
    }
  });
});
