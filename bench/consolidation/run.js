'use strict';
/**
 * npm run bench:consolidation
 *
 * Consolidation (derive + compose + serialise + DOCX, the worker's own code) of synthetic provinces of
 * 40 units × 300 indicators with 13 months of figures (bench/consolidation/province.ts): one province,
 * 34 provinces one after the other in one process, and 34 provinces in PROCESSES processes at once (as
 * the worker with WORKER_PROCESSES=2 runs them). Each phase is its own process or processes (measure.ts,
 * TypeScript compiled by swc as in the tests, with the V8 flags of `npm run start:worker`), so each has
 * its own peak RSS and warm-up.
 *
 * Order: one (5 provinces timed one by one), sequential (34), parallel (34 in PROCESSES processes, in
 * rounds started together), one again (5), then the annual report of one province (bench/consolidation/
 * year.ts: 12 months × 40 units × 300 indicators, BENCH_YEAR_REPEATS times; annualMs = the median, target < 2 s). value = the parallel 34-province time; BASELINE = linear
 * growth shared by the processes: median one-province time × 34 / PROCESSES; ratio = baseline / value
 * (1 = linear; below 1 = worse). The sequential run gives the growth from 1 to 34 in one process.
 *
 * Output: bench/results/consolidation.json + a summary on stdout.
 * Knobs (experiments only): BENCH_PROVINCES (34), BENCH_ONE_REPEATS (5), BENCH_PROCESSES (2),
 * BENCH_CPU_PROF=dir (node --cpu-prof for each measuring process).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS_FILE = path.join(ROOT, 'bench', 'results', 'consolidation.json');
const PROVINCES = Number(process.env.BENCH_PROVINCES || 34);
const ONE_REPEATS = Number(process.env.BENCH_ONE_REPEATS || 5);
const PROCESSES = Number(process.env.BENCH_PROCESSES || 2);
/** the V8 flags the worker runs with (package.json's start:worker), so the bench's processes run as it does */
const WORKER_FLAGS = require(path.join(ROOT, 'package.json')).scripts['start:worker'].split(/\s+/).filter((a) => a.startsWith('--'));
const TARGET_ONE_MS = 1000;
const TARGET_MANY_MS = 15000;
const TARGET_ANNUAL_MS = 2000;
const YEAR_REPEATS = Number(process.env.BENCH_YEAR_REPEATS || 5);
const DISTURBED_PCT = 10;

const t0 = Date.now();
const log = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

const children = new Set();
const killAll = () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}

