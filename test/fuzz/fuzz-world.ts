import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { ApiClient } from '../../apps/cli/src/api-client';
import { demoPassword, seedDemo } from '../../apps/cli/src/commands';
import { readDemoMonth } from '../../apps/cli/src/scripted-month';
import { ConsolidationService } from '../../apps/worker/src/consolidation/consolidation.service';
import { createDataSource } from '../../libs/database/src';
import { dropQueueKeys } from '../support/redis-keys';
import { createTestDatabase } from '../support/test-db';
import { testConfig } from '../support/test-config';
import { TEST_REDIS_URL } from '../support/test-redis';
import { randomQueuePrefix } from '../support/test-app';
import { installChangeLog } from './change-log';
import type { OpenApiDocument, Pools } from './openapi-requests';

export interface FuzzWorld {
  baseUrl: string;
  db: DataSource;
  doc: OpenApiDocument;
  tokens: Record<string, string | null>;
  pools: Pools;
  close: () => Promise<void>;
}

/** The roles the fuzzer sends requests as: every role of the demo, an officer of another unit, nobody, and a forged token. */
/** the officer's unit keeps its May submission a draft (it can save and submit); the other officer's is approved */
const USERS = { admin: 'admin', reviewer: 'reviewer', signer: 'signer', clerk: 'clerk', officer: 'officer-sxd', 'officer-other': 'officer-snn' };

/**
 * The demo on a database of its own, as far into the month as the fuzzer needs to reach every route
 * with real data: May 2024 opened, SNN and SCT approved, STC submitted, the draft report consolidated
 * (in this process, by the worker's own service: no worker runs, so nothing else writes while the
 * fuzzer watches the database). The API listens on an ephemeral port with its own queue prefix.
 */
export async function startFuzzWorld(label = 'fuzz'): Promise<FuzzWorld> {
  const database = await createTestDatabase(label);
  const db = createDataSource(database.url);
  await db.initialize();
  const configDir = testConfig().TONGHOP_CONFIG_DIR;
  await seedDemo(db, configDir);
  const queuePrefix = randomQueuePrefix(label);
  const app: INestApplication = await createApp(testConfig(), database.url, { logger: ['error'], redisUrl: TEST_REDIS_URL, queuePrefix });
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const api = new ApiClient(`${baseUrl}/api`);
  const password = demoPassword(configDir);
  const tokens: Record<string, string | null> = { anonymous: null, forged: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged' };
  for (const [role, username] of Object.entries(USERS)) tokens[role] = await api.login(username, password);

  const month = readDemoMonth(configDir);
  const period = await api.call<{ id: string }>(tokens.admin!, 'POST', '/periods', { type: 'month', year: month.year, number: month.month });
  const list = await api.call<Array<{ id: string; unitCode: string }>>(tokens.admin!, 'GET', `/submissions?periodId=${period.id}`);
  const typed = new Map(month.submissions.map((s) => [s.unit, s.values]));
  const take = async (unit: string, approve: boolean) => {
    const id = list.find((s) => s.unitCode === unit)!.id;
    const officer = await api.login(`officer-${unit.toLowerCase()}`, password);
    const { version } = await api.call<{ version: number }>(officer, 'GET', `/submissions/${id}`);
    const saved = await api.call<{ version: number }>(officer, 'PUT', `/submissions/${id}/values`, { version, values: typed.get(unit) ?? [] });
    await api.call(officer, 'POST', `/submissions/${id}/submit`, { version: saved.version });
    if (!approve) return;
    const current = await api.call<{ version: number }>(tokens.reviewer!, 'GET', `/submissions/${id}`);
    await api.call(tokens.reviewer!, 'POST', `/submissions/${id}/approve`, { version: current.version });
  };
  await take('SNN', true);
  await take('SCT', true);
  await take('STC', false);
  await new ConsolidationService(db).consolidate({ periodId: period.id, trigger: 'fuzz', actorId: null });

  const doc = (await (await fetch(`${baseUrl}/api/docs-json`)).json()) as OpenApiDocument;
  const column = async (sql: string) => (await db.query(sql)).map((r: { v: unknown }) => String(r.v));
  // the officer's own draft forty times over: half the submission ids drawn are one it may change
  const [own] = await column(`SELECT s.id AS v FROM submissions s JOIN reporting_units u ON u.id = s.unit_id WHERE u.code = 'SXD' AND s.period_id = '${period.id}'`);
  const pools: Pools = {
    submission: [...Array(40).fill(own), ...(await column(`SELECT id AS v FROM submissions ORDER BY created_at DESC, id LIMIT 40`))],
    period: await column(`SELECT id AS v FROM periods ORDER BY 1`),
    report: await column(`SELECT id AS v FROM reports`),
    user: await column(`SELECT id AS v FROM users ORDER BY username LIMIT 10`),
    notification: await column(`SELECT id AS v FROM notifications LIMIT 10`),
    form: await column(`SELECT id AS v FROM form_templates`),
    unit: await column(`SELECT id AS v FROM reporting_units LIMIT 10`),
    unitCode: await column(`SELECT code AS v FROM reporting_units LIMIT 10`),
    // the officer's own indicators, and a few of another unit's (refused in its form)
    indicatorCode: [...(typed.get('SXD') ?? []), ...(typed.get('SNN') ?? []).slice(0, 3)].map((v) => v.indicatorCode),
    code: [...(typed.get('SXD') ?? []), ...(typed.get('SNN') ?? []).slice(0, 3)].map((v) => v.indicatorCode),
    section: await column(`SELECT s->>'id' AS v FROM report_revisions r, jsonb_array_elements(r.content->'sections') s LIMIT 20`),
    sectionid: await column(`SELECT s->>'id' AS v FROM report_revisions r, jsonb_array_elements(r.content->'sections') s LIMIT 20`),
  };
  await installChangeLog(db);
  return {
    baseUrl,
    db,
    doc,
    tokens,
    pools,
    close: async () => {
      await app.close();
      await db.destroy();
      await database.drop();
      await dropQueueKeys(TEST_REDIS_URL, queuePrefix);
    },
  };
}
