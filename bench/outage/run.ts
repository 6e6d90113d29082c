/**
 * npm run drill:redis-outage — issue 16's first "done when", as one command (not in CI: about 5 minutes).
 *
 * The built API and worker started as in production: NODE_ENV=production, a JWT secret of the drill's,
 * a fresh database with the Lạng Sơn catalogue (`seed`), the first administrator made by `create-admin`
 * (its one-time password replaced at first login), who makes the accounts of the drill through the API,
 * each changing its password at first login. The shared clock in Redis, as the demo runs it
 * (CLOCK=redis, set to 13/5/2024 09:00). Redis is a redis-server of the drill's own on a free port.
 *
 * The drill: two units submit May 2024, then Redis is killed for OUTAGE_SECONDS (default 180). During
 * the outage three more units save and submit, the office returns one of the first two and approves the
 * other, while a prober sends the everyday reads (health, periods, submissions, inboxes, reports) four
 * times a second as the officers and the reviewer. Redis is then started empty (what it held is lost).
 * Checked: no 5xx answer at any time; the submissions made during the outage are dated on the clock's
 * last known time; the worker is still running; every event is handled; each submission reaches the
 * reviewer's inbox and the return and the approval their officers', once each.
 *
 *   npm run drill:redis-outage                      # three minutes of outage
 *   OUTAGE_SECONDS=20 npm run drill:redis-outage    # a quick check of the harness
 * Knobs: OUTAGE_SECONDS, BENCH_ADMIN_URL. Writes bench/results/redis-outage-drill.json (value = 5xx answers).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ApiClient } from '../../apps/cli/src/api-client';
import { readDemoMonth } from '../../apps/cli/src/scripted-month';
import { vnInstant } from '../../libs/domain/src';
import { clockKey, RedisClock } from '../../libs/queue/src';
import { OwnRedis } from '../../test/support/own-redis';
import { startNode, waitFor } from '../deadline-day/processes';
import { recreateDatabase } from '../support/fresh-database';

const ROOT = join(__dirname, '..', '..');
const OUTAGE_SECONDS = Number(process.env.OUTAGE_SECONDS || 180);
const ADMIN_URL = process.env.BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'tonghop_drill_redis';
const API_PORT = 3141;
const API_FLAGS = (require(join(ROOT, 'package.json')).scripts.start as string).split(/\s+/).filter((a) => a.startsWith('--'));
/** the units of the drill: the first two submit before the outage, the other three during it */
const BEFORE = ['SNN', 'SCT'];
const DURING = ['STC', 'SXD', 'SYT'];

