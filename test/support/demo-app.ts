import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { ApiClient } from '../../apps/cli/src/api-client';
import { demoPassword, seedDemo } from '../../apps/cli/src/commands';
import { readDemoMonth } from '../../apps/cli/src/scripted-month';
import { createDataSource } from '../../libs/database/src';
import { createTestDatabase } from './test-db';
import { testConfig } from './test-config';

export interface DemoApp {
  db: DataSource;
  databaseUrl: string;
  api: ApiClient;
  http: () => TestAgent;
  periodId: string;
  /** submission id per unit code */
  submissions: Map<string, string>;
  token: (username: string) => Promise<string>;
  /** fills the unit's May figures as its officer (some replaced, some marked ước/sơ bộ/chính thức), submits; the reviewer approves */
  approve: (unit: string, replace?: Record<string, string>, statuses?: Record<string, 'estimate' | 'preliminary' | 'official'>) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * The Lạng Sơn demo data (units, form, plans, history January 2023 – April 2024) on a database of
 * its own, the API on an ephemeral port, and May 2024 opened by the administrator; `approve` takes a
 * unit through its month over HTTP, as the demo does.
 */
export async function startDemoApp(label: string, units: string[] = []): Promise<DemoApp> {
  const database = await createTestDatabase(label);
  const db = createDataSource(database.url);
  await db.initialize();
  const configDir = testConfig().TONGHOP_CONFIG_DIR;
  await seedDemo(db, configDir);
  const app: INestApplication = await createApp(testConfig(), database.url, { logger: false });
  await app.listen(0, '127.0.0.1');
  const api = new ApiClient(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`);
  const password = demoPassword(configDir);
  const tokens = new Map<string, Promise<string>>();
  const token = (username: string) => {
    if (!tokens.has(username)) tokens.set(username, api.login(username, password));
    return tokens.get(username)!;
  };
  const month = readDemoMonth(configDir);
  const period = await api.call<{ id: string }>(await token('admin'), 'POST', '/periods', { type: 'month', year: month.year, number: month.month });
  const list = await api.call<Array<{ id: string; unitCode: string }>>(await token('admin'), 'GET', `/submissions?periodId=${period.id}`);
  const submissions = new Map(list.map((s) => [s.unitCode, s.id]));
  const typed = new Map(month.submissions.map((s) => [s.unit, s.values]));
  const approve = async (unit: string, replace: Record<string, string> = {}, statuses: Record<string, 'estimate' | 'preliminary' | 'official'> = {}) => {
    const id = submissions.get(unit)!;
    const officer = await token(`officer-${unit.toLowerCase()}`);
    const { version } = await api.call<{ version: number }>(officer, 'GET', `/submissions/${id}`);
    const values = (typed.get(unit) ?? []).map((v) => ({
      ...v,
      ...(v.indicatorCode in replace ? { value: replace[v.indicatorCode] } : {}),
      ...(v.indicatorCode in statuses ? { status: statuses[v.indicatorCode] } : {}),
    }));
    const saved = await api.call<{ version: number }>(officer, 'PUT', `/submissions/${id}/values`, { version, values });
    await api.call(officer, 'POST', `/submissions/${id}/submit`, { version: saved.version });
    const reviewer = await token('reviewer');
    const current = await api.call<{ version: number }>(reviewer, 'GET', `/submissions/${id}`);
    await api.call(reviewer, 'POST', `/submissions/${id}/approve`, { version: current.version });
  };
  for (const unit of units) await approve(unit);
  return {
    db,
    databaseUrl: database.url,
    api,
    http: () => request(app.getHttpServer()),
    periodId: period.id,
    submissions,
    token,
    approve,
    close: async () => {
      await app.close();
      await db.destroy();
      await database.drop();
    },
  };
}
