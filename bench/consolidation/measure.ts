/**
 * One measuring process of `npm run bench:consolidation` (started by run.js with --expose-gc and the
 * worker's V8 flags): consolidates one warm-up province, then its provinces one after the other, each
 * generated (not timed) just before it is consolidated and dropped after. Prints one JSON line.
 *
 * `measure.ts <count> [<first seed> <step>] [--rounds] [--year]`: seeds first, first+step, … (--year: each
 * province's annual report, twelve months × 40 units × 300 indicators, instead of its month). With --rounds it
 * is one of several processes consolidating at the same time, as WORKER_PROCESSES worker processes
 * would: before each province it prints "ready" and waits for "go" on stdin, so that run.js starts
 * every process's next province together and generation never overlaps another's measurement; each
 * province's result is printed as a line of its own.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { consolidateProvince, consolidateYear, Timing } from './consolidate';
import { syntheticProvince } from './province';
import { syntheticYear } from './year';

const TICK = 100; // USER_HZ
/** CPU seconds the whole machine spent busy (user nice system irq softirq steal). */
function machineBusySeconds(): number {
  const [, ...v] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / TICK;
}
const ownCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const epochMs = () => performance.timeOrigin + performance.now();

async function main() {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const rounds = process.argv.includes('--rounds');
  // --year: the annual report of each province (year.ts) instead of its month
  const year = process.argv.includes('--year');
  const generate = (seed: number) => (year ? syntheticYear(seed) : syntheticProvince(seed));
  const consolidate = (p: ReturnType<typeof generate>) => (year ? consolidateYear(p as ReturnType<typeof syntheticYear>) : consolidateProvince(p as ReturnType<typeof syntheticProvince>));
  const count = Number(args[0] ?? 1);
  const first = Number(args[1] ?? 0);
  const step = Number(args[2] ?? 1);
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  const lines = rounds ? createInterface({ input: process.stdin })[Symbol.asyncIterator]() : null;

  const warm = generate(1000 + first);
  gc();
  const cold = await consolidate(warm);

  const provinces: Array<Timing & { seed: number; rssAfterGenerateMb: number; foreignCpuSeconds: number; wallSeconds: number; startMs: number; endMs: number }> = [];
  for (let k = 0; k < count; k++) {
    const seed = first + k * step;
    const p = generate(seed);
    gc();
    const rssAfterGenerateMb = mb(process.memoryUsage().rss);
    if (lines) {
      console.log('ready');
      if ((await lines.next()).done) throw new Error('run.js went away');
    }
    const busy0 = machineBusySeconds();
    const own0 = ownCpuSeconds();
    const startMs = epochMs();
    const t = await consolidate(p);
    const endMs = epochMs();
    const busy = machineBusySeconds() - busy0;
    const own = ownCpuSeconds() - own0;
    const result = { seed, ...t, rssAfterGenerateMb, foreignCpuSeconds: Math.max(0, busy - own), wallSeconds: t.totalMs / 1000, startMs, endMs };
    provinces.push(result);
    if (lines) console.log(`province ${JSON.stringify(result)}`);
  }
  console.log(JSON.stringify({ count, cold, provinces, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  process.exit(0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
