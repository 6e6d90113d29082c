import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { ApiClient } from '../../apps/cli/src/api-client';
import { demoPassword, seedDemo } from '../../apps/cli/src/commands';
import { playScriptedMonth, ScriptedMonthResult } from '../../apps/cli/src/scripted-month';
import { createDataSource } from '../../libs/database/src';
import type { FigureField, SubmissionView, ValueView } from '../../libs/contracts/src';
import { formatNumber } from '../../libs/domain/src';
import expected from '../fixtures/may-2024-expected.json';
import { createTestDatabase } from '../support/test-db';
import { testConfig } from '../support/test-config';

/** The demo's scripted month on the seeded Lạng Sơn data, through HTTP, reproduces the report's figures. */
describe('the Lạng Sơn May 2024 demo month', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let app: INestApplication;
  let base: string;
  let month: ScriptedMonthResult;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    ds = createDataSource(database.url);
    await ds.initialize();
    await seedDemo(ds, testConfig().TONGHOP_CONFIG_DIR);
    app = await createApp(testConfig(), database.url, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
    month = await playScriptedMonth(base, demoPassword(testConfig().TONGHOP_CONFIG_DIR), testConfig().TONGHOP_CONFIG_DIR);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
    await database?.drop();
  });

  it('is seeded idempotently', async () => {
    const count = async () => (await ds.query(`SELECT (SELECT count(*) FROM users) u, (SELECT count(*) FROM submissions) s, (SELECT count(*) FROM indicators) i, (SELECT count(*) FROM indicator_plans) p`))[0];
    const before = await count();
    const again = await seedDemo(ds, testConfig().TONGHOP_CONFIG_DIR);
    expect(again).toMatchObject({ usersCreated: 0, historySubmissions: 0 });
    expect(await count()).toEqual(before);
  });

  it('ends with every unit approved, one of them after a return with a comment', async () => {
    expect(month.units).toBe(29);
    expect(month.approved).toBe(29);
    expect(month.returned).not.toBeNull();
    const api = new ApiClient(base);
    const officer = await api.login(`officer-${month.returned!.unitCode.toLowerCase()}`, demoPassword(testConfig().TONGHOP_CONFIG_DIR));
    const view = await api.call<{ state: string; reviews: Array<{ action: string; comments: Array<{ indicatorCode: string }> }> }>(
      officer, 'GET', `/submissions/${month.returned!.submissionId}`,
    );
    expect(view.state).toBe('approved');
    expect(view.reviews.map((r) => r.action)).toEqual(['submit', 'return', 'submit', 'approve']);
    expect(view.reviews[1].comments[0].indicatorCode).toBe(month.returned!.indicatorCode);
  });

  it('serves the report’s derived figures, to the decimal shown there', async () => {
    const api = new ApiClient(base);
    const reviewer = await api.login('reviewer', demoPassword(testConfig().TONGHOP_CONFIG_DIR));
    const list = await api.call<Array<{ id: string; unitCode: string }>>(reviewer, 'GET', `/submissions?periodId=${month.periodId}`);
    const views = new Map<string, Map<string, ValueView>>();
    for (const s of list) {
      const v = await api.call<SubmissionView>(reviewer, 'GET', `/submissions/${s.id}`);
      views.set(s.unitCode, new Map(v.values.map((x) => [x.indicatorCode, x])));
    }
    const mismatches = [];
    for (const e of expected) {
      const entry = views.get(e.unit)?.get(e.indicatorCode);
      const raw = e.field === 'value' ? entry?.value : entry?.derived?.[e.field as Exclude<FigureField, 'value'>];
      const actual = raw === null || raw === undefined ? null : formatNumber(raw, { decimals: e.decimals });
      if (actual !== e.expected) mismatches.push(`${e.unit}/${e.indicatorCode}.${e.field}: ${actual} ≠ ${e.expected}`);
    }
    expect(mismatches).toEqual([]);
  });
});
