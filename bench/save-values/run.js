'use strict';
/**
 * npm run bench:save-values
 *
 * Saving a 50-indicator form through our real API (Nest, auth, validation, one-statement save with
 * audit) vs a plain node:http + pg baseline doing one multi-row upsert. 100 connections, each bound
 * to its own submission + officer. Servers and the load generator (autocannon) are separate processes.
 *
 * Runs: baseline, API, baseline, API — each one autocannon run of 5 s warm-up + 15 s measured on the same
 * connections (see load.js); the reported figures are the AVERAGE of the two runs of each server.
 *
 * Output: bench/results/save-values.json + a short summary on stdout.
 * Knobs (for experiments only; defaults are the reference run): BENCH_DURATION, BENCH_WARMUP,
 * BENCH_CONNECTIONS, DATABASE_POOL_SIZE (passed through to the API), BENCH_TIMELINE_DIR (per-response dumps),
 * BENCH_API_NODE_ARGS (extra node flags for the API process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" or "--trace-gc"),
 * BENCH_API_LOG (a file that receives the API's stdout, e.g. the --trace-gc lines).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { setupDatabase, INDICATORS } = require('./setup');

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS_FILE = path.join(ROOT, 'bench', 'results', 'save-values.json');
const API_PORT = 3101;
const BASE_PORT = 3102;
const DURATION = Number(process.env.BENCH_DURATION || 15);
const WARMUP = Number(process.env.BENCH_WARMUP || 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 100);
const JWT_SECRET = 'bench-save-values-jwt-secret-0123456789abcdef';
/** the node flags the API runs with (package.json's start script), so the bench's API runs as deployed */
const API_FLAGS = require(path.join(ROOT, 'package.json')).scripts.start.split(/\s+/).filter((a) => a.startsWith('--'));

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (m) => console.log(`[${elapsed()}] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- child processes and clean-up
const children = new Set();

function killAll(signal = 'SIGKILL') {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill(signal);
      } catch {
        /* already gone */
      }
    }
  }
}
process.on('exit', () => killAll('SIGKILL'));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killAll('SIGKILL');
    process.exit(130);
  });
}

function spawnNode(name, args, env) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.output = '';
  const keep = (d) => {
    child.output = (child.output + d).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  if (name === 'api' && process.env.BENCH_API_LOG) {
    const log = fs.createWriteStream(process.env.BENCH_API_LOG);
    child.stdout.on('data', (d) => log.write(String(d).replace(/^(?=.)/gm, () => `${new Date().toISOString().slice(11, 23)} `)));
  }
  child.on('exit', () => children.delete(child));
  child.name = name;
  return child;
}

async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

async function waitHealthy(child, url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${child.name} exited (${child.exitCode}):\n${child.output}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(150);
  }
  throw new Error(`${child.name} not healthy after ${timeoutMs} ms:\n${child.output}`);
}

// ---------------------------------------------------------------- API helpers (setup only)
async function json(method, url, { token, body } = {}) {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

/** Versions as the database has them, once no in-flight save (cut off at the end of a run) changes them. */
async function settledVersions(db) {
  let previous = '';
  for (let i = 0; i < 50; i++) {
    await sleep(150);
    const { rows } = await db.query('SELECT id, version FROM submissions ORDER BY id');
    const now = JSON.stringify(rows);
    if (now === previous) return new Map(rows.map((r) => [r.id, r.version]));
    previous = now;
  }
  throw new Error('submission versions did not settle');
}

// ---------------------------------------------------------------- CPU accounting (the machine may be shared)
const TICK = 100; // USER_HZ on Linux
function readProcCpu(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return 0;
  }
}
function machineBusySeconds() {
  try {
    const [, ...v] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / TICK; // user nice system irq softirq steal
  } catch {
    return 0;
  }
}
/** CPU seconds per PostgreSQL process: backends of our database and the shared helpers (wal writer, …). */
function postgresCpu() {
  const byPid = new Map();
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return byPid;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    let cmd;
    try {
      cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmd.startsWith('postgres:')) continue;
    const ours = cmd.includes(' tonghop_bench ');
    const clientOfOtherDb = !ours && / \d+\.\d+\.\d+\.\d+\(|\[local\]/.test(cmd);
    if (!clientOfOtherDb) byPid.set(pid, readProcCpu(pid));
  }
  return byPid;
}
function cpuSnapshot(servers) {
  return { at: Date.now(), busy: machineBusySeconds(), servers: servers.map((c) => readProcCpu(c.pid)), pg: postgresCpu() };
}
/** Where the machine's CPU went during a phase; `foreign` = everything not ours (other people's jobs). */
function cpuSplit(a, b, driverCpuSeconds) {
  const wall = (b.at - a.at) / 1000;
  const servers = b.servers.reduce((n, v, i) => n + v - a.servers[i], 0);
  // per process: pool connections come and go (idle timeout), a vanished one was idle anyway
  let pg = 0;
  for (const [pid, cpu] of b.pg) pg += cpu - (a.pg.get(pid) ?? 0);
  const busy = b.busy - a.busy;
  const foreign = Math.max(0, busy - servers - pg - driverCpuSeconds);
  const pct = (x) => Math.round((x / (wall * os.cpus().length)) * 1000) / 10;
  return { wallSeconds: Math.round(wall * 10) / 10, machineBusyPct: pct(busy), serversPct: pct(servers), postgresPct: pct(pg), loadDriverPct: pct(driverCpuSeconds), foreignPct: pct(foreign) };
}

// ---------------------------------------------------------------- one load phase
function runLoad(config) {
  const file = path.join(os.tmpdir(), `bench-save-values-${process.pid}-${config.kind}-${Date.now()}.json`);
  fs.writeFileSync(file, JSON.stringify(config));
  const child = spawnNode(`load(${config.kind})`, [path.join(__dirname, 'load.js'), file], {});
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      fs.rmSync(file, { force: true });
      const line = child.output.trim().split('\n').filter((l) => l.startsWith('{')).pop();
      if (code !== 0 || !line) return reject(new Error(`load driver exited ${code}:\n${child.output}`));
      resolve(JSON.parse(line));
    });
  });
}

const fmt = (r) =>
  `${r.reqPerSec.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50.toFixed(1).padStart(7)} ms  p99 ${r.latency.p99.toFixed(1).padStart(7)} ms  ` +
  `non-2xx ${r.whole.non2xx}  socket errors ${r.whole.errors}  timeouts ${r.whole.timeouts}  (${r.warmupSeconds}s warm-up + ${r.durationSeconds}s measured)`;

// ---------------------------------------------------------------- main
async function main() {
  log('setting up database tonghop_bench');
  const data = await setupDatabase({ log });

  const apiNodeArgs = (process.env.BENCH_API_NODE_ARGS || '').split(' ').filter(Boolean); // e.g. --cpu-prof
  log(`API V8 flags (package.json start): ${API_FLAGS.join(' ') || 'none'}`);
  const api = spawnNode('api', [...API_FLAGS, ...apiNodeArgs, path.join(ROOT, 'dist/apps/api/main.js')], {
    DATABASE_URL: data.databaseUrl,
    PORT: String(API_PORT),
    NODE_ENV: 'production',
    REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    JWT_SECRET,
    LOGIN_THROTTLE_LIMIT: '100000',
  });
  const baseline = spawnNode('baseline', [path.join(__dirname, 'baseline-server.js')], {
    DATABASE_URL: data.databaseUrl,
    PORT: String(BASE_PORT),
  });
  const apiUrl = `http://127.0.0.1:${API_PORT}`;
  const baseUrl = `http://127.0.0.1:${BASE_PORT}`;
  await Promise.all([waitHealthy(api, `${apiUrl}/api/health`), waitHealthy(baseline, `${baseUrl}/api/health`)]);
  log(`servers up: API :${API_PORT} (pool ${process.env.DATABASE_POOL_SIZE || 20}), baseline :${BASE_PORT} (pool 20)`);

  const officers = data.officers.slice(0, CONNECTIONS);
  const sessions = await mapLimit(officers, 8, async (o) => {
    const { accessToken } = await json('POST', `${apiUrl}/api/auth/login`, { body: { username: o.username, password: data.password } });
    const list = await json('GET', `${apiUrl}/api/submissions?periodId=${data.periodId}`, { token: accessToken });
    if (list.length !== 1 || list[0].id !== o.submissionId) throw new Error(`unexpected submissions for ${o.username}: ${JSON.stringify(list)}`);
    return { token: accessToken, submissionId: list[0].id, version: Number(list[0].version) };
  });
  log(`${sessions.length} officers logged in, one draft submission each`);

  const db = new Client({ connectionString: data.databaseUrl });
  await db.connect();
  let counterBase = 0;
  const runs = [];
  try {
    const phase = async (kind) => {
      let connections;
      if (kind === 'api') {
        const versions = await settledVersions(db);
        connections = sessions.map((s) => ({ ...s, version: versions.get(s.submissionId) }));
      } else {
        connections = sessions.map((s) => ({ submissionId: s.submissionId, version: 1 }));
      }
      const cpuBefore = cpuSnapshot([api, baseline]);
      const result = await runLoad({
        url: kind === 'api' ? apiUrl : baseUrl,
        kind,
        warmupSeconds: WARMUP,
        durationSeconds: DURATION,
        indicatorCodes: data.indicatorCodes,
        connections,
        counterBase,
        // BENCH_TIMELINE_DIR=/tmp/x: per-response [ms, latency, status, connection] for each phase (debugging tails)
        timelineFile: process.env.BENCH_TIMELINE_DIR
          ? path.join(process.env.BENCH_TIMELINE_DIR, `${runs.length + 1}-${kind}.json`)
          : undefined,
      });
      result.cpu = cpuSplit(cpuBefore, cpuSnapshot([api, baseline]), result.driverCpuSeconds);
      counterBase = result.counterEnd + 1;
      runs.push(result);
      log(`${kind.padEnd(8)} ${fmt(result)}`);
      const c = result.cpu;
      log(`         CPU (% of ${os.cpus().length} cores): server ${c.serversPct}%, postgres ${c.postgresPct}%, load ${c.loadDriverPct}%, other processes+kernel ${c.foreignPct}%${c.foreignPct > 10 ? '  ← machine not quiet, numbers disturbed' : ''}`);
      return result;
    };

    await phase('baseline');
    await phase('api');
    await phase('baseline');
    await phase('api');

    // sanity: the API really saved (versions moved, audit rows written)
    const versions = await settledVersions(db);
    const { rows: [audit] } = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'values.updated'`);
    const apiTotal = runs.filter((r) => r.kind === 'api').reduce((n, r) => n + (r.whole.statusCounts['200'] || 0), 0);
    const versionSum = [...versions.values()].reduce((a, b) => a + b, 0) - versions.size;
    log(`check: ${apiTotal} API 200s seen by clients, ${versionSum} version bumps, ${audit.n} audit rows (the difference: saves in flight when a run stopped)`);
  } finally {
    await db.end().catch(() => undefined);
    await Promise.all([stopServer(api), stopServer(baseline)]);
  }

  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const measuredApi = runs.filter((r) => r.kind === 'api');
  const measuredBase = runs.filter((r) => r.kind === 'baseline');
  const apiRps = avg(measuredApi.map((r) => r.reqPerSec));
  const baseRps = avg(measuredBase.map((r) => r.reqPerSec));
  const apiP99 = avg(measuredApi.map((r) => r.latency.p99));
  const baseP99 = avg(measuredBase.map((r) => r.latency.p99));
  const non2xx = measuredApi.reduce((n, r) => n + r.whole.non2xx, 0);
  const socketErrors = measuredApi.reduce((n, r) => n + r.whole.errors + r.whole.timeouts, 0);
  const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
  const maxForeign = Math.max(...runs.map((r) => r.cpu.foreignPct));

  const result = {
    name: 'save-values',
    value: round(apiRps, 1),
    unit: 'req/s',
    baseline: round(baseRps, 1),
    ratio: round(apiRps / baseRps, 3),
    notes:
      `PUT /api/submissions/:id/values with 50 number indicators (25 as Vietnamese strings "1.000,37", 25 as JSON numbers), ` +
      `${CONNECTIONS} autocannon keep-alive connections (separate process) each bound to its own submission+officer token, pipelining 1; ` +
      `${os.cpus().length} CPUs shared by load generator, server and PostgreSQL. Order: baseline, API, baseline, API; each run = one autocannon ` +
      `run of ${WARMUP}s warm-up + ${DURATION}s measured on the same connections, req/s and latency percentiles from responses completed in the ` +
      `measured window. value/baseline/p99 are the AVERAGE of the two runs of each server. ` +
      `errors = non-2xx responses of the API over both runs incl. warm-up (socket errors+timeouts: ${socketErrors}). ` +
      `Other processes used up to ${maxForeign}% of the machine during a run${maxForeign > 10 ? ' (shared machine: treat as disturbed, re-run when quiet)' : ''}. ` +
      `Targets: ratio >= 0.6 ${apiRps / baseRps >= 0.6 ? 'MET' : 'NOT MET'}, p99 <= 1.5x baseline ${apiP99 <= 1.5 * baseP99 ? 'MET' : 'NOT MET'}.`,
    p99Ms: round(apiP99, 1),
    baselineP99Ms: round(baseP99, 1),
    p99Ratio: round(apiP99 / baseP99, 3),
    errors: non2xx,
    connections: CONNECTIONS,
    indicators: INDICATORS,
    durationSeconds: DURATION,
    runs: runs.map((r) => ({
      kind: r.kind,
      warmupSeconds: r.warmupSeconds,
      durationSeconds: r.durationSeconds,
      reqPerSec: round(r.reqPerSec, 1),
      requests: r.requests,
      latencyMs: r.latency,
      minRequestsPerConnection: r.minRequestsPerConnection,
      allConnectedAfterMs: r.allConnectedAfterMs,
      cpu: r.cpu,
      statusCounts: r.statusCounts,
      wholeRun: r.whole,
    })),
    environment: {
      node: process.version,
      cpus: os.cpus().length,
      apiNodeFlags: API_FLAGS,
      apiPoolSize: Number(process.env.DATABASE_POOL_SIZE || 20),
      saveBatch: { inFlight: Number(process.env.SAVE_BATCH_IN_FLIGHT || 3), maxSize: Number(process.env.SAVE_BATCH_MAX_SIZE || 40) },
      baselinePoolSize: 20,
    },
    measuredAt: new Date().toISOString(),
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);

  console.log('');
  console.log(`save-values (${INDICATORS} indicators, ${CONNECTIONS} connections; average of 2 × ${DURATION} s measured per server)`);
  console.log(`  baseline  ${baseRps.toFixed(0).padStart(6)} req/s   p99 ${baseP99.toFixed(1)} ms`);
  console.log(`  our API   ${apiRps.toFixed(0).padStart(6)} req/s   p99 ${apiP99.toFixed(1)} ms   non-2xx ${non2xx}`);
  console.log(`  ratio     ${result.ratio} (target >= 0.6)   p99 ratio ${result.p99Ratio} (target <= 1.5)`);
  if (maxForeign > 10) console.log(`  ! other processes used up to ${maxForeign}% of the CPU during a run: results disturbed`);
  console.log(`  → ${path.relative(ROOT, RESULTS_FILE)}   (total ${elapsed()})`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  killAll('SIGKILL');
  process.exitCode = 1;
});
