/**
 * npm run bench:series
 *
 * One indicator's 24-month series (June 2022 – May 2024) over 34 provinces' worth of approved history
 * (setup.ts: 1 360 units, 11.8 million figures), through the series route's own code —
 * IndicatorsService.series: the catalogue lookup, the repository's queries, deriveSeries for each unit —
 * without HTTP. Two cases: a reviewer's series of an indicator (every unit that reports it: one per
 * province, 34 series), and one unit's (`?unit=`, as an officer sees it).
 *
 * Baseline, side by side in the same process on the same data: the repository's statement for every
 * unit as it was before the indicator_reporters table (every approved submission probed for the code),
 * with no index on submission_values (indicator_code), which would slow the batched save. The query plans are recorded
 * (EXPLAIN ANALYZE, BUFFERS). value = p99 of one unit's series (ms): what the dashboard asks of a
 * province, whose indicators each have one reporting unit, here among 34 provinces' figures; the
 * reviewer's series of all 34 units is reported beside it. baseline = p99 of the naive query alone;
 * ratio = baseline / value.
 *
 * Knobs: BENCH_PROVINCES (34), BENCH_ITERATIONS (300), BENCH_BASELINE_ITERATIONS (10), BENCH_REUSE=1
 * (keep the database of an earlier run), BENCH_ADMIN_URL.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { IndicatorsService } from '../../apps/api/src/indicators/indicators.service';
import type { Actor } from '../../apps/api/src/common/actor';
import { createDataSource, findApprovedSeriesFigures, Queryable } from '../../libs/database/src';
import { seededRandom } from '../../test/support/seeded-random';
import { INDICATORS_PER_UNIT, MONTHS, PROVINCES, setupSeriesDatabase, UNITS_PER_PROVINCE } from './setup';

const NAME = 'tonghop_bench_series';
const ADMIN_URL = process.env.BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const URL_ = ADMIN_URL.replace(/\/[^/]*$/, `/${NAME}`);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS || 300);
const BASELINE_ITERATIONS = Number(process.env.BENCH_BASELINE_ITERATIONS || 10);
const TARGET_P99_MS = 50;
const RESULTS = join(__dirname, '..', 'results', 'series.json');
/** the repository's statement for every unit before the indicator_reporters table: the baseline */
const NAIVE_STATEMENT = `SELECT s.unit_id AS "unitId", p.year, p.number AS month, s.id AS "submissionId", s.period_id AS "periodId",
       s.approved_at AS "approvedAt", v.numeric_value::text AS value, v.cumulative_entered::text AS "cumulativeEntered"
  FROM submission_values v JOIN submissions s ON s.id = v.submission_id JOIN periods p ON p.id = s.period_id
 WHERE v.indicator_code = $1 AND s.state = 'approved' AND p.type = 'month' AND p.year BETWEEN $2 AND $3`;