/** A measuring process; `onLine` sees its stdout line by line. Resolves with its final JSON line. */
function start(label, measureArgs, onLine = () => undefined) {
  const args = ['--expose-gc', ...WORKER_FLAGS, '-r', path.join(ROOT, 'test', 'support', 'swc-register.js')];
  if (process.env.BENCH_CPU_PROF) args.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`, `--cpu-prof-name=${label}-${Date.now()}-${measureArgs[1] ?? 0}.cpuprofile`);
  args.push(path.join(__dirname, 'measure.ts'), ...measureArgs.map(String));
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let pending = '';
  child.stdout.on('data', (d) => {
    out += d;
    pending += d;
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      onLine(pending.slice(0, nl), child);
      pending = pending.slice(nl + 1);
    }
  });
  child.stderr.on('data', (d) => (out += d));
  const done = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      children.delete(child);
      const line = out.trim().split('\n').filter((l) => l.startsWith('{')).pop();
      if (code !== 0 || !line) return reject(new Error(`${label} exited ${code}:\n${out}`));
      resolve({ label, ...JSON.parse(line) });
    });
  });
  return { child, done };
}

const measure = (label, count) => start(label, [count]).done;

const TICK = 100; // USER_HZ
function machineBusySeconds() {
  const [, ...v] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / TICK;
}

/**
 * `count` provinces in `processes` processes at once: seeds i, i + processes, … in process i. Round by
 * round, every process generates its next province, says "ready", and all are told "go" together; a
 * round lasts from the first start to the last end. The time for all is the sum of the rounds (a round
 * waits for its slowest province, so this is if anything longer than a free-running pool would take).
 */
async function measureParallel(count, processes) {
  const perProcess = Array.from({ length: processes }, (_, i) => Math.ceil((count - i) / processes));
  const rounds = [];
  let waiting = [];
  let round = null;
  const startRound = () => {
    round = { results: [], expected: waiting.length, busy0: machineBusySeconds() };
    for (const c of waiting) c.stdin.write('go\n');
    waiting = [];
  };
  let active = perProcess.filter((n) => n > 0).length;
  const onLine = (line, child) => {
    if (line === 'ready') {
      waiting.push(child);
      if (waiting.length === active) startRound();
    } else if (line.startsWith('province ')) {
      round.results.push(JSON.parse(line.slice('province '.length)));
      if (round.results.length === round.expected) {
        const busy = machineBusySeconds() - round.busy0;
        const startMs = Math.min(...round.results.map((r) => r.startMs));
        const endMs = Math.max(...round.results.map((r) => r.endMs));
        const own = sum(round.results.map((r) => r.cpuMs)) / 1000;
        rounds.push({ ms: endMs - startMs, provinces: round.results, foreignCpuSeconds: Math.max(0, busy - own) });
        // a process that has consolidated its share leaves; the next round is the others'
        active = perProcess.filter((n) => n > rounds.length).length;
        if (active > 0 && waiting.length === active) startRound();
      }
    }
  };
  const runs = await Promise.all(perProcess.map((n, i) => (n > 0 ? start('parallel', [n, i, processes, '--rounds'], onLine).done : null)));
  return { rounds, runs: runs.filter(Boolean) };
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
/** Share of the machine's CPU that went to other processes while this run's provinces were measured. */
const foreignPct = (run) => round((100 * sum(run.provinces.map((p) => p.foreignCpuSeconds))) / (sum(run.provinces.map((p) => p.wallSeconds)) * os.cpus().length), 1);
const phases = (ps) => ({
  deriveMs: round(median(ps.map((p) => p.deriveMs))),
  composeMs: round(median(ps.map((p) => p.composeMs))),
  serialiseMs: round(median(ps.map((p) => p.serialiseMs))),
  docxMs: round(median(ps.map((p) => p.docxMs))),
});

async function main() {
  log(`worker V8 flags (package.json start:worker): ${WORKER_FLAGS.join(' ') || 'none'}`);
  log(`one province, ${ONE_REPEATS} times`);
  const one1 = await measure('one', ONE_REPEATS);
  log(`  ${one1.provinces.map((p) => round(p.totalMs)).join(' / ')} ms; other processes ${foreignPct(one1)}% of the CPU`);
  log(`${PROVINCES} provinces one after the other, one process`);
  const many = await measure('sequential', PROVINCES);
  log(`  ${round(sum(many.provinces.map((p) => p.totalMs)))} ms; other processes ${foreignPct(many)}% of the CPU`);
  log(`${PROVINCES} provinces in ${PROCESSES} processes at once`);
  const par = await measureParallel(PROVINCES, PROCESSES);
  const parMs = sum(par.rounds.map((r) => r.ms));
  const parForeignPct = round((100 * sum(par.rounds.map((r) => r.foreignCpuSeconds))) / ((parMs / 1000) * os.cpus().length), 1);
  log(`  ${round(parMs)} ms in ${par.rounds.length} rounds; other processes ${parForeignPct}% of the CPU`);
  log(`one province, ${ONE_REPEATS} times (again)`);
  const one2 = await measure('one', ONE_REPEATS);
  log(`  ${one2.provinces.map((p) => round(p.totalMs)).join(' / ')} ms; other processes ${foreignPct(one2)}% of the CPU`);

  log(`the annual report of one province (12 months × 40 units × 300 indicators), ${YEAR_REPEATS} times`);
  const year = await start('year', [YEAR_REPEATS, 0, 1, '--year']).done;
  log(`  ${year.provinces.map((p) => round(p.totalMs)).join(' / ')} ms; other processes ${foreignPct(year)}% of the CPU`);

  const ones = [...one1.provinces, ...one2.provinces];
  const annualMs = median(year.provinces.map((p) => p.totalMs));
  const annualMet = annualMs < TARGET_ANNUAL_MS;
  const oneMs = median(ones.map((p) => p.totalMs));
  const manyMs = sum(many.provinces.map((p) => p.totalMs));
  const baseline = (oneMs * PROVINCES) / PROCESSES;
  let acc = 0;
  const cumulative = many.provinces.map((p) => (acc += p.totalMs));
  const growthAt = (cum) => [...new Set([1, 2, 4, 8, 17, cum.length])].filter((k) => k <= cum.length).map((k) => ({ n: k, ms: round(cum[k - 1]), per: round(cum[k - 1] / k) }));
  const growth = growthAt(cumulative).map((g) => ({ provinces: g.n, ms: g.ms, perProvinceMs: g.per }));
  let accPar = 0;
  const parCumulative = par.rounds.map((r) => (accPar += r.ms));
  const parallelGrowth = growthAt(parCumulative).map((g) => ({ rounds: g.n, provinces: Math.min(PROVINCES, g.n * PROCESSES), ms: g.ms, perRoundMs: g.per }));
  const parProvinces = par.rounds.flatMap((r) => r.provinces);
  const foreign = { one: foreignPct(one1), sequential: foreignPct(many), parallel: parForeignPct, oneAgain: foreignPct(one2), annual: foreignPct(year) };
  const maxForeign = Math.max(...Object.values(foreign));
  const disturbed = maxForeign > DISTURBED_PCT;
  const first = many.provinces[0];
  const sample = {
    figures: first.figures,
    footnotes: first.footnotes,
    storedJsonKb: round(first.contentBytes / 1024),
    docxKb: round(first.docxBytes / 1024),
  };
  const oneMet = oneMs < TARGET_ONE_MS;
  const manyMet = parMs < TARGET_MANY_MS;

  const result = {
    name: 'consolidation',
    value: round(parMs),
    unit: `ms for ${PROVINCES} provinces (${PROCESSES} worker processes)`,
    baseline: round(baseline),
    ratio: round(baseline / parMs, 3),
    notes:
      `Consolidation of synthetic provinces of 40 units × 300 indicators (13 months of figures, May 2023 – May 2024; ${sample.figures} printed figures ` +
      `and ${sample.footnotes} footnotes per report): deriving the figures from the rows the worker's queries return, composing the report, ` +
      `serialising the revision and building the DOCX (worker code, run with the worker's V8 flags ${WORKER_FLAGS.join(' ') || '(none)'}; no Postgres, no PDF). ` +
      `value = ${PROVINCES} provinces consolidated by ${PROCESSES} processes at once, as the worker runs them with WORKER_PROCESSES=${PROCESSES} ` +
      `(what is parallel: whole consolidations of different provinces, one per process and core; each consolidation is single-threaded, apart from ` +
      `zlib compressing the DOCX parts on libuv's thread pool), in ${par.rounds.length} rounds started together, each as long as its slowest province; ` +
      `BullMQ's hand-out of jobs is not measured. baseline = linear growth shared by the processes = median one-province time ` +
      `(${round(oneMs)} ms, ${ones.length} runs, one process alone) × ${PROVINCES} / ${PROCESSES}; ratio = baseline / value (1 = linear). ` +
      `One process, one province after the other: ${round(manyMs)} ms for ${PROVINCES}. ` +
      `Peak RSS: ${one1.maxRssMb} MB for one province, ${many.maxRssMb} MB for ${PROVINCES} in one process, ${Math.max(...par.runs.map((r) => r.maxRssMb))} MB per parallel process. ` +
      `Other processes used up to ${maxForeign}% of the machine's CPU during a run${disturbed ? ' (shared machine: disturbed, re-run when quiet)' : ''}. ` +
      `Targets: one province < ${TARGET_ONE_MS} ms ${oneMet ? 'MET' : 'NOT MET'}, ${PROVINCES} < ${TARGET_MANY_MS} ms ${manyMet ? 'MET' : 'NOT MET'} ` +
      `(${manyMs < TARGET_MANY_MS ? 'met' : 'not met'} by one process alone). ` +
      `annualMs = the annual report of one province (bench/consolidation/year.ts: 12 months of this year and 12 of last year, ` +
      `${year.provinces[0].figures} printed figures, each with the months it comes from): median of ${year.provinces.length} runs in one process, ` +
      `target < ${TARGET_ANNUAL_MS} ms ${annualMet ? 'MET' : 'NOT MET'}.`,
    oneProvinceMs: round(oneMs),
    // CPU time of the measuring process (GC threads included): what the work costs, less sensitive to a busy machine than wall time
    oneProvinceCpuMs: round(median(ones.map((p) => p.cpuMs))),
    provincesCpuMs: round(sum(parProvinces.map((p) => p.cpuMs))),
    oneProvinceRunsMs: ones.map((p) => round(p.totalMs)),
    annualMs: round(annualMs),
    annualCpuMs: round(median(year.provinces.map((p) => p.cpuMs))),
    annualRunsMs: year.provinces.map((p) => round(p.totalMs)),
    annualPhasesMs: phases(year.provinces),
    annualReport: { monthlyFigures: 2 * 12 * 40 * 300, figures: year.provinces[0].figures, storedJsonKb: round(year.provinces[0].contentBytes / 1024), docxKb: round(year.provinces[0].docxBytes / 1024), peakRssMb: year.maxRssMb },
    oneProvincePhasesMs: phases(ones),
    coldFirstProvinceMs: round(median([one1.cold.totalMs, many.cold.totalMs, one2.cold.totalMs])),
    parallel: {
      processes: PROCESSES,
      ms: round(parMs),
      rounds: par.rounds.map((r) => round(r.ms)),
      perProvinceMs: { median: round(median(parProvinces.map((p) => p.totalMs))), min: round(Math.min(...parProvinces.map((p) => p.totalMs))), max: round(Math.max(...parProvinces.map((p) => p.totalMs))) },
      phasesMs: phases(parProvinces),
      growth: parallelGrowth,
    },
    sequential: { ms: round(manyMs), linearMs: round(oneMs * PROVINCES), ratio: round((oneMs * PROVINCES) / manyMs, 3), cpuMs: round(sum(many.provinces.map((p) => p.cpuMs))) },
    growth,
    perProvinceMsInLongRun: { first: round(many.provinces[0].totalMs), last: round(many.provinces[PROVINCES - 1].totalMs), min: round(Math.min(...many.provinces.map((p) => p.totalMs))), max: round(Math.max(...many.provinces.map((p) => p.totalMs))) },
    peakRssMb: { oneProvince: Math.max(one1.maxRssMb, one2.maxRssMb), provinces: many.maxRssMb, parallelPerProcess: Math.max(...par.runs.map((r) => r.maxRssMb)), afterGeneratingOneProvince: median(ones.map((p) => p.rssAfterGenerateMb)) },
    report: sample,
    cpu: { foreignPct: foreign, loadAverage: os.loadavg().map((l) => round(l, 2)), disturbed },
    targets: { oneProvinceMs: TARGET_ONE_MS, provincesMs: TARGET_MANY_MS, annualMs: TARGET_ANNUAL_MS, met: oneMet && manyMet && annualMet },
    environment: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, workerFlags: WORKER_FLAGS },
    measuredAt: new Date().toISOString(),
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);

  const p = result.oneProvincePhasesMs;
  console.log('');
  console.log(`consolidation (40 units × 300 indicators; ${sample.figures} figures, ${sample.footnotes} footnotes, DOCX ${sample.docxKb} KB per province)`);
  console.log(`  one province    ${round(oneMs)} ms  (derive ${p.deriveMs}, compose ${p.composeMs}, serialise ${p.serialiseMs}, DOCX ${p.docxMs}; first in a fresh process ${result.coldFirstProvinceMs})   target < ${TARGET_ONE_MS}`);
  console.log(`  ${PROVINCES} provinces    ${round(parMs)} ms in ${PROCESSES} processes   target < ${TARGET_MANY_MS}   (one process: ${round(manyMs)} ms)`);
  const a = result.annualPhasesMs;
  console.log(`  annual report   ${result.annualMs} ms  (derive ${a.deriveMs}, compose ${a.composeMs}, serialise ${a.serialiseMs}, DOCX ${a.docxMs}; CPU ${result.annualCpuMs} ms)   target < ${TARGET_ANNUAL_MS}`);
  console.log(`  CPU time        ${result.oneProvinceCpuMs} ms (one), ${result.provincesCpuMs} ms (${PROVINCES})`);
  console.log(`  growth          ${growth.map((g) => `${g.provinces}: ${g.ms} ms`).join(', ')} (one process)`);
  console.log(`  linear baseline ${round(baseline)} ms   ratio ${result.ratio} (1 = linear over ${PROCESSES} processes); one process alone ${result.sequential.ratio}`);
  console.log(`  peak RSS        ${result.peakRssMb.oneProvince} MB (one), ${result.peakRssMb.provinces} MB (${PROVINCES}, one process), ${result.peakRssMb.parallelPerProcess} MB per parallel process`);
  if (disturbed) console.log(`  ! other processes used up to ${maxForeign}% of the CPU during a run (load average ${result.cpu.loadAverage.join(', ')}): results disturbed`);
  console.log(`  → ${path.relative(ROOT, RESULTS_FILE)}   (total ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  killAll();
  process.exitCode = 1;
});
