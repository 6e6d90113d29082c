/**
 * The deadline-day bench's processes: the built API and worker as `npm start` / `npm run start:worker`
 * run them, each on the bench's database and a queue prefix of its own phase; their resident memory
 * (the high-water mark the kernel keeps, VmHWM) and CPU read from /proc; the machine's busy time.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TICK = 100; // USER_HZ

export interface Proc {
  name: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export function startNode(name: string, script: string, flags: string[], env: Record<string, string>, log?: (line: string) => void): Proc {
  let out = '';
  const child = spawn(process.execPath, [...flags, join(ROOT, script)], { cwd: ROOT, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (d: Buffer) => {
    out = (out + d).slice(-50_000);
    if (log) for (const l of String(d).split('\n')) if (/ERROR|WARN/.test(l)) log(`${name}: ${l.slice(0, 300)}`);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  process.on('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  return {
    name,
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, timeoutMs: number, label: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check().catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** the process and its children (a worker with WORKER_PROCESSES > 1 forks) */
function family(pid: number): number[] {
  const out = [pid];
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    for (const c of children) out.push(...family(c));
  } catch {
    /* gone */
  }
  return out;
}

function status(pid: number, field: string): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** peak resident memory (MB) of a process, the largest of it and its children's */
export const peakRssMb = (pid: number) => Math.max(...family(pid).map((p) => status(p, 'VmHWM')));

export function cpuSeconds(pid: number): number {
  let total = 0;
  for (const p of family(pid)) {
    try {
      const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      total += (Number(f[11]) + Number(f[12])) / TICK;
    } catch {
      /* gone */
    }
  }
  return total;
}

export function machineBusySeconds(): number {
  const [, ...v] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / TICK;
}

/** CPU seconds of the PostgreSQL backends serving `database` */
export function postgresCpuSeconds(database: string): number {
  let total = 0;
  for (const pid of readdirSafe('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.startsWith('postgres:') && cmd.includes(` ${database} `)) total += cpuSeconds(Number(pid));
    } catch {
      /* gone */
    }
  }
  return total;
}

function readdirSafe(dir: string): string[] {
  try {
    return require('node:fs').readdirSync(dir) as string[];
  } catch {
    return [];
  }
}
