import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * The real worker (apps/worker/src/main.ts) in a child process, on the test's database and queue prefix;
 * `extra` adds environment variables (short BullMQ lock and stall intervals, the crash-test hold).
 */
export function startWorkerProcess(
  env: { databaseUrl: string; redisUrl: string; queuePrefix: string },
  extra: Record<string, string> = {},
): { child: ChildProcess; output: () => string; stop: () => Promise<void>; kill: () => Promise<void> } {
  let out = '';
  const child = spawn(process.execPath, ['-r', join(root, 'test', 'support', 'swc-register.js'), join(root, 'apps', 'worker', 'src', 'main.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: env.databaseUrl, REDIS_URL: env.redisUrl, QUEUE_PREFIX: env.queuePrefix, OUTBOX_POLL_MS: '100', ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    /** a crash: SIGKILL, no shutdown hooks, open transactions left to Postgres to roll back */
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
