import ExcelJS from 'exceljs';
import { vnInstant } from '../../libs/domain/src';
import { ManualClock } from '../../libs/queue/src';
import { startTestApp, TestApp } from '../support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Kế hoạch năm and điều chỉnh kế hoạch over HTTP: % of plan uses the target in force; a bad line refuses the whole entry. */
describe('annual plans (HTTP, real Postgres)', () => {
  const clock = new ManualClock(vnInstant('2024-05-20', '10:00'));
  let t: TestApp;
  let maySub: string;
  const auth = async () => ({ Authorization: `Bearer ${await t.token('admin')}` });

  beforeAll(async () => {
    t = await startTestApp('plans', { clock });
    const may = await t.http().post('/api/periods').set(await auth()).send({ type: 'month', year: 2024, number: 5 }).expect(201);
    [{ id: maySub }] = await t.db.query(
      `SELECT s.id FROM submissions s JOIN reporting_units u ON u.id = s.unit_id WHERE s.period_id = $1 AND u.code = 'SA'`,
      [may.body.id],
    );
    const [{ version }] = await t.db.query(`SELECT version FROM submissions WHERE id = $1`, [maySub]);
    await t.http().put(`/api/submissions/${maySub}/values`).set({ Authorization: `Bearer ${await t.token('officer-sa')}` })
      .send({ version, values: [{ indicatorCode: 'forest', value: '710,83' }] }).expect(200);
  });
  afterAll(() => t.close());

  async function forest() {
    const view = await t.http().get(`/api/submissions/${maySub}`).set(await auth()).expect(200);
    return view.body.values.find((v: { indicatorCode: string }) => v.indicatorCode === 'forest').derived;
  }

  async function snapshot() {
    return t.db.query(
      `SELECT (SELECT json_agg(json_build_object('c', indicator_code, 'y', year, 't', target::text) ORDER BY indicator_code, year) FROM indicator_plans) AS plans,
              (SELECT count(*)::int FROM indicator_plan_revisions) AS revisions, (SELECT count(*)::int FROM audit_log) AS audit`,
    );
  }

  async function workbook(rows: unknown[][]): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Kế hoạch 2024');
    sheet.addRow(['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch', 'Áp dụng từ ngày', 'Văn bản điều chỉnh']);
    for (const r of rows) sheet.addRow(r);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('lists the indicators the form plans, with the year’s targets', async () => {
    const res = await t.http().get('/api/plans/2024').set(await auth()).expect(200);
    expect(res.body.plans).toEqual([
      { indicatorCode: 'forest', name: 'Trồng rừng mới', unit: 'ha', target: '9009', revisions: [] },
      { indicatorCode: 'sown', name: 'Diện tích gieo trồng', unit: 'ha', target: '48463', revisions: [] },
    ]);
    expect(await forest()).toMatchObject({ cumulative: '5000', plan: '9009' });
  });

  it('a revision from May changes May’s % of plan; one from June does not', async () => {
    const decision = 'Nghị quyết số 45/NQ-HĐND ngày 30/4/2024 điều chỉnh kế hoạch';
    const res = await t.http().put('/api/plans/2024').set(await auth()).send({
      lines: [
        { indicatorCode: 'forest', target: '10000', effectiveFrom: '2024-05-01', decision },
        { indicatorCode: 'forest', target: '12.500', effectiveFrom: '2024-06-01', decision },
      ],
    }).expect(200);
    expect(res.body.plans[0].revisions).toEqual([
      { effectiveFrom: '2024-05-01', target: '10000', decision },
      { effectiveFrom: '2024-06-01', target: '12500', decision },
    ]);
    const derived = await forest();
    expect(derived).toMatchObject({ plan: '10000', cumulative: '5000' });
    expect(derived.planPct).toMatch(/^50(\.0+)?$/);
    const [audit] = await t.db.query(`SELECT action, after FROM audit_log WHERE entity_type = 'plan_year' ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ action: 'plan.entered', after: { lines: [expect.objectContaining({ indicatorCode: 'forest', target: '10000' }), expect.anything()] } });
  });

  it('refuses a bad line on the screen, naming it, and writes nothing', async () => {
    const before = await snapshot();
    const res = await t.http().put('/api/plans/2024').set(await auth()).send({
      lines: [{ indicatorCode: 'sown', target: '50000' }, { indicatorCode: 'buffalo', target: '1' }, { indicatorCode: 'forest', target: '9500', effectiveFrom: '2024-08-01' }],
    }).expect(422);
    expect(res.body.code).toBe('PLAN_INVALID');
    expect(res.body.details.map((d: { code: string; message: string }) => [d.code, d.message.slice(0, 6)])).toEqual([
      ['PLAN_UNKNOWN_INDICATOR', 'Dòng 2'],
      ['PLAN_DECISION_REQUIRED', 'Dòng 3'],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('imports a workbook in the documented layout, all rows or none', async () => {
    const bad = await workbook([
      ['forest', 'Trồng rừng mới', 9100],
      ['sown', 'Diện tích gieo trồng', 'nhiều'],
      ['cattle', 'Đàn bò', 5],
      ['sown', 'Diện tích gieo trồng', 50000, '2025-07-01', 'QĐ 1'],
    ]);
    const before = await snapshot();
    const refused = await t.http().post('/api/plans/2024/import').set(await auth()).set('Content-Type', XLSX).send(bad).expect(422);
    expect(refused.body.code).toBe('PLAN_INVALID');
    expect(refused.body.details.map((d: { code: string; message: string }) => [d.code, d.message.split(':')[0]])).toEqual([
      ['PLAN_BAD_TARGET', 'Dòng 3'],
      ['PLAN_UNKNOWN_INDICATOR', 'Dòng 4'],
      ['PLAN_BAD_DATE', 'Dòng 5'],
    ]);
    expect(await snapshot()).toEqual(before);

    const junk = await t.http().post('/api/plans/2024/import').set(await auth()).set('Content-Type', XLSX).send(Buffer.from('not a workbook')).expect(400);
    expect(junk.body.code).toBe('PLAN_FILE_UNREADABLE');
    expect(await snapshot()).toEqual(before);

    const good = await workbook([
      ['forest', 'Trồng rừng mới', 9100],
      ['sown', 'Diện tích gieo trồng', '49.000'],
      ['sown', 'Diện tích gieo trồng', 51000, new Date(Date.UTC(2024, 4, 10)), 'Nghị quyết 50/NQ-HĐND'],
    ]);
    const res = await t.http().post('/api/plans/2024/import').set(await auth()).set('Content-Type', XLSX).send(good).expect(201);
    expect(res.body.plans).toEqual([
      expect.objectContaining({ indicatorCode: 'forest', target: '9100' }),
      { indicatorCode: 'sown', name: 'Diện tích gieo trồng', unit: 'ha', target: '49000', revisions: [{ effectiveFrom: '2024-05-10', target: '51000', decision: 'Nghị quyết 50/NQ-HĐND' }] },
    ]);
    const [audit] = await t.db.query(`SELECT action FROM audit_log WHERE entity_type = 'plan_year' ORDER BY id DESC LIMIT 1`);
    expect(audit.action).toBe('plan.imported');
  });
});
