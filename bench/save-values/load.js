'use strict';
/**
 * Load driver, run by run.js as its own process: autocannon (programmatic API), one phase per process.
 *
 *   node bench/save-values/load.js <config.json>   → prints one JSON line with the result on stdout
 *
 * config: { url, kind: 'api'|'baseline', warmupSeconds, durationSeconds, indicatorCodes: [...],
 *           connections: [{ submissionId, token?, version }], counterBase, timelineFile? }
 *
 * One autocannon run of warmupSeconds + durationSeconds over the SAME 100 keep-alive connections;
 * throughput and latency percentiles are computed here from the responses that complete inside the
 * measured window [warmup, warmup + duration). Why not two autocannon runs: a fresh run opens 100 new
 * connections, and Node 20 (libuv ≥ 1.45) accepts one pending connection per event-loop iteration, so
 * on a busy server the last connections wait seconds just to be accepted — that ramp would land in p99.
 * For the same reason each connection first sends one GET /api/health and waits (parked) until all 100
 * have been answered; only then do the PUTs start, all connections together.
 *
 * Each connection is bound to ONE submission (and its officer's token), so clients never conflict on
 * versions. autocannon resets a connection's `context` to `initialContext` every time it loops over
 * `requests` (here: after every request), so per-connection state lives in `states[]` and the context
 * only carries the connection's index, set in `setupClient`.
 */
const fs = require('node:fs');
const path = require('node:path');
const autocannon = require('autocannon');

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const WARMUP_MS = (config.warmupSeconds || 0) * 1000;
const MEASURE_MS = config.durationSeconds * 1000;
const states = config.connections.map((c) => ({ ...c, counter: config.counterBase || 0, conflicts: 0, primed: false }));
let nextConn = 0;
let primed = 0; // connections whose GET /api/health came back: the server has accepted them
const parked = []; // connections waiting for all the others to be accepted