const t0 = Date.now();
const log = (m: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${DB}` }).toString();

async function main() {
  const configDir = join(ROOT, 'config');
  await recreateDatabase(DB, ADMIN_URL);
  const cli = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'dist/apps/cli/main.js'), ...args], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: dbUrl }, encoding: 'utf8' });
  cli('migrate');
  cli('seed');
  const oneTime = /: (\S+)$/m.exec(cli('create-admin', 'quantri-drill', 'Quản trị diễn tập').trim())?.[1];
  if (!oneTime) throw new Error('create-admin printed no password');

  const redis = new OwnRedis();
  await redis.start();
  const prefix = `drill-${randomBytes(3).toString('hex')}`;
  const demoDay = vnInstant('2024-05-13', '09:00');
  const clock = new RedisClock(redis.url, clockKey(prefix));
  await clock.set(demoDay);
  await clock.close();
  const env = {
    NODE_ENV: 'production', DATABASE_URL: dbUrl, REDIS_URL: redis.url, QUEUE_PREFIX: prefix, CLOCK: 'redis',
    JWT_SECRET: randomBytes(48).toString('base64'), PORT: String(API_PORT), SMTP_URL: '',
  };
  const api = startNode('api', 'dist/apps/api/main.js', API_FLAGS, env, log);
  const worker = startNode('worker', 'dist/apps/worker/main.js', [], env, log);
  const base = `http://127.0.0.1:${API_PORT}/api`;
  const db = new Client({ connectionString: dbUrl });
  try {
    await waitFor(async () => (await fetch(`${base}/health`)).ok, 60_000, 'the API');
    await db.connect();

    // accounts, as an administrator makes them in production
    const client = new ApiClient(base);
    const password = `diễn tập ${randomBytes(6).toString('hex')} mùa mưa`;
    const firstLogin = await client.login('quantri-drill', oneTime);
    await client.call(firstLogin, 'POST', '/auth/password', { currentPassword: oneTime, newPassword: password });
    const adminToken = await client.login('quantri-drill', password);
    const people = [{ username: 'reviewer-drill', role: 'reviewer' }, ...[...BEFORE, ...DURING].map((u) => ({ username: `officer-${u.toLowerCase()}`, role: 'officer', unitCode: u }))];
    const tokens = new Map<string, string>();
    for (const person of people) {
      const given = `mật khẩu tạm ${randomBytes(6).toString('hex')}`;
      await client.call(adminToken, 'POST', '/users', { ...person, fullName: `Người diễn tập ${person.username}`, password: given });
      const first = await client.login(person.username, given);
      await client.call(first, 'POST', '/auth/password', { currentPassword: given, newPassword: password });
      tokens.set(person.username, await client.login(person.username, password));
    }
    const as = (username: string) => tokens.get(username)!;
    log(`production start: ${people.length} accounts made by the administrator`);

    const period = await client.call<{ id: string }>(adminToken, 'POST', '/periods', { type: 'month', year: 2024, number: 5 });
    const typed = new Map(readDemoMonth(configDir).submissions.map((s) => [s.unit, s.values]));
    const fillAndSubmit = async (unit: string) => {
      const officer = as(`officer-${unit.toLowerCase()}`);
      const [row] = await client.call<Array<{ id: string; version: number }>>(officer, 'GET', `/submissions?periodId=${period.id}`);
      const saved = await client.call<{ version: number }>(officer, 'PUT', `/submissions/${row.id}/values`, { version: row.version, values: typed.get(unit) ?? [] });
      const submitted = await client.call<{ id: string; version: number }>(officer, 'POST', `/submissions/${row.id}/submit`, { version: saved.version });
      return { unit, id: row.id, version: submitted.version };
    };

    // the prober: the everyday reads, four a second, all along
    const answers = { sent: 0, byStatus: {} as Record<string, number>, fiveHundreds: [] as string[] };
    let probing = true;
    const probe = (async () => {
      const everyone = ['/health', '/periods', `/submissions?periodId=${period.id}`, '/me/notifications', '/me'];
      for (let i = 0; probing; i++) {
        const reviewing = i % 3 === 0;
        const who = reviewing ? 'reviewer-drill' : `officer-${[...BEFORE, ...DURING][i % 5].toLowerCase()}`;
        const routes = reviewing ? [...everyone, '/reports', `/dashboard/timeliness?year=2024&through=5`] : everyone;
        const route = routes[Math.floor(i / 3) % routes.length];
        const at = ((Date.now() - t0) / 1000).toFixed(1);
        try {
          const res = await fetch(`${base}${route}`, { headers: { authorization: `Bearer ${as(who)}` } });
          await res.arrayBuffer();
          answers.byStatus[res.status] = (answers.byStatus[res.status] ?? 0) + 1;
          if (res.status >= 500) answers.fiveHundreds.push(`${at}s ${who} GET ${route} ${res.status}`);
        } catch (error) {
          answers.byStatus.noAnswer = (answers.byStatus.noAnswer ?? 0) + 1;
          answers.fiveHundreds.push(`${at}s ${who} GET ${route}: no answer (${String(error)})`);
        }
        answers.sent++;
        await sleep(250);
      }
    })();

    const before = await Promise.all(BEFORE.map(fillAndSubmit));
    await waitFor(async () => (await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE handled_at IS NULL`)).rows[0].n === 0, 30_000, 'the first events handled');
    log(`${BEFORE.join(', ')} submitted; Redis killed for ${OUTAGE_SECONDS} s`);

    await redis.stop();
    const outageStart = Date.now();
    const health = await (await fetch(`${base}/health`)).json();
    const during = await Promise.all(DURING.map(fillAndSubmit));
    const reviewer = as('reviewer-drill');
    await client.call(reviewer, 'POST', `/submissions/${before[0].id}/return`, { version: before[0].version, reason: 'Số liệu diện tích gieo trồng chưa khớp với Cục Thống kê, đề nghị rà soát.' });
    await client.call(reviewer, 'POST', `/submissions/${before[1].id}/approve`, { version: before[1].version });
    log(`during the outage: ${DURING.join(', ')} submitted, ${BEFORE[0]} returned, ${BEFORE[1]} approved; health said ${JSON.stringify({ status: health.status, redis: health.redis })}`);
    const dated = (await db.query(`SELECT submitted_at AS at FROM submissions WHERE id = ANY($1)`, [during.map((d) => d.id)])).rows.map((r) => new Date(r.at).toISOString());
    await sleep(Math.max(0, outageStart + OUTAGE_SECONDS * 1000 - Date.now()));

    await redis.start(); // empty: nothing persisted
    log('Redis started again, empty');
    const handledMs = await (async () => {
      const start = Date.now();
      await waitFor(async () => (await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE handled_at IS NULL`)).rows[0].n === 0, 5 * 60_000, 'every event handled');
      return Date.now() - start;
    })();
    await sleep(3000); // a probe or ten with Redis back
    probing = false;
    await probe;

    const inbox = async (username: string) => (await client.call<{ items: Array<{ kind: string; submissionId: string | null }> }>(as(username), 'GET', '/me/notifications')).items;
    const reviewerInbox = await inbox('reviewer-drill');
    const submittedSeen = [...before, ...during].map((s) => reviewerInbox.filter((n) => n.submissionId === s.id).length);
    const returnedSeen = (await inbox(`officer-${BEFORE[0].toLowerCase()}`)).filter((n) => n.submissionId === before[0].id).length;
    const approvedSeen = (await inbox(`officer-${BEFORE[1].toLowerCase()}`)).filter((n) => n.submissionId === before[1].id).length;
    const workerRunning = worker.child.exitCode === null && worker.child.signalCode === null;
    const apiRunning = api.child.exitCode === null && api.child.signalCode === null;
    const checks = {
      noFiveHundred: answers.fiveHundreds.length === 0,
      datedOnLastKnownTime: dated.every((at) => at === demoDay.toISOString()),
      workerRunning,
      apiRunning,
      eachSubmissionInReviewerInboxOnce: submittedSeen.every((n) => n === 1),
      returnInOfficerInboxOnce: returnedSeen === 1,
      approvalInOfficerInboxOnce: approvedSeen === 1,
    };
    for (const [k, v] of Object.entries(checks)) log(`  ${v ? 'ok  ' : 'FAIL'} ${k}`);

    const result = {
      name: 'redis-outage-drill',
      value: answers.fiveHundreds.length,
      unit: '5xx answers',
      baseline: 0,
      ratio: null,
      notes:
        `The built API and worker started as in production (NODE_ENV=production, accounts by create-admin and the administrator, the shared clock in Redis), Redis killed for ${OUTAGE_SECONDS} s then started empty. ` +
        `${answers.sent} probe requests all along (4/s, as officers and the reviewer); during the outage ${DURING.length} submissions, a return and an approval; every event handled ${(handledMs / 1000).toFixed(1)} s after Redis came back.`,
      passed: Object.values(checks).every(Boolean),
      checks,
      outageSeconds: OUTAGE_SECONDS,
      probes: answers,
      healthDuringOutage: { status: health.status, redis: health.redis, downSince: health.downSince },
      eventsHandledAfterRestartMs: handledMs,
      inboxes: { reviewerPerSubmission: submittedSeen, officerReturned: returnedSeen, officerApproved: approvedSeen },
      environment: { node: process.version, cpus: require('node:os').cpus().length },
      measuredAt: new Date().toISOString(),
    };
    const out = join(ROOT, 'bench', 'results', OUTAGE_SECONDS === 180 ? 'redis-outage-drill.json' : `redis-outage-drill-${OUTAGE_SECONDS}s.json`);
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    log(`${result.passed ? 'passed' : 'FAILED'}: ${out}`);
    if (!result.passed) {
      process.exitCode = 1;
      for (const line of answers.fiveHundreds.slice(0, 20)) log(`  ${line}`);
    }
  } finally {
    await db.end().catch(() => undefined);
    await Promise.all([api.stop(), worker.stop()]);
    await redis.stop();
    const cleanup = new Client({ connectionString: ADMIN_URL });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await cleanup.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
