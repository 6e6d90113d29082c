'use strict';
/**
 * npm run bench:reminders
 *
 * 20,000 due reminders (40 units × 500 periods, synthetic) through scan → queue → inbox rows, with
 * two worker processes (dist/apps/worker/main.js), against a baseline measured on the same Redis
 * and Postgres in the same run: two processes of BullMQ jobs that do nothing but insert one row
 * each. Runs: baseline, ours, baseline, ours; the figures are the averages of each pair.
 *
 * Output: bench/results/reminders.json + a summary on stdout.
 * Knobs (experiments only): BENCH_UNITS, BENCH_PERIODS, BENCH_CONCURRENCY (baseline; ours is 16), REDIS_URL.
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Queue } = require('bullmq');
const Redis = require('ioredis');
const { Client } = require('pg');
const { setupDatabase } = require('./setup');

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS_FILE = path.join(ROOT, 'bench', 'results', 'reminders.json');
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const WORKERS = 2;
const CONCURRENCY = 16; // the reminders processor's concurrency (apps/worker/src/processors.ts)
/** the job options of libs/queue DEFAULT_JOB_OPTIONS, so that both sides keep the same history in Redis */
const JOB_OPTIONS = { attempts: 6, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: { age: 7 * 24 * 3600, count: 10000 }, removeOnFail: false };

const t0 = Date.now();
const log = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const redisConnection = () => {
  const u = new URL(REDIS_URL);
  return { host: u.hostname, port: Number(u.port || 6379) };
};

const children = new Set();
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

