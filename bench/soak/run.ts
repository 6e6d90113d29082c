/**
 * npm run soak — a month's traffic, compressed (issue 16, item 7). Not in CI.
 *
 * The demo (29 reporting units) on a database of its own, the built API and worker as in production (NODE_ENV=development only so that the demo's accounts stay open).
 * The scripted months of the demo, May to December 2024 (each: the period opened, every unit fills and
 * submits, one is returned and fixed, the office approves, the worker consolidates and renders), spread
 * evenly over the duration, under a steady background of what people do between deadlines: officers
 * opening their forms and inboxes, reviewers their lists and the dashboard. Sampled all along: Redis
 * memory of the run's queue prefix (the server's too), the outbox's rows, BullMQ's job sets per queue,
 * the sizes of the growing Postgres tables, and the API's heap after a full GC (bench/soak/heap-probe.js).
 * Reported: each series' slope per hour, over the whole run and over its second half (steady state).
 *
 *   npm run soak                       # an hour
 *   npm run soak -- --minutes 3        # a quick check of the harness
 * Knobs: --minutes N (SOAK_MINUTES, default 60), SOAK_RPS (background requests per second, default 5),
 * REDIS_URL, BENCH_ADMIN_URL.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { ApiClient } from '../../apps/cli/src/api-client';
import { demoPassword } from '../../apps/cli/src/commands';
import { playScriptedMonth } from '../../apps/cli/src/scripted-month';
import { QUEUES, redisOptions } from '../../libs/queue/src';
import { seededRandom } from '../../test/support/seeded-random';
import { freshDemoDatabase } from '../deadline-day/setup';
import { peakRssMb, startNode, waitFor } from '../deadline-day/processes';

const ROOT = join(__dirname, '..', '..');
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const MINUTES = Number(arg('minutes') ?? process.env.SOAK_MINUTES ?? 60);
const RPS = Number(process.env.SOAK_RPS || 5);
const ADMIN_URL = process.env.BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const DB = 'tonghop_bench_soak';
const API_PORT = 3131;
const JWT_SECRET = 'bench-soak-jwt-secret-0123456789abcdef0123';
const MONTHS = [5, 6, 7, 8, 9, 10, 11, 12].map((month) => ({ year: 2024, month }));
const TABLES = ['outbox_events', 'notifications', 'email_deliveries', 'audit_log', 'reminders', 'report_revisions', 'report_files', 'submission_values'];
const API_FLAGS = (require(join(ROOT, 'package.json')).scripts.start as string).split(/\s+/).filter((a) => a.startsWith('--'));

const t0 = Date.now();
const log = (m: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${DB}` }).toString();

/** least-squares slope of (hours, value) */
function slope(points: Array<[number, number]>): number | null {
  if (points.length < 3) return null;
  const n = points.length;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  const sxx = points.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  return sxx === 0 ? null : points.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / sxx;
}

interface Sample {
  at: number;
  [series: string]: number;
}

