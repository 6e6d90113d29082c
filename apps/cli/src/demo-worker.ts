import { childProcessEnv } from '@app/config';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** dist/apps/worker/main.js, next to this bundle (dist/apps/cli/main.js). */
export const WORKER_ENTRY = resolve(__dirname, '..', 'worker', 'main.js');

/**
 * Starts the worker as its own process, as in production (`npm run start:worker`), and forwards
 * its log lines. Resolves once it reports that it runs.
 */
export async function startWorkerProcess(env: Record<string, string>, log: (line: string) => void): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  if (!existsSync(WORKER_ENTRY)) throw new Error(`Không thấy ${WORKER_ENTRY}: chạy npm run build trước.`);
  const child = spawn(process.execPath, [WORKER_ENTRY], { env: childProcessEnv({ ...env, NO_COLOR: '1' }), stdio: ['ignore', 'pipe', 'pipe'] });
  // the worker never outlives the demo, even when the demo fails
  process.once('exit', () => child.kill('SIGTERM'));
  const ready = new Promise<void>((resolveReady, reject) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        log(`   [worker] ${line.replace(/^\[Nest\] \d+\s+-\s+/, '')}`);
        if (line.includes('Worker đang chạy')) resolveReady();
      });
    }
    child.once('exit', (code) => reject(new Error(`Worker dừng (mã ${code}) trước khi sẵn sàng.`)));
  });
  await ready;
  return {
    child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
