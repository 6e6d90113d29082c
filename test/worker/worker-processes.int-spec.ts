import { Child, spawnTs, stop } from '../support/child-process';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';

/**
 * WORKER_PROCESSES=2: one `start:worker` runs two whole workers (so two periods consolidate on two
 * cores at once); one that dies is started again; stopping the worker stops them all.
 */
describe('a worker of several processes', () => {
  let t: TestApp;
  let worker: Child | undefined;
  const READY = /\[Nest\] (\d+) .*Worker đang chạy \(tiến trình \d+ của (\d+)\)/g;
  const ready = () => [...worker!.output().matchAll(READY)].map((m) => ({ pid: Number(m[1]), parent: Number(m[2]) }));
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    t = await startTestApp('wprocs');
  });
  afterAll(async () => {
    await stop(worker, 'SIGKILL');
    await t?.close();
  });

  it('runs two workers, restarts one that dies, and stops both on SIGTERM', async () => {
    worker = spawnTs('apps/worker/src/main.ts', {
      DATABASE_URL: t.databaseUrl, REDIS_URL: t.redisUrl, QUEUE_PREFIX: t.queuePrefix, REMINDER_SCAN_EVERY_MS: '0', SMTP_URL: '', WORKER_PROCESSES: '2', NO_COLOR: '1',
    });
    await waitFor(async () => ready().length === 2, 60_000, 'two worker processes');
    const [a, b] = ready();
    expect(a.pid).not.toBe(b.pid);
    expect([a.parent, b.parent]).toEqual([worker.process.pid, worker.process.pid]);

    process.kill(a.pid, 'SIGKILL');
    await waitFor(async () => ready().length === 3, 60_000, 'the dead worker process to be started again');
    const c = ready()[2];
    expect(alive(a.pid)).toBe(false);

    worker.process.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    await waitFor(async () => !alive(b.pid) && !alive(c.pid), 10_000, 'the worker processes to stop');
  });
});