async function main() {
  const durationMs = MINUTES * 60_000;
  log(`soak: ${MINUTES} min, ${MONTHS.length} scripted months, background ${RPS} req/s`);
  const configDir = join(ROOT, 'config');
  await freshDemoDatabase(ADMIN_URL, dbUrl, DB, configDir, log);
  const prefix = `soak-${randomBytes(3).toString('hex')}`;
  const heapFile = join(os.tmpdir(), `${prefix}-heap.jsonl`);
  const env = { DATABASE_URL: dbUrl, REDIS_URL, QUEUE_PREFIX: prefix, NODE_ENV: 'development' /* a production start deactivates the demo's accounts (published password) */, JWT_SECRET, PORT: String(API_PORT), SMTP_URL: '', LOGIN_THROTTLE_LIMIT: '100000' };
  const api = startNode('api', 'dist/apps/api/main.js', [...API_FLAGS, '--expose-gc', '-r', join(__dirname, 'heap-probe.js')], { ...env, SOAK_HEAP_FILE: heapFile, SOAK_HEAP_EVERY_MS: String(Math.max(2000, Math.min(30_000, durationMs / 120))) }, log);
  const worker = startNode('worker', 'dist/apps/worker/main.js', [], env, log);
  const base = `http://127.0.0.1:${API_PORT}/api`;
  await waitFor(async () => (await fetch(`${base}/health`)).status === 200, 60_000, 'the API');
  await waitFor(async () => worker.output().includes('Worker đang chạy'), 60_000, 'the worker');

  const redis = new Redis(REDIS_URL);
  const queues = Object.values(QUEUES).map((name) => new Queue(name, { connection: redisOptions(REDIS_URL), prefix }));
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  const samples: Sample[] = [];
  const sample = async () => {
    let keys = 0;
    let bytes = 0;
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      keys += batch.length;
      for (const k of batch) bytes += Number((await redis.memory('USAGE', k)) ?? 0);
    } while (cursor !== '0');
    const info = await redis.info('memory');
    const s: Sample = { at: Date.now(), redisPrefixKeys: keys, redisPrefixMb: bytes / 2 ** 20, redisServerMb: Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0) / 2 ** 20 };
    const [outbox] = (await db.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE dispatched_at IS NULL)::int AS pending FROM outbox_events`)).rows;
    s.outboxRows = outbox.total;
    s.outboxPending = outbox.pending;
    for (const t of TABLES) {
      const r = await db.query(`SELECT pg_total_relation_size($1::regclass)::float8 / 1048576 AS mb, (SELECT reltuples FROM pg_class WHERE oid = $1::regclass)::float8 AS est FROM (SELECT 1) x`, [t]).catch(() => null);
      if (r) s[`pg_${t}_mb`] = r.rows[0].mb;
    }
    for (const q of queues) {
      const c = await q.getJobCounts('completed', 'failed', 'waiting', 'delayed', 'active');
      s[`jobs_${q.name}`] = c.completed + c.failed + c.waiting + c.delayed + c.active;
      s[`jobs_${q.name}_failed`] = c.failed;
    }
    s.apiRssMb = (() => {
      try {
        return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${api.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      } catch {
        return 0;
      }
    })();
    s.workerRssMb = (() => {
      try {
        return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${worker.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      } catch {
        return 0;
      }
    })();
    samples.push(s);
  };

  const password = demoPassword(configDir);
  const client = new ApiClient(base);
  const officers = (await db.query(`SELECT username FROM users WHERE role = 'officer' AND active ORDER BY username`)).rows.map((r: { username: string }) => r.username as string);
  // access tokens live 15 minutes: signed in again after 10, as the web app refreshes its session
  const tokens = new Map<string, { token: string; at: number }>();
  const token = async (u: string) => {
    const held = tokens.get(u);
    if (held && Date.now() - held.at < 10 * 60_000) return held.token;
    const fresh = { token: await client.login(u, password), at: Date.now() };
    tokens.set(u, fresh);
    return fresh.token;
  };
  for (const u of ['reviewer', 'admin', ...officers]) await token(u);

  // the steady background: what people open between deadlines
  const background = { sent: 0, errors: 0, errorsByRoute: {} as Record<string, number> };
  let stop = false;
  const rnd = seededRandom(16);
  const browse = (async () => {
    const gap = 1000 / RPS;
    let next = Date.now();
    while (!stop) {
      next += gap;
      const who = rnd() < 0.7 ? officers[Math.floor(rnd() * officers.length)] : 'reviewer';
      const paths = who === 'reviewer' ? ['/periods', '/me/notifications', '/dashboard/timeliness?year=2024&through=12', '/reports'] : ['/submissions', '/me/notifications', '/periods', '/me'];
      const path = paths[Math.floor(rnd() * paths.length)];
      void fetch(`${base}${path}`, { headers: { authorization: `Bearer ${await token(who)}` } })
        .then((r) => {
          background.sent++;
          if (r.status >= 400) {
            background.errors++;
            const key = `${who === 'reviewer' ? 'reviewer' : 'officer'} GET ${path} ${r.status}`;
            background.errorsByRoute[key] = (background.errorsByRoute[key] ?? 0) + 1;
          }
          return r.arrayBuffer();
        })
        .catch(() => {
          background.sent++;
          background.errors++;
        });
      const d = next - Date.now();
      if (d > 0) await sleep(d);
    }
  })();

  // the run's clock starts once everything is up: the months spread over the duration itself
  const soakStart = Date.now();
  const everyMs = Math.max(5000, Math.min(60_000, durationMs / 60));
  await sample();
  const sampler = setInterval(() => void sample().catch((e) => log(`sample failed: ${String(e)}`)), everyMs);
  const monthsPlayed: Array<{ month: string; ms: number; approved?: number; error?: string }> = [];
  for (let i = 0; i < MONTHS.length; i++) {
    const due = soakStart + (i * durationMs) / MONTHS.length;
    if (Date.now() < due) await sleep(due - Date.now());
    const m = MONTHS[i];
    const start = Date.now();
    try {
      const r = await playScriptedMonth(base, password, configDir, () => undefined, m);
      monthsPlayed.push({ month: `${m.month}/${m.year}`, ms: Date.now() - start, approved: r.approved });
      log(`month ${m.month}/${m.year}: ${r.approved}/${r.units} approved in ${((Date.now() - start) / 1000).toFixed(1)} s; background ${background.sent} requests, ${background.errors} errors`);
    } catch (error) {
      monthsPlayed.push({ month: `${m.month}/${m.year}`, ms: Date.now() - start, error: String(error).slice(0, 300) });
      log(`month ${m.month}/${m.year} failed: ${String(error).slice(0, 300)}`);
    }
  }
  const end = soakStart + durationMs;
  while (Date.now() < end) await sleep(Math.min(5000, end - Date.now()));
  stop = true;
  await browse;
  clearInterval(sampler);
  await sample();

  const heap = readFileSync(heapFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { at: number; heapUsed: number; rss: number });
  rmSync(heapFile, { force: true });
  const peak = { api: round(peakRssMb(api.child.pid!), 1), worker: round(peakRssMb(worker.child.pid!), 1) };
  await Promise.all([api.stop(), worker.stop()]);
  for (const q of queues) {
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  }
  await redis.quit();
  await db.end();

  const hours = (at: number) => (at - soakStart) / 3_600_000;
  const half = soakStart + (samples[samples.length - 1].at - soakStart) / 2;
  const played = monthsPlayed.filter((m) => !m.error).length;
  const series = Object.keys(samples[0]).filter((k) => k !== 'at');
  /** start and end, growth per scripted month played (what a deployment gains per reporting cycle), slope per hour of the run */
  const slopes: Record<string, { start: number; end: number; perMonth: number | null; perHour: number | null; perHourSecondHalf: number | null }> = {};
  for (const k of series) {
    const pts = samples.map((s) => [hours(s.at), s[k]] as [number, number]);
    const [first, last] = [pts[0][1], pts[pts.length - 1][1]];
    slopes[k] = { start: round(first), end: round(last), perMonth: played ? round((last - first) / played) : null, perHour: round(slope(pts) ?? NaN), perHourSecondHalf: round(slope(samples.filter((s) => s.at >= half).map((s) => [hours(s.at), s[k]])) ?? NaN) };
  }
  const heapPts = heap.map((h) => [hours(h.at), h.heapUsed / 2 ** 20] as [number, number]);
  slopes.apiHeapMb = {
    start: round(heapPts[0]?.[1] ?? NaN),
    end: round(heapPts[heapPts.length - 1]?.[1] ?? NaN),
    perMonth: played && heapPts.length ? round((heapPts[heapPts.length - 1][1] - heapPts[0][1]) / played) : null,
    perHour: round(slope(heapPts) ?? NaN),
    perHourSecondHalf: round(slope(heap.filter((h) => h.at >= half).map((h) => [hours(h.at), h.heapUsed / 2 ** 20])) ?? NaN),
  };
  const result = {
    name: 'soak',
    value: slopes.apiHeapMb.perHourSecondHalf,
    unit: 'MB/h',
    baseline: 0,
    ratio: null,
    notes:
      `${MINUTES} min: the demo's scripted months May–December 2024 spread evenly, under ${RPS} background req/s (forms, inboxes, lists, dashboard). ` +
      `value = slope of the API's heap after a full GC over the second half (MB per hour; flat is 0). Slopes of every series in \`slopes\` ` +
      `(per hour of the run, whole and second half). Machine shared: load average ${os.loadavg().map((x) => round(x, 1)).join(' ')} at the end.`,
    slopes,
    months: monthsPlayed,
    background,
    peakRssMb: peak,
    samples: samples.length,
    heapSamples: heap.length,
    environment: { node: process.version, cpus: os.cpus().length, minutes: MINUTES, rps: RPS },
    measuredAt: new Date().toISOString(),
  };
  const out = join(ROOT, 'bench', 'results', MINUTES === 60 ? 'soak.json' : `soak-${MINUTES}min.json`);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  for (const [k, v] of Object.entries(slopes)) log(`  ${k.padEnd(28)} ${String(v.start).padStart(10)} → ${String(v.end).padStart(10)}   per month ${v.perMonth}   slope/h ${v.perHour}   second half ${v.perHourSecondHalf}`);
  log(`  background: ${background.sent} requests, ${background.errors} errors ${JSON.stringify(background.errorsByRoute)}`);
  log(`→ ${out.slice(ROOT.length + 1)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