/** 123456 hundredths → "1.234,56" (Vietnamese grouping, decimal comma) */
function vnFromCents(cents) {
  const int = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${int},${String(cents % 100).padStart(2, '0')}`;
}

function bodyFor(st) {
  st.counter += 1;
  const values = new Array(config.indicatorCodes.length);
  for (let i = 0; i < values.length; i++) {
    // 1000 + counter*0.01 (+ i*0.01): every figure changes on every request
    const cents = 100_000 + st.counter + i;
    // even ones as a Vietnamese string "1.000,37" (exercises parsing), odd ones as a JSON number
    values[i] = { indicatorCode: config.indicatorCodes[i], value: i % 2 === 0 ? vnFromCents(cents) : cents / 100 };
  }
  return JSON.stringify({ version: st.version, values });
}

const request = {
  method: 'PUT',
  setupRequest(req, context) {
    const st = states[context.conn];
    if (!st) return req; // the build autocannon does before setupClient runs; rebuilt right after
    if (!st.primed) {
      // first request of a connection: a cheap GET, so that every connection is accepted before the load starts
      req.method = 'GET';
      req.path = '/api/health';
      return req;
    }
    req.path = `/api/submissions/${st.submissionId}/values`;
    req.headers = { 'content-type': 'application/json' };
    if (st.token) req.headers.authorization = `Bearer ${st.token}`;
    req.body = bodyFor(st);
    return req;
  },
  onResponse(status, body, context) {
    const st = states[context.conn];
    if (!st) return;
    if (!st.primed) {
      st.primed = true;
      st.primingResponse = true; // not counted as a save (see the 'response' listener)
      primed += 1;
      return;
    }
    if (config.kind !== 'api') return;
    try {
      const parsed = JSON.parse(body);
      if (status === 200 && typeof parsed.version === 'number') st.version = parsed.version;
      else if (status === 409 && typeof parsed.currentVersion === 'number') {
        st.version = parsed.currentVersion; // recover, but it still counts as an error
        st.conflicts += 1;
      }
    } catch {
      /* non-JSON body: counted by status only */
    }
  },
};

function setupClient(client) {
  const it = client.requestIterator;
  it.initialContext = { conn: nextConn++ };
  it.resetContext();
  it.setRequests(it.requests); // rebuild request 0 now that the context knows its connection
  // barrier: after its priming GET, a connection waits until all connections have been accepted and
  // answered once, then all start the PUT loop together (see the note on accept() at the top)
  const doRequest = client._doRequest;
  client._doRequest = function (...args) {
    if (primed < states.length && this.reqsMade > 0) {
      parked.push(() => doRequest.apply(this, args));
      return undefined;
    }
    if (parked.length > 0) {
      allPrimedAt = Date.now() - started;
      for (const go of parked.splice(0)) go();
    }
    return doRequest.apply(this, args);
  };
}
let allPrimedAt = null;
let primingResponses = 0;

// ---------------------------------------------------------------- our own accounting per response
const measured = []; // latencies (ms) of responses completed inside the measured window
const statusAll = {};
const statusMeasured = {};
const perConnMeasured = new Array(states.length).fill(0);
const timeline = [];
let started = 0;

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const instance = autocannon(
  {
    url: config.url,
    connections: states.length,
    pipelining: 1,
    duration: (WARMUP_MS + MEASURE_MS) / 1000,
    timeout: 10,
    requests: [request],
    setupClient,
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    const sorted = Float64Array.from(measured).sort();
    const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null;
    const round = (x) => (x === null ? null : Math.round(x * 100) / 100);
    const out = {
      kind: config.kind,
      warmupSeconds: WARMUP_MS / 1000,
      durationSeconds: MEASURE_MS / 1000,
      // measured window only
      reqPerSec: measured.length / (MEASURE_MS / 1000),
      requests: measured.length,
      latency: {
        mean: round(mean),
        p50: round(percentile(sorted, 50)),
        p90: round(percentile(sorted, 90)),
        p99: round(percentile(sorted, 99)),
        max: round(sorted.length ? sorted[sorted.length - 1] : null),
      },
      non2xx: Object.entries(statusMeasured).reduce((n, [s, c]) => n + (s >= 200 && s < 300 ? 0 : c), 0),
      statusCounts: statusMeasured,
      minRequestsPerConnection: Math.min(...perConnMeasured),
      allConnectedAfterMs: allPrimedAt,
      primingResponses,
      // whole run incl. warm-up (autocannon's counts include the priming GETs, which are all 200)
      whole: {
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCounts: statusAll,
        autocannonP99: result.latency.p99,
        totalRequests: result.requests.total,
      },
      conflicts: states.reduce((n, s) => n + s.conflicts, 0),
      connectionsUsed: nextConn,
      counterEnd: Math.max(...states.map((s) => s.counter)),
    };
    if (config.timelineFile) {
      fs.mkdirSync(path.dirname(config.timelineFile), { recursive: true });
      fs.writeFileSync(config.timelineFile, JSON.stringify(timeline));
      fs.writeFileSync(`${config.timelineFile}.start`, new Date(started).toISOString());
    }
    const usage = process.resourceUsage();
    out.driverCpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    process.stdout.write(`${JSON.stringify(out)}\n`);
  },
);
started = Date.now();

instance.on('response', (client, statusCode, _bytes, responseTime) => {
  const t = Date.now() - started;
  const st = states[client.requestIterator.context.conn];
  if (st.primingResponse) {
    st.primingResponse = false;
    primingResponses += 1;
    return;
  }
  statusAll[statusCode] = (statusAll[statusCode] || 0) + 1;
  if (t >= WARMUP_MS && t < WARMUP_MS + MEASURE_MS) {
    measured.push(responseTime);
    statusMeasured[statusCode] = (statusMeasured[statusCode] || 0) + 1;
    perConnMeasured[client.requestIterator.context.conn] += 1;
  }
  // optional, for debugging tails: [ms since start, latency ms, status, connection]
  if (config.timelineFile) timeline.push([t, Math.round(responseTime), statusCode, client.requestIterator.context.conn]);
});