const t0 = Date.now();
const log = (m: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

const reviewer: Actor = { id: '00000000-0000-4000-8000-000000000001', username: 'bench', role: 'reviewer', unitId: null };
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const stats = (xs: number[]) => ({ n: xs.length, p50: +percentile(xs, 50).toFixed(2), p90: +percentile(xs, 90).toFixed(2), p99: +percentile(xs, 99).toFixed(2), max: +Math.max(...xs).toFixed(2) });
const rnd = seededRandom(15);
/** a code of the form, and the unit of a province that reports it */
function pick(): { code: string; unit: string } {
  const u = 1 + Math.floor(rnd() * UNITS_PER_PROVINCE);
  const k = Math.floor(rnd() * INDICATORS_PER_UNIT);
  const code = k < 50 ? `u${u}_g${k + 1}` : k < 200 ? `u${u}_g${1 + Math.floor((k - 50) / 3)}_${1 + ((k - 50) % 3)}` : `u${u}_i${k - 199}`;
  return { code, unit: `P${String(1 + Math.floor(rnd() * PROVINCES)).padStart(2, '0')}-U${String(u).padStart(2, '0')}` };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function main() {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [NAME])).rowCount;
  await admin.end();
  if (!(process.env.BENCH_REUSE === '1' && exists)) {
    log(`setting up ${NAME}: ${PROVINCES} provinces × ${UNITS_PER_PROVINCE} units × ${INDICATORS_PER_UNIT} indicators × ${MONTHS} months`);
    await setupSeriesDatabase(ADMIN_URL, URL_, NAME, log);
  }
  const ds = createDataSource(URL_, { poolSize: 4 });
  await ds.initialize();
  const service = new IndicatorsService(ds);
  const [{ figures, size }] = await ds.query(`SELECT count(*)::int AS figures, pg_size_pretty(pg_total_relation_size('submission_values')) AS size FROM submission_values`);
  log(`${figures} figures (${size} with indexes)`);

  // warm-up: the caches a running API would have
  for (let i = 0; i < 30; i++) await service.series(reviewer, pick().code, '2022-06', '2024-05');
  const all: number[] = [];
  const one: number[] = [];
  let points = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const p = pick();
    all.push(await timed(async () => (points = (await service.series(reviewer, p.code, '2022-06', '2024-05')).series.length)));
    one.push(await timed(() => service.series(reviewer, p.code, '2022-06', '2024-05', p.unit)));
  }
  log(`reviewer's series (${points} units × 24 months): ${JSON.stringify(stats(all))}`);
  log(`one unit's series: ${JSON.stringify(stats(one))}`);

  // the repository's statement, as it is sent
  let captured: { sql: string; params: unknown[] } | null = null;
  const probe = { query: async (sql: string, params: unknown[]) => ((captured = { sql, params }), []) } as unknown as Queryable;
  const sample = pick();
  const [{ id: sampleUnit }] = await ds.query(`SELECT id FROM reporting_units WHERE code = $1`, [sample.unit]);
  await findApprovedSeriesFigures(probe, sample.code, 2021, 2024, { kind: 'all' }, sampleUnit);
  const unitStatement = captured!;
  await findApprovedSeriesFigures(probe, sample.code, 2021, 2024, { kind: 'all' }, null);
  const explain = async (q: Queryable) =>
    ((await q.query(`EXPLAIN (ANALYZE, BUFFERS) ${captured!.sql}`, captured!.params)) as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']);

  const query: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const p = pick();
    query.push(await timed(() => findApprovedSeriesFigures(ds, p.code, 2021, 2024, { kind: 'all' }, null)));
  }
  const allPlan = await explain(ds);
  const unitPlan = ((await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${unitStatement.sql}`, unitStatement.params)) as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']);
  log(`the reviewer's query (every unit): ${JSON.stringify(stats(query))}`);

  // baseline: the statement as it was before the reporters table — every approved submission probed
  const naive: number[] = [];
  await ds.query(NAIVE_STATEMENT, [sample.code, 2021, 2024]); // warm-up
  for (let i = 0; i < BASELINE_ITERATIONS; i++) {
    const p = pick();
    naive.push(await timed(() => ds.query(NAIVE_STATEMENT, [p.code, 2021, 2024])));
  }
  const naivePlan = ((await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${NAIVE_STATEMENT}`, [sample.code, 2021, 2024])) as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']);
  log(`the naive statement (baseline): ${JSON.stringify(stats(naive))}`);
  await ds.destroy();

  const value = stats(one).p99;
  const baseline = stats(naive).p99;
  const result = {
    name: 'series',
    value,
    unit: 'ms p99, one indicator’s 24-month series of its reporting unit',
    baseline,
    ratio: +(baseline / value).toFixed(1),
    notes:
      `IndicatorsService.series (the route's code without HTTP: catalogue lookup, repository queries, deriveExactSeries per unit) for a random ` +
      `indicator of ${PROVINCES} provinces' worth of approved history (${figures} figures, ${size}; ${PROVINCES * UNITS_PER_PROVINCE} units, ` +
      `${MONTHS} months, shaped like bench/consolidation's synthetic province), June 2022 – May 2024 (24 points per unit, ` +
      `their basis from January 2021). value = p99 of ${ITERATIONS} series of one unit (?unit=: a province's indicator has one reporting unit); ` +
      `the reviewer's series of every unit reporting the indicator (${points}, one per province): p99 ${stats(all).p99} ms (${stats(all).p99 < TARGET_P99_MS ? 'under' : 'over'} ${TARGET_P99_MS} ms). baseline = p99 of the same ` +
      `statement for every unit as it was before the indicator_reporters table (${BASELINE_ITERATIONS} runs): every approved submission ` +
      `probed for the code. ratio = baseline / value. Target: p99 < ${TARGET_P99_MS} ms ${value < TARGET_P99_MS ? 'MET' : 'NOT MET'}. ` +
      `Shared 2-core machine (load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end of the run): compare ratios.`,
    reviewerSeriesMs: stats(all),
    oneUnitSeriesMs: stats(one),
    reviewerQueryMs: stats(query),
    naiveQueryMs: stats(naive),
    plans: { everyUnit: allPlan, oneUnit: unitPlan, naive: naivePlan },
    statement: captured!.sql.replace(/\s+/g, ' ').trim(),
    environment: { node: process.version, date: new Date().toISOString(), loadAverage: loadavg() },
  };
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  log(`value ${value} ms p99 (target < ${TARGET_P99_MS}), baseline ${baseline} ms, ratio ${result.ratio} → ${RESULTS}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
