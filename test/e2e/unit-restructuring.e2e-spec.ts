import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { ApiClient } from '../../apps/cli/src/api-client';
import { demoPassword, seedDemo } from '../../apps/cli/src/commands';
import { applyLangSon2025, langSon2025Request, playQuickMonth, RestructureAnswer } from '../../apps/cli/src/restructuring-2025';
import { playScriptedMonth } from '../../apps/cli/src/scripted-month';
import type { SubmissionView, UnitView } from '../../libs/contracts/src';
import { createDataSource, loadConsolidationInput } from '../../libs/database/src';
import { dec, provenanceValue, ReportTemplate, vnInstant } from '../../libs/domain/src';
import { OffsetClock } from '../../libs/queue/src';
import { createTestDatabase } from '../support/test-db';
import { testConfig } from '../support/test-config';

/**
 * Lạng Sơn's restructuring of 1 March 2025, applied through the API on the demo data after May 2024
 * and January–February 2025 are approved: the merged Sở Nông nghiệp và Môi trường fills both
 * predecessors' indicators from March, and its May 2025 cumulative and "so với cùng kỳ" figures are
 * computed from their approved months (named by submission).
 */
describe('the 1 March 2025 restructuring on the demo data', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let app: INestApplication;
  let api: ApiClient;
  let answer: RestructureAnswer;
  const may2025 = { periodId: '' };
  const config = testConfig();
  const password = demoPassword(config.TONGHOP_CONFIG_DIR);
  const http = () => request(app.getHttpServer());
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, (await http().post('/api/auth/login').send({ username, password }).expect(200)).body.accessToken);
    return tokens.get(username)!;
  };
  const counts = async () =>
    (await ds.query(
      `SELECT (SELECT count(*) FROM reporting_units)::int AS units, (SELECT count(*) FROM unit_lineage)::int AS lineage,
              (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM reporting_units WHERE effective_to IS NOT NULL)::int AS closed,
              (SELECT count(*) FROM users WHERE NOT active)::int AS inactive`,
    ))[0];

  beforeAll(async () => {
    database = await createTestDatabase('restructure');
    ds = createDataSource(database.url);
    await ds.initialize();
    await seedDemo(ds, config.TONGHOP_CONFIG_DIR);
    app = await createApp(config, database.url, { logger: false, clock: new OffsetClock(vnInstant('2025-05-20', '09:00')) });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
    api = new ApiClient(base);
    await playScriptedMonth(base, password, config.TONGHOP_CONFIG_DIR);
    for (const month of [1, 2]) await playQuickMonth(api, password, config.TONGHOP_CONFIG_DIR, { year: 2025, month }, () => undefined);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
    await database?.drop();
  });

  const post = async (path: string, body: object, status: number) => {
    const res = await http().post(`/api/units${path}`).set('Authorization', `Bearer ${await token('admin')}`).send(body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    return res.body;
  };

  it('refuses a bad restructuring with a stable code and writes nothing', async () => {
    const eve = (await http().get('/api/units?date=2025-02-28').set('Authorization', `Bearer ${await token('admin')}`).expect(200)).body as UnitView[];
    const good = langSon2025Request(eve);
    const before = await counts();
    const cases: Array<[object, number, string]> = [
      [{ ...good, transfers: [...good.transfers, { from: 'SKHDTX', to: 'STC' }] }, 404, 'UNIT_NOT_FOUND'],
      [{ ...good, transfers: [{ from: 'SNN', to: 'SNNMT', indicators: ['land_certificates_households'] }], close: [] }, 400, 'UNIT_INDICATOR_NOT_HELD'],
      // February is opened: its drafts name the units of 14 February
      [{ ...good, effectiveDate: '2025-02-01' }, 409, 'UNIT_EFFECTIVE_DATE_IN_OPENED_PERIOD'],
      [{ ...good, effectiveDate: '2025-03-15' }, 400, 'UNIT_EFFECTIVE_DATE_INVALID'],
      [{ ...good, close: good.close.filter((c) => c.code !== 'STNMT') .concat({ code: 'SNN', usersTo: 'SNNMT' }) }, 409, 'UNIT_ALREADY_CLOSED'],
      [{ ...good, transfers: good.transfers.filter((t) => t.from !== 'SGTVT') }, 400, 'UNIT_INDICATORS_LEFT_BEHIND'],
      [{ ...good, newUnits: [...good.newUnits, { code: 'STC', name: 'Sở Tài chính', kind: 'department' }] }, 409, 'UNIT_CODE_TAKEN'],
      [{ ...good, close: good.close.map((c) => ({ ...c, usersTo: 'SKHDT' })) }, 400, 'UNIT_USERS_TARGET_INVALID'],
    ];
    for (const [body, status, code] of cases) {
      const res = await post('/restructurings', body, status);
      expect(res.code).toBe(code);
      expect(res.details.map((d: { code: string }) => d.code)).toContain(code);
    }
    expect(await counts()).toEqual(before);
  });

  it('answers malformed unit requests with a 400, never a 500', async () => {
    const before = await counts();
    const admin = `Bearer ${await token('admin')}`;
    for (const date of ['2025-W18', '2025-05-01T10:00', 'hôm nay']) {
      expect((await http().get(`/api/units?date=${encodeURIComponent(date)}`).set('Authorization', admin)).status).toBe(400);
    }
    const bodies = [
      { effectiveDate: '2025-13-01', decision: 'Quyết định' },
      { effectiveDate: '2025-03-01', decision: 'Quyết định', transfers: 'SNN' },
      { effectiveDate: '2025-03-01', decision: 'Quyết định', transfers: [{ from: 1, to: null }] },
      { effectiveDate: '2025-03-01', decision: 'Quyết định', newUnits: [{ code: 'bad code', name: '', kind: 'planet' }] },
      { effectiveDate: '2025-03-01', decision: 'Quyết định', close: [{ code: 'SNN', usersTo: 42 }] },
    ];
    for (const body of bodies) {
      const res = await http().post('/api/units/restructurings').set('Authorization', admin).send(body);
      expect({ status: res.status, code: res.body.code }).toMatchObject({ status: 400 });
    }
    expect((await http().post('/api/units').set('Authorization', admin).send({ code: 'SX', name: 'Sở X', kind: 'department', effectiveFrom: '2025-W10' })).status).toBe(400);
    expect((await http().patch('/api/units/NOPE').set('Authorization', admin).send({ name: 'Sở X' })).body.code).toBe('UNIT_NOT_FOUND');
    expect((await http().patch('/api/units/SCT').set('Authorization', admin).send({ parentCode: 'SCT' })).body.code).toBe('UNIT_PARENT_INVALID');
    expect(await counts()).toEqual(before);
  });

  it('applies it through the API: one audited action with the lineage, users follow their unit', async () => {
    const before = await counts();
    answer = await applyLangSon2025(api, await token('admin'), () => undefined);
    expect(answer.created.sort()).toEqual(['SDTTG', 'SNNMT']);
    expect(answer.closed.sort()).toEqual(['BDT', 'SGTVT', 'SKHDT', 'SLDTBXH', 'SNN', 'STNMT', 'STTTT']);
    const pairs = new Set(answer.lineage.map((l) => `${l.from}→${l.to}`));
    expect([...pairs].sort()).toEqual(['BDT→SDTTG', 'SGTVT→SXD', 'SKHDT→STC', 'SLDTBXH→SNV', 'SNN→SNNMT', 'STNMT→SNNMT', 'STTTT→SKHCN']);
    expect(answer.lineage).toContainEqual({ from: 'SNN', to: 'SNNMT', code: 'livestock_vaccinations' });
    expect(answer.lineage).toContainEqual({ from: 'STNMT', to: 'SNNMT', code: 'land_certificates_households' });
    expect(answer.users).toContainEqual({ unit: 'SNN', movedTo: 'SNNMT', usernames: ['officer-snn'] });
    const after = await counts();
    expect(after).toMatchObject({ units: before.units + 2, lineage: before.lineage + answer.lineage.length, audit: before.audit + 1, closed: before.closed + 7 });
    const [audit] = await ds.query(`SELECT action, entity_id, after FROM audit_log WHERE action = 'unit.restructured'`);
    expect(audit.entity_id).toBe(answer.id);
    expect(audit.after.lineage).toHaveLength(answer.lineage.length);
    expect(audit.after.decision).toMatch(/HĐND/);
    const [snn] = await ds.query(`SELECT effective_to::text AS "to", merged_into_code AS "into" FROM reporting_units WHERE code = 'SNN'`);
    expect(snn).toEqual({ to: '2025-02-28', into: 'SNNMT' });
  });

  it('refuses to close a unit twice', async () => {
    const res = await post('/SNN/close', { effectiveDate: '2025-04-01', decision: 'Đóng lần hai' }, 409);
    expect(res.code).toBe('UNIT_ALREADY_CLOSED');
  });

  it('gives no new officer to a unit that has ended, and names its successor', async () => {
    const admin = `Bearer ${await token('admin')}`;
    const account = { username: 'canbo-snn-moi', fullName: 'Cán bộ mới', role: 'officer', password: 'một mật khẩu đủ dài cho cán bộ mới' };
    const refused = await http().post('/api/users').set('Authorization', admin).send({ ...account, unitCode: 'SNN' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'UNIT_NOT_IN_FORCE' });
    expect(refused.body.message).toContain('SNNMT');
    expect(await ds.query(`SELECT 1 FROM users WHERE username = $1`, [account.username])).toEqual([]);
    const officer = (await http().post('/api/users').set('Authorization', admin).send({ ...account, unitCode: 'SNNMT' }).expect(201)).body;
    const moved = await http().patch(`/api/users/${officer.id}`).set('Authorization', admin).send({ unitCode: 'STNMT' });
    expect({ status: moved.status, code: moved.body.code }).toEqual({ status: 409, code: 'UNIT_NOT_IN_FORCE' });
    // out of the way of the months played below (they sign in every officer with the demo's password)
    await http().post(`/api/users/${officer.id}/deactivate`).set('Authorization', admin).expect(200);
  });

  it('lists the successors, not the merged units, on 1 May 2025', async () => {
    const codes = async (date: string) =>
      ((await http().get(`/api/units?date=${date}`).set('Authorization', `Bearer ${await token('reviewer')}`).expect(200)).body as UnitView[]).map((u) => u.code);
    const may = await codes('2025-05-01');
    expect(may).toEqual(expect.arrayContaining(['SNNMT', 'SDTTG', 'STC', 'SXD', 'SKHCN', 'SNV']));
    for (const gone of ['SNN', 'STNMT', 'SKHDT', 'SGTVT', 'STTTT', 'SLDTBXH', 'BDT']) expect(may).not.toContain(gone);
    expect(await codes('2025-02-28')).toEqual(expect.arrayContaining(['SNN', 'STNMT', 'SKHDT', 'BDT']));
    expect(await codes('2025-02-28')).not.toContain('SNNMT');
  });

  it('gives Sở Nông nghiệp và Môi trường both predecessors’ indicators in May 2025', async () => {
    for (const month of [3, 4, 5]) {
      const played = await playQuickMonth(api, password, config.TONGHOP_CONFIG_DIR, { year: 2025, month }, () => undefined);
      if (month === 5) may2025.periodId = played.periodId;
    }
    const units = await ds.query(
      `SELECT u.code FROM submissions s JOIN reporting_units u ON u.id = s.unit_id WHERE s.period_id = $1 ORDER BY u.code`,
      [may2025.periodId],
    );
    expect(units.map((u: { code: string }) => u.code)).toEqual(expect.arrayContaining(['SNNMT', 'SDTTG']));
    expect(units.map((u: { code: string }) => u.code)).not.toContain('SNN');
    const view = await snnmtMay();
    const held = new Set(view.values.map((v) => v.indicatorCode));
    const [feb] = await ds.query(
      `SELECT array_agg(v.indicator_code) AS codes FROM submission_values v JOIN submissions s ON s.id = v.submission_id
         JOIN periods p ON p.id = s.period_id JOIN reporting_units u ON u.id = s.unit_id
        WHERE p.type = 'month' AND p.year = 2025 AND p.number = 2 AND u.code IN ('SNN', 'STNMT')`,
    );
    expect(feb.codes.length).toBeGreaterThan(20);
    for (const code of feb.codes) expect(held).toContain(code);
    expect(view.sections.map((s) => s.code)).toEqual(expect.arrayContaining(['II.1.1/SNN', 'II.4/STNMT']));
    expect(view.state).toBe('approved');
  });

  it('computes its May 2025 cumulative and same-period figures from the predecessors’ months, naming their submissions', async () => {
    const view = await snnmtMay();
    const months = async (code: string, year: number) =>
      ds.query(
        `SELECT p.number, u.code AS unit, s.id AS submission, v.numeric_value::text AS value
           FROM submission_values v JOIN submissions s ON s.id = v.submission_id AND s.state = 'approved'
           JOIN periods p ON p.id = s.period_id AND p.type = 'month' JOIN reporting_units u ON u.id = s.unit_id
          WHERE v.indicator_code = $1 AND p.year = $2 AND p.number <= 5 ORDER BY p.number`,
        [code, year],
      ) as Promise<Array<{ number: number; unit: string; submission: string; value: string }>>;
    const sum = (rows: Array<{ value: string }>) => rows.reduce((a, r) => a.plus(dec(r.value)), dec(0));

    // SNN's: cumulative since January, compared with January–May 2024 (all SNN's)
    const vacc2025 = await months('livestock_vaccinations', 2025);
    const vacc2024 = await months('livestock_vaccinations', 2024);
    expect(vacc2025.map((r) => `${r.number}:${r.unit}`)).toEqual(['1:SNN', '2:SNN', '3:SNNMT', '4:SNNMT', '5:SNNMT']);
    expect(vacc2024.map((r) => r.unit)).toEqual(['SNN', 'SNN', 'SNN', 'SNN', 'SNN']);
    const vacc = view.values.find((v) => v.indicatorCode === 'livestock_vaccinations')!;
    expect(vacc.derived).toMatchObject({ cumulative: sum(vacc2025).toFixed(), cumulativeSource: 'computed', samePeriodBase: sum(vacc2024).toFixed() });
    const pct = sum(vacc2025).div(sum(vacc2024)).minus(1).times(100);
    expect(Number(vacc.derived!.samePeriodChangePct)).toBeCloseTo(pct.toNumber(), 6);
    // provenance: January and February are SNN's submissions, May 2024 too
    expect(vacc.basis!.earlier.slice(0, 2).map((b) => b.submissionId)).toEqual([vacc2025[0].submission, vacc2025[1].submission]);
    const snnId = (await ds.query(`SELECT id FROM reporting_units WHERE code = 'SNN'`))[0].id;
    expect(vacc.basis!.earlier[0].unitId).toBe(snnId);
    expect(vacc.basis!.lastYear.find((b) => b.period === 5)!.submissionId).toBe(vacc2024[4].submission);

    // STNMT's: cumulative through the merger, % of plan on the whole year's figures
    const land = await months('land_certificates_households', 2025);
    expect(land.map((r) => r.unit)).toEqual(['STNMT', 'STNMT', 'SNNMT', 'SNNMT', 'SNNMT']);
    const households = view.values.find((v) => v.indicatorCode === 'land_certificates_households')!;
    expect(households.derived!.cumulative).toBe(sum(land).toFixed());

    // the series route: the successor's line runs through the merger, its early points named by SNN's submissions
    const series = (await http().get('/api/indicators/livestock_vaccinations/series?from=2025-01&to=2025-05&unit=SNNMT').set('Authorization', `Bearer ${await token('reviewer')}`).expect(200)).body;
    const points = series.series[0].points as Array<{ value: string; cumulative: string; samePeriodBase: string; source: { submissionId: string } }>;
    expect(points.map((p) => p.source.submissionId)).toEqual(vacc2025.map((r) => r.submission));
    expect(points[4]).toMatchObject({ cumulative: sum(vacc2025).toFixed(), samePeriodBase: sum(vacc2024).toFixed() });

    // the report's consolidation: the same cumulative, from the successor's submission, the same comparison
    const input = await ds.transaction((m) => loadConsolidationInput(m, may2025.periodId, { sections: [] } as unknown as ReportTemplate, null));
    const figure = input.figures.get('livestock_vaccinations')!;
    expect(figure.unitCode).toBe('SNNMT');
    expect(provenanceValue(figure.cumulative!)).toBe(sum(vacc2025).toFixed());
    expect(Number(provenanceValue(figure.samePeriodChangePct!))).toBeCloseTo(pct.toNumber(), 6);
    expect(input.indicators.get('land_certificates_households')!.unitCode).toBe('SNNMT');
    // and its sources (what sign-off checks for changes) name SNN's months it carries, January 2025 and May 2024
    expect(input.submissionIds).toEqual(expect.arrayContaining([vacc2025[0].submission, vacc2025[1].submission, vacc2024[4].submission]));
  });

  async function snnmtMay(): Promise<SubmissionView> {
    const [row] = await ds.query(
      `SELECT s.id FROM submissions s JOIN reporting_units u ON u.id = s.unit_id WHERE s.period_id = $1 AND u.code = 'SNNMT'`,
      [may2025.periodId],
    );
    return (await http().get(`/api/submissions/${row.id}`).set('Authorization', `Bearer ${await token('reviewer')}`).expect(200)).body as SubmissionView;
  }
});
