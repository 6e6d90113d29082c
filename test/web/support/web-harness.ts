import { INestApplication } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createApp } from '../../../apps/api/src/app.factory';
import { ApiClient } from '../../../apps/cli/src/api-client';
import { demoPassword, seedDemo } from '../../../apps/cli/src/commands';
import { readDemoMonth } from '../../../apps/cli/src/scripted-month';
import { createDataSource } from '../../../libs/database/src';
import { TEST_REDIS_URL } from '../../support/test-redis';
import { startWorkerProcess } from '../../support/worker-process';
import { testConfig } from '../../support/test-config';

const ROOT = resolve(__dirname, '..', '..', '..');
export const WEB_ROOT = join(ROOT, 'dist', 'web');

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** Builds the web app when dist/web is missing or older than its sources (or the domain lib it shares). */
export function ensureWebBuilt(): { built: boolean; ms: number } {
  const index = join(WEB_ROOT, 'index.html');
  const sources = [join(ROOT, 'apps', 'web'), join(ROOT, 'libs', 'domain', 'src')];
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newest))) return { built: false, ms: 0 };
  const started = Date.now();
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
    // jest runs with NODE_ENV=test, and Vite would then bundle React's development build
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return { built: true, ms: Date.now() - started };
}

export interface WebHarness {
  app: INestApplication;
  /** http://127.0.0.1:<port> */
  origin: string;
  api: ApiClient;
  password: string;
  periodId: string;
  /** submission id per unit code */
  submissions: Map<string, string>;
  /** a bearer token for a demo account, signed in once (logins are throttled per user) */
  token: (username: string) => Promise<string>;
  /** every unit of the period filled with its May figures, submitted and approved (what is already done is skipped) */
  approveAll: () => Promise<void>;
  close: () => Promise<void>;
}

export interface HarnessOptions {
  port?: number;
  /** units whose May figures are saved (not submitted) before the test; codes left out per unit */
  prefill?: Record<string, string[]>;
  /** figures a unit types instead of its May ones (indicator code → what it types), wherever its figures are saved */
  figures?: Record<string, Record<string, string | number>>;
  /** units that have submitted, and of them the ones already approved, so the board looks like mid-month */
  submitted?: string[];
  approved?: string[];
  /** the period's deadline; default: two days from today, so the clock of the run decides nothing */
  deadline?: string;
  /**
   * Run the real worker in a child process (on its own queue prefix): outbox relay, notifications,
   * consolidation and rendering. Without it, nothing the worker does happens.
   */
  worker?: boolean;
}

/**
 * The Lạng Sơn demo data on a database of its own, the API serving the built web app, and May 2024
 * opened by the administrator — the state a browser test starts from.
 */
export async function startWebHarness(databaseUrl: string, options: HarnessOptions = {}): Promise<WebHarness> {
  const ds = createDataSource(databaseUrl);
  await ds.initialize();
  await ds.runMigrations();
  await seedDemo(ds, testConfig().TONGHOP_CONFIG_DIR);
  await ds.destroy();
  const redisUrl = TEST_REDIS_URL;
  const queuePrefix = `tonghop-web-${randomBytes(4).toString('hex')}`;
  const app = await createApp(testConfig(), databaseUrl, { logger: ['error'], webRoot: WEB_ROOT, redisUrl, queuePrefix });
  // the repeating reminder scan is off: the inbox then holds what the people's actions caused, nothing the wall clock decided
  const worker = options.worker ? startWorkerProcess({ databaseUrl, redisUrl, queuePrefix }, { REMINDER_SCAN_EVERY_MS: '0' }) : null;
  await app.listen(options.port ?? 0, '127.0.0.1');
  const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const api = new ApiClient(`${origin}/api`);
  const password = demoPassword(testConfig().TONGHOP_CONFIG_DIR);
  const month = readDemoMonth(testConfig().TONGHOP_CONFIG_DIR);
  const admin = await api.login('admin', password);
  // two days from today in Vietnam, where the browser (and the people) are
  const deadline = options.deadline ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(Date.now() + 2 * 86_400_000);
  const period = await api.call<{ id: string }>(admin, 'POST', '/periods', { type: 'month', year: month.year, number: month.month, deadline });
  const list = await api.call<Array<{ id: string; unitCode: string; version: number }>>(admin, 'GET', `/submissions?periodId=${period.id}`);
  const submissions = new Map(list.map((s) => [s.unitCode, s.id]));
  const typed = new Map(month.submissions.map((s) => [s.unit, s.values]));

  const fill = async (unit: string, leaveOut: string[], submit: boolean) => {
    const s = list.find((x) => x.unitCode === unit)!;
    const officer = await api.login(`officer-${unit.toLowerCase()}`, password);
    const own = options.figures?.[unit] ?? {};
    const values = (typed.get(unit) ?? [])
      .filter((v) => !leaveOut.includes(v.indicatorCode))
      .map((v) => (v.indicatorCode in own ? { ...v, value: own[v.indicatorCode] } : v));
    const saved = await api.call<{ version: number }>(officer, 'PUT', `/submissions/${s.id}/values`, { version: s.version, values });
    if (submit) await api.call(officer, 'POST', `/submissions/${s.id}/submit`, { version: saved.version });
  };
  for (const [unit, leaveOut] of Object.entries(options.prefill ?? {})) await fill(unit, leaveOut, false);
  for (const unit of options.submitted ?? []) await fill(unit, [], true);
  if (options.approved?.length) {
    const reviewer = await api.login('reviewer', password);
    for (const unit of options.approved) {
      const id = submissions.get(unit)!;
      const { version } = await api.call<{ version: number }>(reviewer, 'GET', `/submissions/${id}`);
      await api.call(reviewer, 'POST', `/submissions/${id}/approve`, { version });
    }
  }
  const tokens = new Map<string, Promise<string>>();
  const token = (username: string) => {
    if (!tokens.has(username)) tokens.set(username, api.login(username, password));
    return tokens.get(username)!;
  };
  const approveAll = async () => {
    const reviewer = await token('reviewer');
    const now = await api.call<Array<{ id: string; unitCode: string; state: string }>>(reviewer, 'GET', `/submissions?periodId=${period.id}`);
    for (const s of now) {
      if (s.state === 'approved') continue;
      if (s.state === 'draft' || s.state === 'returned') {
        const officer = await token(`officer-${s.unitCode.toLowerCase()}`);
        const { version } = await api.call<{ version: number }>(officer, 'GET', `/submissions/${s.id}`);
        const saved = await api.call<{ version: number }>(officer, 'PUT', `/submissions/${s.id}/values`, { version, values: typed.get(s.unitCode) ?? [] });
        await api.call(officer, 'POST', `/submissions/${s.id}/submit`, { version: saved.version });
      }
      const { version } = await api.call<{ version: number }>(reviewer, 'GET', `/submissions/${s.id}`);
      await api.call(reviewer, 'POST', `/submissions/${s.id}/approve`, { version });
    }
  };
  const close = async () => {
    await worker?.stop();
    await app.close();
  };
  return { app, origin, api, password, periodId: period.id, submissions, token, approveAll, close };
}
