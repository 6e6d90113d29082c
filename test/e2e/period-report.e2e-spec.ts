import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { demoPassword, seedDemo } from '../../apps/cli/src/commands';
import { playScriptedPeriod } from '../../apps/cli/src/scripted-period';
import type { MonthFigureView, SubmissionView } from '../../libs/contracts/src';
import { createDataSource } from '../../libs/database/src';
import { dec, vnInstant } from '../../libs/domain/src';
import { OffsetClock } from '../../libs/queue/src';
import { xmlParagraphs, zipEntry } from '../support/docx-text';
import { createTestDatabase } from '../support/test-db';
import { testConfig } from '../support/test-config';
import { waitFor } from '../support/wait';
import { startWorkerProcess } from '../support/worker-process';
import { TEST_REDIS_URL } from '../support/test-redis';

/** the run's Redis, found by the global setup as the apps find theirs (a spawned one on a bare machine) */
const REDIS_URL = TEST_REDIS_URL;
/** The API's clock: Tuesday 19 March 2024 in Lạng Sơn, after the first quarter's cutoff (14/3). */
const TODAY = vnInstant('2024-03-19', '09:00');

/**
 * The reporting year over HTTP on real Postgres and Redis, with the real worker: the administrator
 * opens every kind of period of 2024 (a wrong type or number is refused, nothing written), and the
 * first quarter goes from opening to signing — its own form filled and approved, the report
 * consolidated from the approved months of January–March, sent and signed.
 */
