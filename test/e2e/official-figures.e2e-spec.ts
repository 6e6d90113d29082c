import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { demoPassword, seedDemo } from '../../apps/cli/src/commands';
import { playScriptedMonth } from '../../apps/cli/src/scripted-month';
import { playScriptedPeriod } from '../../apps/cli/src/scripted-period';
import type { SubmissionView } from '../../libs/contracts/src';
import { createDataSource } from '../../libs/database/src';
import { dec, vnInstant } from '../../libs/domain/src';
import { OffsetClock } from '../../libs/queue/src';
import { createTestDatabase } from '../support/test-db';
import { testConfig } from '../support/test-config';
import { TEST_REDIS_URL } from '../support/test-redis';
import { waitFor } from '../support/wait';
import { startWorkerProcess } from '../support/worker-process';

type Source = { indicatorCode: string; field: string; value: string; status?: string; months?: Array<{ month: number; submissionId: string; value: string; status?: string; revised?: { previousValue: string | null; previousStatus: string | null } }> };
type ReportView = {
  id: string; version: number; state: string; staleReason: string | null;
  revisions: Array<{ number: number; trigger: string }>;
  current: { sections: Array<{ id: string; text: string; figures: Array<{ source: Source }> }>; footnotes: Array<{ text: string }> };
};

/**
 * Estimates, then official figures, on real Postgres and Redis with the real worker: May and June
 * 2024 approved and the six-month report consolidated on them (June an estimate, "ước"), with the
 * table of the year's main targets; June's report signed. The finance department then sends June's
 * official budget revenue as a later version of its approved figure, the office approves it — a new
 * version of the submission, with its own history — and the worker redrafts the six-month report,
 * which prints the new sum and says the June figure is official, with the provenance of that month,
 * while June's signed report is flagged stale rather than rewritten.
 */
