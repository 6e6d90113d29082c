import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from './wait';

const ROOT = join(__dirname, '..', '..');

export interface Child {
  process: ChildProcess;
  output: () => string;
  /** resolves when the process has exited */
  exited: Promise<number | null>;
}

/** Runs a TypeScript entry point of the repository in a child process (swc, as jest does). */
export function spawnTs(entry: string, env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, ['-r', './test/support/swc-register.js', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

/** The real worker entry point (apps/worker/src/main.ts), ready once it says so. */
export async function spawnWorker(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Child> {
  const child = spawnTs('apps/worker/src/main.ts', env);
  await waitFor(
    async () => {
      if (child.process.exitCode !== null) throw new Error(`worker exited (${child.process.exitCode}):\n${child.output()}`);
      return child.output().includes('Worker đang chạy');
    },
    timeoutMs,
    'the worker process to start',
  );
  return child;
}

export async function stop(child: Child | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill(signal);
  await child.exited;
}
