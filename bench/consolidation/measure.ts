/**
 * One measuring process of `npm run bench:consolidation` (started by run.js with --expose-gc):
 * consolidates one warm-up province, then `count` provinces one after the other, each generated
 * (not timed) just before it is consolidated and dropped after. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { consolidateProvince, Timing } from './consolidate';
import { syntheticProvince } from './province';

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

async function main() {
  const count = Number(process.argv[2] ?? 1);
  const mb = (bytes: number) => Math.round(bytes / 1048576);

  const warm = syntheticProvince(1000);
  gc();
  const cold = await consolidateProvince(warm);

  const provinces: Array<Timing & { seed: number; rssAfterGenerateMb: number; foreignCpuSeconds: number; wallSeconds: number }> = [];
  for (let seed = 0; seed < count; seed++) {
    const p = syntheticProvince(seed);
    gc();
    const rssAfterGenerateMb = mb(process.memoryUsage().rss);
    const busy0 = machineBusySeconds();
    const own0 = ownCpuSeconds();
    const t = await consolidateProvince(p);
    const busy = machineBusySeconds() - busy0;
    const own = ownCpuSeconds() - own0;
    provinces.push({ seed, ...t, rssAfterGenerateMb, foreignCpuSeconds: Math.max(0, busy - own), wallSeconds: t.totalMs / 1000 });
  }
  console.log(JSON.stringify({ count, cold, provinces, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
