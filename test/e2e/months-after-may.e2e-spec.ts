import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { ConsolidationService } from '../../apps/worker/src/consolidation/consolidation.service';
import { RenderingService } from '../../apps/worker/src/rendering/rendering.service';
import { demoPassword, seedDemo } from '../../apps/cli/src/commands';
import { playScriptedMonth, readDemoMonth, ScriptedMonthResult } from '../../apps/cli/src/scripted-month';
import type { SubmissionView } from '../../libs/contracts/src';
import { createDataSource } from '../../libs/database/src';
import { dec, Dec, vnInstant } from '../../libs/domain/src';
import { OffsetClock } from '../../libs/queue/src';
import { playScriptedPeriod } from '../../apps/cli/src/scripted-period';
import { createTestDatabase } from '../support/test-db';
import { testConfig } from '../support/test-config';

/**
 * The year goes on with no code change between months: after the demo's May, June, July and August
 * 2024 are opened, the units' figures (config/demo/2024-MM.json) entered and approved month after
 * month; in August the cumulative figures are those of eight months and the report says "8 tháng".
 * The six months of 2024 are then consolidated from January–June and signed after May's report, in
 * the same yearly sequence.
 */
describe('June, July and August 2024 after the demo’s May', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let app: INestApplication;
  const months = new Map<number, ScriptedMonthResult>();
  const config = testConfig();
  const password = demoPassword(config.TONGHOP_CONFIG_DIR);
  const http = () => request(app.getHttpServer());
  // logins are throttled per user: one token each for the whole file
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, `Bearer ${(await http().post('/api/auth/login').send({ username, password }).expect(200)).body.accessToken}`);
    return tokens.get(username)!;
  };

  beforeAll(async () => {
    database = await createTestDatabase('months');
    ds = createDataSource(database.url);
    await ds.initialize();
    await seedDemo(ds, config.TONGHOP_CONFIG_DIR);
    // the API's clock: Tuesday 20 August 2024, when August's figures are in
    app = await createApp(config, database.url, { logger: false, clock: new OffsetClock(vnInstant('2024-08-20', '09:00')) });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
    months.set(5, await playScriptedMonth(base, password, config.TONGHOP_CONFIG_DIR));
    for (const month of [6, 7, 8]) months.set(month, await playScriptedMonth(base, password, config.TONGHOP_CONFIG_DIR, () => undefined, { year: 2024, month }));
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
    await database?.drop();
  });

  it('approves every unit month after month', () => {
    expect([...months.values()].map((m) => [m.label, m.approved])).toEqual([
      ['tháng 5 năm 2024', 29], ['tháng 6 năm 2024', 29], ['tháng 7 năm 2024', 29], ['tháng 8 năm 2024', 29],
    ]);
  });

  it('serves August’s cumulatives as the sum of eight approved months', async () => {
    const reviewer = await token('reviewer');
    const list = (await http().get(`/api/submissions?periodId=${months.get(8)!.periodId}`).set('Authorization', reviewer).expect(200)).body;
    const stc = list.find((s: { unitCode: string }) => s.unitCode === 'STC');
    const view = (await http().get(`/api/submissions/${stc.id}`).set('Authorization', reviewer).expect(200)).body as SubmissionView;
    const revenue = view.values.find((v) => v.indicatorCode === 'budget_revenue')!;
    const typed = (m: number) => {
      if (m <= 4) return null;
      const v = readDemoMonth(config.TONGHOP_CONFIG_DIR, { year: 2024, month: m }).submissions.find((s) => s.unit === 'STC')!.values.find((x) => x.indicatorCode === 'budget_revenue')!.value;
      return dec(String(v));
    };
    const early = revenue.basis!.earlier.filter((e) => e.period <= 4).map((e) => dec(e.value!));
    const expected = [...early, ...[5, 6, 7, 8].map((m) => typed(m)!)].reduce((a: Dec, b) => a.plus(b), dec(0));
    expect(revenue.basis!.earlier.map((e) => e.period)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(revenue.derived).toMatchObject({ cumulative: expected.toFixed(), cumulativeSource: 'computed' });
  });

  /** The period's report as the worker would consolidate it (here in the test's process: no worker, no Redis). */
  const consolidated = async (periodId: string) => {
    const [{ id: actorId }] = await ds.query(`SELECT id FROM users WHERE username = 'reviewer'`);
    await new ConsolidationService(ds).consolidate({ periodId, trigger: `request:${randomUUID()}`, actorId });
    const [report] = (await http().get(`/api/reports?periodId=${periodId}`).set('Authorization', await token('reviewer')).expect(200)).body;
    return (await http().get(`/api/reports/${report.id}`).set('Authorization', await token('reviewer')).expect(200)).body;
  };
  /** Sent, signed (the worker's rendering with the signer's signature, here in the test's process) and issued by the records office, which numbers it. */
  const sign = async (report: { id: string; version: number }) => {
    const sent = (await http().post(`/api/reports/${report.id}/send`).set('Authorization', await token('reviewer')).send({ version: report.version }).expect(200)).body;
    const signed = (await http().post(`/api/reports/${report.id}/sign`).set('Authorization', await token('signer')).send({ version: sent.version }).expect(200)).body;
    const [{ id: revisionId }] = await ds.query(`SELECT id FROM report_revisions WHERE report_id = $1 AND number = $2`, [report.id, signed.revision]);
    await new RenderingService(ds, null as never, config).render(revisionId); // render() uses no queue
    return (await http().post(`/api/reports/${report.id}/issue`).set('Authorization', await token('clerk')).send({ version: signed.version }).expect(200)).body;
  };

  it('consolidates August into a report that says "8 tháng" everywhere', async () => {
    const view = await consolidated(months.get(8)!.periodId);
    expect(view.current.header.title).toEqual(['Tình hình kinh tế - xã hội tháng 8 và 8 tháng đầu năm,', 'nhiệm vụ trọng tâm tháng 9 năm 2024']);
    const text = [view.current.header.title.join(' '), ...view.current.sections.flatMap((s: { heading: string; text: string }) => [s.heading, s.text]), ...view.current.footnotes.map((f: { text: string }) => f.text)].join('\n');
    expect(view.current.sections.find((s: { id: string }) => s.id === 'II').heading).toBe('TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 8 VÀ 8 THÁNG NĂM 2024');
    const counts = [...text.matchAll(/(?<![\d.,])(\d+) tháng/gu)].map((m) => Number(m[1]));
    expect(counts.length).toBeGreaterThan(5);
    expect(counts.filter((n) => n !== 8)).toEqual([]);
    expect(text).toMatch(/lũy kế 8 tháng đầu năm tổng thu ngân sách ước đạt [\d.,]+ tỷ đồng/);
  });

  it('signs the six months of 2024 in the same yearly sequence as the months, its figures from January–June', async () => {
    expect((await sign(await consolidated(months.get(5)!.periodId))).numberLine).toBe('Số: 01/BC-UBND');
    const half = await playScriptedPeriod(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`, password, config.TONGHOP_CONFIG_DIR, { type: 'half_year', year: 2024, number: 1 });
    const view = await consolidated(half.periodId);
    expect(view.current.header.title).toEqual(['Tình hình kinh tế - xã hội 6 tháng đầu năm 2024,', 'phương hướng, nhiệm vụ 6 tháng cuối năm 2024']);
    expect(view.current.notices).toEqual([]);
    const sections = view.current.sections as Array<{ id: string; number: string; heading: string; text: string; figures: Array<{ source: { indicatorCode: string; field: string; value: string; months?: Array<{ month: number; submissionId: string; value: string }> } }> }>;
    expect(sections[0]).toMatchObject({ number: 'PHẦN THỨ NHẤT.', heading: 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2024' });
    expect(sections.find((s) => s.id === 'targets')!.text).toMatch(/Có \d+\/8 chỉ tiêu chủ yếu đạt từ 50% kế hoạch năm trở lên/);
    const counts = [...sections.map((s) => s.text).join('\n').matchAll(/(?<![\d.,])(\d+) tháng/gu)].map((m) => Number(m[1]));
    expect(counts.filter((n) => n !== 6)).toEqual([]);
    // the budget's six-month figure: the sum of the six approved months of the finance department, each named
    const revenue = sections.find((s) => s.id === 'II.1.7')!.figures.find((f) => f.source.indicatorCode === 'budget_revenue' && f.source.field === 'cumulative')!.source;
    const stc = await ds.query(
      `SELECT p.number, s.id, v.numeric_value::text AS value FROM submissions s JOIN periods p ON p.id = s.period_id JOIN reporting_units u ON u.id = s.unit_id
         JOIN submission_values v ON v.submission_id = s.id AND v.indicator_code = 'budget_revenue'
        WHERE u.code = 'STC' AND p.type = 'month' AND p.year = 2024 AND p.number <= 6 AND s.state = 'approved' ORDER BY p.number`,
    );
    expect(revenue.months!.map((m) => [m.month, m.submissionId])).toEqual(stc.map((r: { number: number; id: string }) => [r.number, r.id]));
    expect(stc.reduce((a: Dec, r: { value: string }) => a.plus(dec(r.value)), dec(0)).toFixed()).toBe(revenue.value);
    const signed = await sign(view);
    expect(signed).toMatchObject({ numberLine: 'Số: 02/BC-UBND', placeDate: 'Lạng Sơn, ngày 20 tháng 8 năm 2024' });
  });
});