describe('estimates and official figures: the six-month report, then June’s official figure', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let app: INestApplication;
  let worker: ReturnType<typeof startWorkerProcess>;
  let base: string;
  const config = testConfig();
  const password = demoPassword(config.TONGHOP_CONFIG_DIR);
  const tokens = new Map<string, string>();
  const http = () => request(app.getHttpServer());
  const as = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, `Bearer ${(await http().post('/api/auth/login').send({ username, password }).expect(200)).body.accessToken}`);
    return tokens.get(username)!;
  };
  const reportOf = async (periodId: string, atLeast: (r: ReportView) => boolean, label: string): Promise<ReportView> =>
    waitFor(async () => {
      const list = (await http().get(`/api/reports?periodId=${periodId}`).set('Authorization', await as('reviewer')).expect(200)).body;
      if (!list.length || !list[0].revisions.length) return null;
      const view = (await http().get(`/api/reports/${list[0].id}`).set('Authorization', await as('reviewer')).expect(200)).body as ReportView;
      return atLeast(view) ? view : null;
    }, 120_000, label);
  const budgetOf = (r: ReportView) => r.current.sections.find((s) => s.id === 'II.1.7')!.figures.find((f) => f.source.indicatorCode === 'budget_revenue' && f.source.field === 'cumulative')!.source;

  let juneId: string;
  let halfId: string;
  let stcJune: { id: string; version: number };
  let estimate: string;
  let before: ReportView;

  beforeAll(async () => {
    database = await createTestDatabase('official');
    ds = createDataSource(database.url);
    await ds.initialize();
    await seedDemo(ds, config.TONGHOP_CONFIG_DIR);
    // the API's clock: Wednesday 10 July 2024, the six months' figures in, June's official figures arriving
    app = await createApp(config, database.url, { logger: false, clock: new OffsetClock(vnInstant('2024-07-10', '09:00')) });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
    worker = startWorkerProcess({ databaseUrl: database.url, redisUrl: TEST_REDIS_URL, queuePrefix: `tonghop-official-${randomBytes(4).toString('hex')}` });
    await playScriptedMonth(base, password, config.TONGHOP_CONFIG_DIR);
    juneId = (await playScriptedMonth(base, password, config.TONGHOP_CONFIG_DIR, () => undefined, { year: 2024, month: 6 })).periodId;
  }, 300_000);
  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await ds?.destroy();
    await database?.drop();
  });

  it('consolidates the six-month report on the estimates, with the targets table "x/y"', async () => {
    halfId = (await playScriptedPeriod(base, password, config.TONGHOP_CONFIG_DIR, { type: 'half_year', year: 2024, number: 1 })).periodId;
    before = await reportOf(halfId, (r) => r.revisions.some((x) => x.trigger.startsWith('approved:')), 'the six-month draft');
    const targets = before.current.sections.find((s) => s.id === 'targets')!.text.split('\n');
    expect(targets[0]).toBe('Ước thực hiện 6 tháng đầu năm 2024 các chỉ tiêu chủ yếu của kế hoạch năm:');
    const items = targets.filter((p) => /^\(\d+\) /.test(p));
    const met = items.filter((p) => /; đạt tiến độ\.$/.test(p)).length;
    expect(items.length).toBe(8);
    expect(targets[targets.length - 1]).toBe(`Có ${met}/8 chỉ tiêu chủ yếu đạt từ 50% kế hoạch năm trở lên (đạt tiến độ).`);
    const budget = budgetOf(before);
    expect(budget.months!.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6]);
    // nobody said anything official: the figures are estimates, and nothing is footnoted as revised
    expect(budget.months!.every((m) => m.status === undefined && m.revised === undefined)).toBe(true);
    expect(before.current.footnotes.some((f) => f.text.includes('số liệu chính thức'))).toBe(false);
    const [row] = await ds.query(
      `SELECT s.id, s.version, trim_scale(v.numeric_value)::text AS value FROM submissions s JOIN reporting_units u ON u.id = s.unit_id
         JOIN submission_values v ON v.submission_id = s.id AND v.indicator_code = 'budget_revenue' WHERE u.code = 'STC' AND s.period_id = $1`,
      [juneId],
    );
    stcJune = { id: row.id, version: row.version };
    estimate = row.value;
    expect(budget.months![5]).toMatchObject({ submissionId: stcJune.id, value: estimate });
  }, 240_000);

  it('June’s report is sent and signed on the estimate', async () => {
    const june = await reportOf(juneId, () => true, 'June’s draft');
    const sent = (await http().post(`/api/reports/${june.id}/send`).set('Authorization', await as('reviewer')).send({ version: june.version }).expect(200)).body;
    expect((await http().post(`/api/reports/${june.id}/sign`).set('Authorization', await as('signer')).send({ version: sent.version }).expect(200)).body.state).toBe('signed');
  }, 120_000);

  it('refuses an official figure without its source, for a figure not of the unit, or going back to an estimate; nothing written', async () => {
    const officer = await as('officer-stc');
    const post = (body: object) => http().post(`/api/submissions/${stcJune.id}/figure-revisions`).set('Authorization', officer).send(body);
    const count = async () => (await ds.query(`SELECT count(*)::int AS n FROM figure_revisions`))[0].n;
    expect((await post({ items: [{ indicatorCode: 'budget_revenue', value: '1', status: 'official' }] }).expect(400)).body.code).toBe('FIGURE_REVISION_REASON_REQUIRED');
    expect((await post({ items: [{ indicatorCode: 'tourists', value: '1', status: 'official' }], reason: 'x' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await post({ items: [{ indicatorCode: 'budget_revenue', value: '1', status: 'estimate' }], reason: 'x' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await post({ items: [{ indicatorCode: 'budget_revenue', value: 'abc', status: 'official' }], reason: 'x' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    // another unit's officer does not see the submission
    expect((await http().post(`/api/submissions/${stcJune.id}/figure-revisions`).set('Authorization', await as('officer-ctk')).send({ items: [{ indicatorCode: 'budget_revenue', value: '1', status: 'official' }], reason: 'x' }).expect(404)).body.code).toBe('SUBMISSION_NOT_FOUND');
    expect(await count()).toBe(0);
  });

  it('takes June’s official figure as a new approved version, and the next six-month draft says so with its provenance', async () => {
    const official = dec(estimate).plus('12.5').toFixed();
    const officer = await as('officer-stc');
    const sent = (await http().post(`/api/submissions/${stcJune.id}/figure-revisions`).set('Authorization', officer)
      .send({ items: [{ indicatorCode: 'budget_revenue', value: official.replace('.', ','), status: 'official' }], reason: 'Số liệu chính thức của Kho bạc Nhà nước tỉnh tháng 6/2024' }).expect(201)).body;
    expect(sent.ids).toHaveLength(1);
    // a second one while the first waits: refused
    expect((await http().post(`/api/submissions/${stcJune.id}/figure-revisions`).set('Authorization', officer)
      .send({ items: [{ indicatorCode: 'budget_revenue', value: '1', status: 'official' }], reason: 'lại' }).expect(409)).body.code).toBe('FIGURE_REVISION_PENDING');
    // until the office decides, the approved figure is the estimate
    let view = (await http().get(`/api/submissions/${stcJune.id}`).set('Authorization', officer).expect(200)).body as SubmissionView;
    expect(view.values.find((v) => v.indicatorCode === 'budget_revenue')).toMatchObject({ value: estimate, status: null });
    expect(view.figureRevisions[0]).toMatchObject({ indicatorCode: 'budget_revenue', value: official, status: 'official', previousValue: estimate, previousStatus: null, state: 'submitted' });

    const queue = (await http().get('/api/figure-revisions').set('Authorization', await as('reviewer')).expect(200)).body;
    expect(queue.map((r: { id: string; unitCode: string }) => [r.id, r.unitCode])).toEqual([[sent.ids[0], 'STC']]);
    const approved = (await http().post(`/api/figure-revisions/${sent.ids[0]}/approve`).set('Authorization', await as('reviewer')).expect(200)).body;
    expect(approved).toMatchObject({ state: 'approved', submissionVersion: stcJune.version + 1 });
    expect((await http().post(`/api/figure-revisions/${sent.ids[0]}/approve`).set('Authorization', await as('reviewer')).expect(409)).body.code).toBe('FIGURE_REVISION_DECIDED');

    view = (await http().get(`/api/submissions/${stcJune.id}`).set('Authorization', officer).expect(200)).body as SubmissionView;
    expect(view).toMatchObject({ state: 'approved', version: stcJune.version + 1 });
    expect(view.values.find((v) => v.indicatorCode === 'budget_revenue')).toMatchObject({ value: official, status: 'official' });
    expect(view.figureRevisions[0]).toMatchObject({ state: 'approved', decidedBy: expect.any(String) });
    const audit = (await http().get(`/api/submissions/${stcJune.id}/audit`).set('Authorization', officer).expect(200)).body as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['figures.revision_submitted', 'figures.revised']));

    // the worker redrafts the six-month report: the sum grows by the 12,5 billion, June official, footnoted
    const after = await reportOf(halfId, (r) => r.revisions.some((x) => x.trigger.startsWith('revised:')), 'the six-month draft with June’s official figure');
    const budget = budgetOf(after);
    expect(dec(budget.value).minus(dec(budgetOf(before).value)).toFixed()).toBe('12.5');
    expect(budget.months![5]).toEqual({ month: 6, submissionId: stcJune.id, value: official, status: 'official', revised: { previousValue: estimate, previousStatus: null } });
    // the other months were never stated: the six months are still an estimate
    expect(budget.status).toBe('estimate');
    expect(after.current.footnotes.map((f) => f.text)).toContain('Số liệu tháng 6/2024 là số liệu chính thức (thay số ước đã báo cáo).');

    // the office was told of the figure sent, the unit of its approval (the worker's notifications)
    const inbox = (username: string, kind: string) =>
      waitFor(async () => {
        const items = (await http().get('/api/me/notifications').set('Authorization', await as(username)).expect(200)).body.items as Array<{ kind: string; title: string }>;
        return items.find((n) => n.kind === kind) ?? null;
      }, 60_000, `${kind} in the inbox of ${username}`);
    expect((await inbox('reviewer', 'figures.revision_submitted')).title).toBe('Sở Tài chính gửi số liệu chính thức của báo cáo tháng 6 năm 2024');
    expect((await inbox('officer-stc', 'figures.revised')).title).toBe('Đã duyệt số liệu chính thức: báo cáo tháng 6 năm 2024 của Sở Tài chính');

    // June's signed report is not rewritten: it is flagged, with the reason
    const june = await waitFor(async () => {
      const r = await reportOf(juneId, () => true, 'June’s report');
      return r.staleReason ? r : null;
    }, 60_000, 'June’s report flagged stale');
    expect(june.state).toBe('signed');
    expect(june.staleReason).toBe('Số liệu chính thức của Sở Tài chính (tháng 6 năm 2024) được duyệt sau khi báo cáo này đã rời bản dự thảo.');
  }, 240_000);

  it('consolidates the six-month draft again when June, corrected, is approved again; once signed, a later official figure flags it', async () => {
    // a correction of June's figures: reopened by the administrator, sent again, approved again
    const monthsRevisions = (r: { revisions: Array<{ trigger: string }> }) => r.revisions.filter((x) => x.trigger.startsWith('months:')).length;
    const beforeCorrection = monthsRevisions(await reportOf(halfId, () => true, 'the six-month report before the correction'));
    const reopened = (await http().post(`/api/submissions/${stcJune.id}/reopen`).set('Authorization', await as('admin'))
      .send({ version: stcJune.version + 1, reason: 'Đính chính số liệu tháng 6' }).expect(200)).body;
    const submitted = (await http().post(`/api/submissions/${stcJune.id}/submit`).set('Authorization', await as('officer-stc')).send({ version: reopened.version }).expect(200)).body;
    await http().post(`/api/submissions/${stcJune.id}/approve`).set('Authorization', await as('reviewer')).send({ version: submitted.version }).expect(200);
    const again = await reportOf(halfId, (r) => monthsRevisions(r) > beforeCorrection, 'the six-month draft after June’s months are all approved again');
    expect(again.state).toBe('drafting');
    expect(budgetOf(again).months![5]).toMatchObject({ submissionId: stcJune.id, status: 'official' });

    // the six-month report sent and signed; then another official figure of June
    const sent = (await http().post(`/api/reports/${again.id}/send`).set('Authorization', await as('reviewer')).send({ version: again.version }).expect(200)).body;
    await http().post(`/api/reports/${again.id}/sign`).set('Authorization', await as('signer')).send({ version: sent.version }).expect(200);
    const [other] = await ds.query(
      `SELECT v.indicator_code AS code, trim_scale(v.numeric_value)::text AS value FROM submission_values v JOIN indicators i ON i.code = v.indicator_code
         JOIN submissions s ON s.id = v.submission_id AND i.template_id = s.form_template_id
        WHERE v.submission_id = $1 AND v.numeric_value IS NOT NULL AND v.indicator_code <> 'budget_revenue' AND i.kind = 'number' ORDER BY v.indicator_code LIMIT 1`,
      [stcJune.id],
    );
    const ids = (await http().post(`/api/submissions/${stcJune.id}/figure-revisions`).set('Authorization', await as('officer-stc'))
      .send({ items: [{ indicatorCode: other.code, value: dec(other.value).plus(1).toFixed().replace('.', ','), status: 'preliminary' }], reason: 'Số liệu sơ bộ' }).expect(201)).body.ids;
    await http().post(`/api/figure-revisions/${ids[0]}/approve`).set('Authorization', await as('reviewer')).expect(200);
    const flagged = await waitFor(async () => {
      const r = (await http().get(`/api/reports/${again.id}`).set('Authorization', await as('reviewer')).expect(200)).body as ReportView;
      return r.staleReason ? r : null;
    }, 60_000, 'the signed six-month report flagged stale');
    expect(flagged.state).toBe('signed');
    // flagged for the official figure only: June's correction came before it was consolidated and signed
    expect(flagged.staleReason).toBe('Số liệu chính thức của Sở Tài chính (tháng 6 năm 2024) được duyệt sau khi báo cáo này đã rời bản dự thảo.');
  }, 240_000);

  it('saves a value’s status with the figures of a draft, and reads it back', async () => {
    const july = (await http().post('/api/periods').set('Authorization', await as('admin')).send({ type: 'month', year: 2024, number: 7 }).expect(201)).body;
    const officer = await as('officer-stc');
    const [mine] = (await http().get(`/api/submissions?periodId=${july.id}`).set('Authorization', officer).expect(200)).body;
    const put = (version: number, status: unknown) =>
      http().put(`/api/submissions/${mine.id}/values`).set('Authorization', officer).send({ version, values: [{ indicatorCode: 'budget_revenue', value: '700', status }] });
    expect((await put(mine.version, 'chính thức').expect(400)).body.code).toBe('VALIDATION_FAILED');
    const saved = (await put(mine.version, 'preliminary').expect(200)).body;
    let view = (await http().get(`/api/submissions/${mine.id}`).set('Authorization', officer).expect(200)).body as SubmissionView;
    expect(view.values.find((v) => v.indicatorCode === 'budget_revenue')).toMatchObject({ value: '700', status: 'preliminary' });
    // a save that does not state it leaves it as it was
    await http().put(`/api/submissions/${mine.id}/values`).set('Authorization', officer).send({ version: saved.version, values: [{ indicatorCode: 'budget_revenue', value: '701' }] }).expect(200);
    view = (await http().get(`/api/submissions/${mine.id}`).set('Authorization', officer).expect(200)).body as SubmissionView;
    expect(view.values.find((v) => v.indicatorCode === 'budget_revenue')).toMatchObject({ value: '701', status: 'preliminary' });
  });
});
