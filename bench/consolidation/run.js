'use strict';
/**
 * npm run bench:consolidation
 *
 * Consolidation (derive + compose + serialise + DOCX, the worker's own code) of synthetic provinces of
 * 40 units × 300 indicators with 13 months of figures (bench/consolidation/province.ts): one province,
 * and 34 provinces one after the other. Each phase is its own process (measure.ts, TypeScript compiled
 * by swc as in the tests), so each has its own peak RSS and warm-up.
 *
 * Order: one (5 provinces timed one by one), many (34), one again (5). BASELINE = linear growth:
 * the median one-province time of both "one" runs × 34. value = the 34-province time;
 * ratio = baseline / value (1 = linear; below 1 = worse than linear).
 *
 * Output: bench/results/consolidation.json + a summary on stdout.
 * Knobs (experiments only): BENCH_PROVINCES (34), BENCH_ONE_REPEATS (5), BENCH_CPU_PROF=dir (node --cpu-prof
 * for each measuring process).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS_FILE = path.join(ROOT, 'bench', 'results', 'consolidation.json');
const PROVINCES = Number(process.env.BENCH_PROVINCES || 34);
const ONE_REPEATS = Number(process.env.BENCH_ONE_REPEATS || 5);
const TARGET_ONE_MS = 1000;
const TARGET_MANY_MS = 15000;
const DISTURBED_PCT = 10;

const t0 = Date.now();
const log = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

let current = null;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (current && current.exitCode === null) current.kill('SIGKILL');
    process.exit(130);
  });
}

function measure(label, count) {
  const args = ['--expose-gc', '-r', path.join(ROOT, 'test', 'support', 'swc-register.js')];
  if (process.env.BENCH_CPU_PROF) args.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`, `--cpu-prof-name=${label}-${Date.now()}.cpuprofile`);
  args.push(path.join(__dirname, 'measure.ts'), String(count));
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  current = child;
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').filter((l) => l.startsWith('{')).pop();
      if (code !== 0 || !line) return reject(new Error(`${label} exited ${code}:\n${out}`));
      resolve({ label, ...JSON.parse(line) });
    });
  });
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
  log(`one province, ${ONE_REPEATS} times`);
  const one1 = await measure('one', ONE_REPEATS);
  log(`  ${one1.provinces.map((p) => round(p.totalMs)).join(' / ')} ms; other processes ${foreignPct(one1)}% of the CPU`);
  log(`${PROVINCES} provinces`);
  const many = await measure('many', PROVINCES);
  log(`  ${round(sum(many.provinces.map((p) => p.totalMs)))} ms; other processes ${foreignPct(many)}% of the CPU`);
  log(`one province, ${ONE_REPEATS} times (again)`);
  const one2 = await measure('one', ONE_REPEATS);
  log(`  ${one2.provinces.map((p) => round(p.totalMs)).join(' / ')} ms; other processes ${foreignPct(one2)}% of the CPU`);

  const ones = [...one1.provinces, ...one2.provinces];
  const oneMs = median(ones.map((p) => p.totalMs));
  const manyMs = sum(many.provinces.map((p) => p.totalMs));
  const baseline = oneMs * PROVINCES;
  let acc = 0;
  const cumulative = many.provinces.map((p) => (acc += p.totalMs));
  const growth = [...new Set([1, 2, 4, 8, 17, PROVINCES])].filter((k) => k <= PROVINCES).map((k) => ({ provinces: k, ms: round(cumulative[k - 1]), perProvinceMs: round(cumulative[k - 1] / k) }));
  const runs = [one1, many, one2];
  const maxForeign = Math.max(...runs.map(foreignPct));
  const disturbed = maxForeign > DISTURBED_PCT;
  const first = many.provinces[0];
  const sample = {
    figures: first.figures,
    footnotes: first.footnotes,
    storedJsonKb: round(first.contentBytes / 1024),
    docxKb: round(first.docxBytes / 1024),
  };

  const result = {
    name: 'consolidation',
    value: round(manyMs),
    unit: `ms for ${PROVINCES} provinces`,
    baseline: round(baseline),
    ratio: round(baseline / manyMs, 3),
    notes:
      `Consolidation of synthetic provinces of 40 units × 300 indicators (13 months of figures, May 2023 – May 2024; ${sample.figures} printed figures ` +
      `and ${sample.footnotes} footnotes per report): deriving the figures from the rows the worker's queries return, composing the report, ` +
      `serialising the revision and building the DOCX (worker code; no Postgres, no PDF). Each phase its own node process: one province ` +
      `(${ONE_REPEATS} timed), ${PROVINCES} provinces one after the other, one province again. value = time for ${PROVINCES}; baseline = linear ` +
      `growth = median one-province time (${round(oneMs)} ms, ${ones.length} runs) × ${PROVINCES}; ratio = baseline / value (1 = linear). ` +
      `Peak RSS: ${one1.maxRssMb} MB for one province, ${many.maxRssMb} MB for ${PROVINCES}. ` +
      `Other processes used up to ${maxForeign}% of the machine's CPU during a run${disturbed ? ' (shared machine: disturbed, re-run when quiet)' : ''}. ` +
      `Targets: one province < ${TARGET_ONE_MS} ms ${oneMs < TARGET_ONE_MS ? 'MET' : 'NOT MET'}, ${PROVINCES} < ${TARGET_MANY_MS} ms ${manyMs < TARGET_MANY_MS ? 'MET' : 'NOT MET'}.`,
    oneProvinceMs: round(oneMs),
    // CPU time of the measuring process (GC threads included): what the work costs, less sensitive to a busy machine than wall time
    oneProvinceCpuMs: round(median(ones.map((p) => p.cpuMs))),
    provincesCpuMs: round(sum(many.provinces.map((p) => p.cpuMs))),
    oneProvinceRunsMs: ones.map((p) => round(p.totalMs)),
    oneProvincePhasesMs: phases(ones),
    coldFirstProvinceMs: round(median([one1.cold.totalMs, many.cold.totalMs, one2.cold.totalMs])),
    growth,
    perProvinceMsInLongRun: { first: round(many.provinces[0].totalMs), last: round(many.provinces[PROVINCES - 1].totalMs), min: round(Math.min(...many.provinces.map((p) => p.totalMs))), max: round(Math.max(...many.provinces.map((p) => p.totalMs))) },
    peakRssMb: { oneProvince: Math.max(one1.maxRssMb, one2.maxRssMb), provinces: many.maxRssMb, afterGeneratingOneProvince: median(ones.map((p) => p.rssAfterGenerateMb)) },
    report: sample,
    cpu: { foreignPct: { one: foreignPct(one1), many: foreignPct(many), oneAgain: foreignPct(one2) }, disturbed },
    targets: { oneProvinceMs: TARGET_ONE_MS, provincesMs: TARGET_MANY_MS, met: oneMs < TARGET_ONE_MS && manyMs < TARGET_MANY_MS },
    environment: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model },
    measuredAt: new Date().toISOString(),
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);

  const p = result.oneProvincePhasesMs;
  console.log('');
  console.log(`consolidation (40 units × 300 indicators; ${sample.figures} figures, ${sample.footnotes} footnotes, DOCX ${sample.docxKb} KB per province)`);
  console.log(`  one province    ${round(oneMs)} ms  (derive ${p.deriveMs}, compose ${p.composeMs}, serialise ${p.serialiseMs}, DOCX ${p.docxMs}; first in a fresh process ${result.coldFirstProvinceMs})   target < ${TARGET_ONE_MS}`);
  console.log(`  ${PROVINCES} provinces    ${round(manyMs)} ms   target < ${TARGET_MANY_MS}`);
  console.log(`  CPU time        ${result.oneProvinceCpuMs} ms (one), ${result.provincesCpuMs} ms (${PROVINCES})`);
  console.log(`  growth          ${growth.map((g) => `${g.provinces}: ${g.ms} ms`).join(', ')}`);
  console.log(`  linear baseline ${round(baseline)} ms   ratio ${result.ratio} (1 = linear)`);
  console.log(`  peak RSS        ${result.peakRssMb.oneProvince} MB (one), ${result.peakRssMb.provinces} MB (${PROVINCES})`);
  if (disturbed) console.log(`  ! other processes used up to ${maxForeign}% of the CPU during a run: results disturbed`);
  console.log(`  → ${path.relative(ROOT, RESULTS_FILE)}   (total ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  if (current && current.exitCode === null) current.kill('SIGKILL');
  process.exitCode = 1;
});