function spawnNode(name, file, env, readyText) {
  const child = spawn(process.execPath, [file], { cwd: ROOT, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.output = '';
  const ready = new Promise((resolve, reject) => {
    const onData = (d) => {
      child.output = (child.output + d).slice(-20000);
      if (child.output.includes(readyText)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      children.delete(child);
      reject(new Error(`${name} exited (${code}):\n${child.output}`));
    });
  });
  return { child, ready };
}

async function stopAll(list) {
  await Promise.all(
    list.map(({ child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return undefined;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      return exited.then(() => clearTimeout(timer));
    }),
  );
}

async function until(check, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}

/** Every key of a run's prefix: the workers' queues and schedulers too, not only the queue the driver used. */
async function dropPrefix(prefix) {
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

async function count(db, sql) {
  return (await db.query(sql)).rows[0].n;
}

function cpuSeconds(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** Baseline: the producer adds N jobs (addBulk, like our scan), two processes insert one row per job. */
async function baselineRun(data, db, n) {
  const prefix = `bench-base-${randomBytes(3).toString('hex')}`;
  const workers = Array.from({ length: WORKERS }, (_, i) =>
    spawnNode(`baseline-${i}`, path.join(__dirname, 'baseline-worker.js'), { DATABASE_URL: data.databaseUrl, REDIS_URL, QUEUE_PREFIX: prefix, BENCH_CONCURRENCY: String(CONCURRENCY) }, 'baseline worker ready'),
  );
  await Promise.all(workers.map((w) => w.ready));
  const queue = new Queue('bench-baseline', { connection: redisConnection(), prefix });
  try {
    await db.query('TRUNCATE bench_baseline_rows');
    const cpu0 = workers.map((w) => cpuSeconds(w.child.pid));
    const start = Date.now();
    for (let i = 0; i < n; i += 1000) {
      await queue.addBulk(Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({ name: 'row', data: { i: i + k }, opts: { ...JOB_OPTIONS, jobId: `row-${i + k}` } })));
    }
    await until(async () => (await count(db, 'SELECT count(*)::int AS n FROM bench_baseline_rows')) >= n, 600_000, 'baseline rows');
    const seconds = (Date.now() - start) / 1000;
    const failed = (await queue.getJobCounts('failed')).failed;
    const workerCpu = workers.reduce((s, w, i) => s + cpuSeconds(w.child.pid) - cpu0[i], 0);
    return { kind: 'baseline', jobs: n, seconds, perSecond: n / seconds, failed, workerCpuSeconds: workerCpu, load: os.loadavg()[0] };
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await stopAll(workers);
    await dropPrefix(prefix);
  }
}

/** Ours: one scan job finds the 20,000 due reminders and queues them; two worker processes write the inbox. */
async function reminderRun(data, db, n) {
  const prefix = `bench-rem-${randomBytes(3).toString('hex')}`;
  const env = { DATABASE_URL: data.databaseUrl, REDIS_URL, QUEUE_PREFIX: prefix, FAKE_NOW: data.now, REMINDER_SCAN_EVERY_MS: '0', SMTP_URL: '', NODE_ENV: 'production', JWT_SECRET: 'bench-reminders-jwt-secret-0123456789abcdef' };
  const workers = Array.from({ length: WORKERS }, (_, i) => spawnNode(`worker-${i}`, path.join(ROOT, 'dist/apps/worker/main.js'), env, 'Worker đang chạy'));
  await Promise.all(workers.map((w) => w.ready));
  const queue = new Queue('reminders', { connection: redisConnection(), prefix });
  try {
    await until(async () => (await queue.getWorkers()).length >= WORKERS, 30_000, 'both workers on the reminders queue');
    await db.query('TRUNCATE notifications, reminders CASCADE');
    const cpu0 = workers.map((w) => cpuSeconds(w.child.pid));
    const start = Date.now();
    const scan = await queue.add('scan', {}, { jobId: `bench-scan-${randomBytes(4).toString('hex')}`, attempts: 1 });
    // the scan's own record is trimmed from Redis with the completed jobs (count 10,000): read it as soon as it is done
    let scanned = null;
    await until(async () => {
      if (!scanned) {
        const state = await scan.getState();
        if (state === 'failed') throw new Error(`the scan failed: ${(await queue.getJob(scan.id)).failedReason}`);
        if (state === 'completed') scanned = await queue.getJob(scan.id);
      }
      return (await count(db, 'SELECT count(*)::int AS n FROM notifications')) >= n;
    }, 600_000, 'inbox rows');
    const seconds = (Date.now() - start) / 1000;
    const failed = (await queue.getJobCounts('failed')).failed;
    const reminders = await count(db, 'SELECT count(*)::int AS n FROM reminders');
    const notifications = await count(db, 'SELECT count(*)::int AS n FROM notifications');
    const workerCpu = workers.reduce((s, w, i) => s + cpuSeconds(w.child.pid) - cpu0[i], 0);
    return {
      kind: 'reminders', jobs: n, seconds, perSecond: n / seconds, failed, reminders, notifications,
      scanSeconds: scanned ? (scanned.finishedOn - scanned.processedOn) / 1000 : null, scanResult: scanned ? scanned.returnvalue : null, workerCpuSeconds: workerCpu, load: os.loadavg()[0],
    };
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await stopAll(workers);
    await dropPrefix(prefix);
  }
}

async function main() {
  log('setting up database tonghop_bench_reminders');
  const data = await setupDatabase({ log: () => undefined });
  const n = data.submissions;
  log(`${data.units} units × ${data.periods} periods = ${n} draft submissions, all overdue on ${data.now}`);
  const db = new Client({ connectionString: data.databaseUrl });
  await db.connect();
  const runs = [];
  try {
    const order = process.env.BENCH_ONLY ? [process.env.BENCH_ONLY] : ['baseline', 'reminders', 'baseline', 'reminders'];
    for (const kind of order) {
      const r = kind === 'baseline' ? await baselineRun(data, db, n) : await reminderRun(data, db, n);
      runs.push(r);
      log(`${kind.padEnd(9)} ${r.jobs} in ${r.seconds.toFixed(2)} s = ${r.perSecond.toFixed(0)}/s, failed ${r.failed}` +
        (r.kind === 'reminders' ? `, rows: ${r.reminders} reminders, ${r.notifications} inbox; scan ${r.scanSeconds === null ? '?' : r.scanSeconds.toFixed(2)} s` : '') +
        `; workers' CPU ${r.workerCpuSeconds.toFixed(1)} s; load ${r.load.toFixed(2)}`);
      if (r.failed > 0 || (r.kind === 'reminders' && (r.reminders !== n || r.notifications !== n))) throw new Error(`run is not clean: ${JSON.stringify(r)}`);
    }
  } finally {
    await db.end();
  }
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const ours = avg(runs.filter((r) => r.kind === 'reminders').map((r) => r.perSecond));
  const base = avg(runs.filter((r) => r.kind === 'baseline').map((r) => r.perSecond));
  const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
  const maxLoad = Math.max(...runs.map((r) => r.load));
  const result = {
    name: 'reminders',
    value: round(ours, 1),
    unit: 'reminders/s',
    baseline: round(base, 1),
    ratio: round(ours / base, 3),
    notes:
      `${n} due reminders (${data.units} units × ${data.periods} periods, synthetic, all overdue on ${data.now}) from one scan job ` +
      `(Postgres query + the pure policy per submission + addBulk) through ${WORKERS} worker processes (dist/apps/worker/main.js, ` +
      `reminders concurrency ${CONCURRENCY}, pg pool 10) to ${n} sent-reminder rows and ${n} inbox rows (one officer per unit, no e-mail ` +
      `addresses: SMTP is not measured). Baseline: ${WORKERS} processes of BullMQ jobs (concurrency ${CONCURRENCY}, pg pool 10, same job ` +
      `options) that insert one row each, the ${n} jobs added with addBulk; timed from the first add to the last row. Same Redis and ` +
      `Postgres, same run; order baseline, ours, baseline, ours; value and baseline are the averages of each pair. ` +
      `${os.cpus().length} CPUs shared by Redis, Postgres, the workers and the driver; 1-minute load average reached ${maxLoad.toFixed(2)} ` +
      `(other work on the machine disturbs both sides). Target ratio >= 0.5: ${ours / base >= 0.5 ? 'MET' : 'NOT MET'}.`,
    runs: runs.map((r) => ({ ...r, seconds: round(r.seconds, 3), perSecond: round(r.perSecond, 1), workerCpuSeconds: round(r.workerCpuSeconds, 2), load: round(r.load, 2) })),
    environment: { node: process.version, cpus: os.cpus().length, workers: WORKERS, concurrency: CONCURRENCY },
    measuredAt: new Date().toISOString(),
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nreminders: ${result.value} reminders/s vs baseline ${result.baseline} jobs/s → ratio ${result.ratio} (target >= 0.5)`);
  console.log(`  → ${path.relative(ROOT, RESULTS_FILE)}   (total ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
  process.exit(1);
});