describe('the reporting year: periods of every type, and a quarter from opening to signing', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let app: INestApplication;
  let worker: ReturnType<typeof startWorkerProcess>;
  let base: string;
  const prefix = `tonghop-year-${randomBytes(4).toString('hex')}`;
  const password = demoPassword(testConfig().TONGHOP_CONFIG_DIR);
  const tokens = new Map<string, string>();
  const http = () => request(app.getHttpServer());
  const as = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, (await http().post('/api/auth/login').send({ username, password }).expect(200)).body.accessToken);
    return `Bearer ${tokens.get(username)}`;
  };

  beforeAll(async () => {
    database = await createTestDatabase('year');
    ds = createDataSource(database.url);
    await ds.initialize();
    await seedDemo(ds, testConfig().TONGHOP_CONFIG_DIR);
    app = await createApp(testConfig(), database.url, { logger: false, clock: new OffsetClock(TODAY) });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
    worker = startWorkerProcess({ databaseUrl: database.url, redisUrl: REDIS_URL, queuePrefix: prefix });
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await ds?.destroy();
    await database?.drop();
  });

  it('refuses a wrong type or number with 400 and a stable code, and writes nothing', async () => {
    const admin = await as('admin');
    const count = async () => (await ds.query(`SELECT (SELECT count(*) FROM periods)::int AS p, (SELECT count(*) FROM submissions)::int AS s, (SELECT count(*) FROM audit_log)::int AS a`))[0];
    const before = await count();
    for (const [body, code] of [
      [{ type: 'week', year: 2024, number: 1 }, 'VALIDATION_FAILED'],
      [{ type: 'quarter', year: 2024, number: 5 }, 'PERIOD_INVALID'],
      [{ type: 'half_year', year: 2024, number: 3 }, 'PERIOD_INVALID'],
      [{ type: 'nine_months', year: 2024, number: 2 }, 'PERIOD_INVALID'],
      [{ type: 'year', year: 2024, number: 2 }, 'PERIOD_INVALID'],
      [{ type: 'month', year: 2024, number: 13 }, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await http().post('/api/periods').set('Authorization', admin).send(body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code });
    }
    expect(await count()).toEqual(before);
  });

  it('opens each of the five types for 2024 with its Decree 09 window, its deadline in working days and its form', async () => {
    const admin = await as('admin');
    const open = async (type: string, number: number) => (await http().post('/api/periods').set('Authorization', admin).send({ type, year: 2024, number }).expect(201)).body;
    const month = await open('month', 6);
    expect(month).toMatchObject({ type: 'month', name: 'Tháng 6/2024', cutoffFrom: '2024-05-15', cutoffTo: '2024-06-14', deadline: '2024-06-18', submissions: { total: 29 } });
    const half = await open('half_year', 1);
    expect(half).toMatchObject({ label: '6 tháng đầu năm 2024', name: '6 tháng đầu năm 2024', months: { first: 1, last: 6 }, cutoffFrom: '2023-12-15', cutoffTo: '2024-06-14', deadline: '2024-06-18' });
    const nine = await open('nine_months', 1);
    // 14/9/2024 is a Saturday: Monday 16, Tuesday 17
    expect(nine).toMatchObject({ label: '9 tháng năm 2024', cutoffFrom: '2023-12-15', cutoffTo: '2024-09-14', deadline: '2024-09-17' });
    const year = await open('year', 1);
    // 14/12/2024 is a Saturday: two working days after it is Tuesday 17/12
    expect(year).toMatchObject({ label: 'năm 2024', name: 'Năm 2024', cutoffFrom: '2023-12-15', cutoffTo: '2024-12-14', deadline: '2024-12-17' });
    // the longer periods are filled on their own form, by the units it names
    const [{ code }] = await ds.query(`SELECT f.code FROM periods p JOIN form_templates f ON f.id = p.form_template_id WHERE p.id = $1`, [half.id]);
    expect(code).toBe('KTXH-KY');
    expect(half.submissions.total).toBe(3);
    // the officer's form of the six months says where each month stands: May never opened, June just opened
    const halfForm = (await http().get(`/api/submissions?periodId=${half.id}`).set('Authorization', await as('officer-ctk')).expect(200)).body[0];
    const halfView = (await http().get(`/api/submissions/${halfForm.id}`).set('Authorization', await as('officer-ctk')).expect(200)).body as SubmissionView;
    expect(halfView.monthStates!.map((m) => [m.month, m.state])).toEqual([[1, 'approved'], [2, 'approved'], [3, 'approved'], [4, 'approved'], [5, null], [6, 'draft']]);
    expect(halfView.monthStates![4].submissionId).toBeNull();
    expect((await http().post('/api/periods').set('Authorization', admin).send({ type: 'year', year: 2024, number: 1 }).expect(409)).body.code).toBe('PERIOD_EXISTS');
    const list = (await http().get('/api/periods').set('Authorization', admin).expect(200)).body as Array<{ name: string }>;
    expect(list.map((p) => p.name).slice(0, 4)).toEqual(['Năm 2024', '9 tháng năm 2024', '6 tháng đầu năm 2024', 'Tháng 6/2024']);
  });

  it('takes the first quarter from opening to signing, its report consolidated from January–March', async () => {
    const quarter = await playScriptedPeriod(base, password, testConfig().TONGHOP_CONFIG_DIR, { type: 'quarter', year: 2024, number: 1 });
    expect(quarter).toMatchObject({ label: 'quý I năm 2024', name: 'Quý I/2024', units: 3 });
    const [period] = await ds.query(`SELECT cutoff_from::text AS "from", cutoff_to::text AS "to", deadline::text AS deadline FROM periods WHERE id = $1`, [quarter.periodId]);
    expect(period).toEqual({ from: '2023-12-15', to: '2024-03-14', deadline: '2024-03-18' });

    // the statistics office's form of the quarter: what it typed, and its figures from the months beside them
    const ctk = (await http().get(`/api/submissions?periodId=${quarter.periodId}`).set('Authorization', await as('officer-ctk')).expect(200)).body[0];
    const view = (await http().get(`/api/submissions/${ctk.id}`).set('Authorization', await as('officer-ctk')).expect(200)).body as SubmissionView;
    expect(view.values.find((v) => v.indicatorCode === 'grdp_growth')!.value).toBe('5.27');
    const retail = view.fromMonths!.find((v) => v.indicatorCode === 'retail_sales') as MonthFigureView;
    expect(retail.aggregation).toBe('flow');
    expect(retail.months.map((m) => m.month)).toEqual([1, 2, 3]);
    expect(retail.value).toBe(retail.months.reduce((a, m) => a.plus(dec(m.value!)), dec(0)).toFixed());
    expect(view.fromMonths!.find((v) => v.indicatorCode === 'cpi_yoy_change_month')!.aggregation).toBe('average');
    // and where each of its months stands: January to March approved (the demo's history), each its own submission
    expect(view.monthStates!.map((m) => [m.month, m.state])).toEqual([[1, 'approved'], [2, 'approved'], [3, 'approved']]);
    expect(new Set(view.monthStates!.map((m) => m.submissionId)).size).toBe(3);
    expect(view.monthStates!.map((m) => m.submissionId)).toEqual(retail.months.map(() => expect.stringMatching(/^[0-9a-f-]{36}$/)));

    const reviewer = await as('reviewer');
    const list = await waitFor(async () => {
      const res = await http().get(`/api/reports?periodId=${quarter.periodId}`).set('Authorization', reviewer);
      return res.body.length && res.body[0].revisions.length ? res.body : null;
    }, 90_000, 'the quarter’s draft consolidated by the worker');
    const reportId = list[0].id;
    const report = (await http().get(`/api/reports/${reportId}`).set('Authorization', reviewer).expect(200)).body;
    expect(report.current.header.title).toEqual(['Tình hình kinh tế - xã hội quý I năm 2024,', 'nhiệm vụ trọng tâm quý II năm 2024']);
    expect(report.current.sections[3]).toMatchObject({ id: 'II.1.1', heading: 'Tăng trưởng kinh tế (GRDP)' });
    expect(report.revisions[0].missingUnits).toEqual([]);
    expect(report.current.notices).toEqual([]);
    // a summed figure shows the months it sums, each with its approved submission
    const budget = report.current.sections.find((s: { id: string }) => s.id === 'II.1.7').figures.find((f: { source: { indicatorCode: string; field: string } }) => f.source.indicatorCode === 'budget_revenue' && f.source.field === 'value');
    expect(budget.source.months.map((m: { month: number }) => m.month)).toEqual([1, 2, 3]);
    const monthSubmissions = await ds.query(
      `SELECT p.number, s.id FROM submissions s JOIN periods p ON p.id = s.period_id JOIN reporting_units u ON u.id = s.unit_id
        WHERE u.code = 'STC' AND p.type = 'month' AND p.year = 2024 AND p.number <= 3 ORDER BY p.number`,
    );
    expect(budget.source.months.map((m: { submissionId: string }) => m.submissionId)).toEqual(monthSubmissions.map((r: { id: string }) => r.id));

    const sent = (await http().post(`/api/reports/${reportId}/send`).set('Authorization', reviewer).send({ version: report.version }).expect(200)).body;
    const signed = (await http().post(`/api/reports/${reportId}/sign`).set('Authorization', await as('signer')).send({ version: sent.version }).expect(200)).body;
    expect(signed).toMatchObject({ state: 'signed' });
    // the worker applies the signer's signature; the records office then numbers, dates and issues it
    await waitFor(async () => {
      const rev = (await http().get(`/api/reports/${reportId}`).set('Authorization', reviewer).expect(200)).body.revisions.find((x: { number: number }) => x.number === signed.revision);
      return rev.files.some((f: { format: string; renderedAs: string }) => f.format === 'pdf' && f.renderedAs === 'signed');
    }, 90_000, 'the signed PDF');
    const issued = (await http().post(`/api/reports/${reportId}/issue`).set('Authorization', await as('clerk')).send({ version: signed.version }).expect(200)).body;
    expect(issued).toMatchObject({ numberLine: 'Số: 01/BC-UBND', placeDate: 'Lạng Sơn, ngày 19 tháng 3 năm 2024' });

    await waitFor(async () => {
      const rev = (await http().get(`/api/reports/${reportId}`).set('Authorization', reviewer).expect(200)).body.revisions.find((x: { number: number }) => x.number === signed.revision);
      // the DOCX, the PDF and the figures' annex (JSON, CSV), all as issued
      return rev.files.length === 4 && rev.files.every((f: { renderedAs: string }) => f.renderedAs === 'issued');
    }, 90_000, 'the issued DOCX and PDF');
    const docx = await waitFor(async () => {
      const res = await http().get(`/api/reports/${reportId}/revisions/${signed.revision}/document.docx`).set('Authorization', reviewer).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      return res.status === 200 ? (res.body as Buffer) : null;
    }, 90_000, 'the signed DOCX');
    const body = xmlParagraphs(zipEntry(docx, 'word/document.xml')!);
    expect(body).toContain('Số: 01/BC-UBND');
    expect(body.some((p) => p.includes('Tình hình kinh tế - xã hội quý I năm 2024,'))).toBe(true);
    expect(body.some((p) => p.startsWith('Tổng sản phẩm trên địa bàn (GRDP) quý I năm 2024 ước tính tăng 5,27% so với cùng kỳ.'))).toBe(true);
  }, 240_000); // the worker renders the draft and the signed document in turn: LibreOffice ~20 s each on 2 busy cores
});
