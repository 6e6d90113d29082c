import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { ConsolidationService } from '../../apps/worker/src/consolidation/consolidation.service';
import { demoPassword, seedDemo } from '../../apps/cli/src/commands';
import { playScriptedMonth, readDemoMonth, ScriptedMonthResult } from '../../apps/cli/src/scripted-month';
import type { SubmissionView } from '../../libs/contracts/src';
import { createDataSource } from '../../libs/database/src';
import { dec, Dec } from '../../libs/domain/src';
import { createTestDatabase } from '../support/test-db';
import { testConfig } from '../support/test-config';

/**
 * The year goes on with no code change between months: after the demo's May, June, July and August
 * 2024 are opened, the units' figures (config/demo/2024-MM.json) entered and approved month after
 * month; in August the cumulative figures are those of eight months and the report says "8 tháng".
 */
describe('June, July and August 2024 after the demo’s May', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let app: INestApplication;
  const months = new Map<number, ScriptedMonthResult>();
  const config = testConfig();
  const password = demoPassword(config.TONGHOP_CONFIG_DIR);
  const http = () => request(app.getHttpServer());
  const token = async (username: string) => `Bearer ${(await http().post('/api/auth/login').send({ username, password }).expect(200)).body.accessToken}`;

  beforeAll(async () => {
    database = await createTestDatabase('months');
    ds = createDataSource(database.url);
    await ds.initialize();
    await seedDemo(ds, config.TONGHOP_CONFIG_DIR);
    app = await createApp(config, database.url, { logger: false });
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

  it('consolidates August into a report that says "8 tháng" everywhere', async () => {
    const periodId = months.get(8)!.periodId;
    const [{ id: actorId }] = await ds.query(`SELECT id FROM users WHERE username = 'reviewer'`);
    await new ConsolidationService(ds).consolidate({ periodId, trigger: `request:${randomUUID()}`, actorId });
    const [report] = (await http().get(`/api/reports?periodId=${periodId}`).set('Authorization', await token('reviewer')).expect(200)).body;
    const view = (await http().get(`/api/reports/${report.id}`).set('Authorization', await token('reviewer')).expect(200)).body;
    expect(view.current.header.title).toEqual(['Tình hình kinh tế - xã hội tháng 8 và 8 tháng đầu năm,', 'nhiệm vụ trọng tâm tháng 9 năm 2024']);
    const text = [view.current.header.title.join(' '), ...view.current.sections.flatMap((s: { heading: string; text: string }) => [s.heading, s.text]), ...view.current.footnotes.map((f: { text: string }) => f.text)].join('\n');
    expect(view.current.sections.find((s: { id: string }) => s.id === 'II').heading).toBe('TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 8 VÀ 8 THÁNG NĂM 2024');
    const counts = [...text.matchAll(/(?<![\d.,])(\d+) tháng/gu)].map((m) => Number(m[1]));
    expect(counts.length).toBeGreaterThan(5);
    expect(counts.filter((n) => n !== 8)).toEqual([]);
    expect(text).toMatch(/lũy kế 8 tháng đầu năm tổng thu ngân sách ước đạt [\d.,]+ tỷ đồng/);
  });
});
