import { Child, spawnWorker, stop } from '../support/child-process';
import { SigningApp, startSigningApp } from '../support/signing-app';
import { SofficeScript } from '../support/soffice-script';
import { waitFor } from '../support/wait';

/** BullMQ's lock and stall check, short: a job handed back is taken again within seconds. */
const FAST_LOCKS = { WORKER_LOCK_MS: '2000', WORKER_STALLED_MS: '1000' };

/**
 * SIGTERM to the worker while it renders a signed report (its LibreOffice conversion hangs).
 * Invariants: the worker exits within its grace (SHUTDOWN_GRACE_MS, 1.5 s here, and a little),
 * cleanly; the rendering is handed back and a second worker process finishes it — the signed report
 * gets its files, each once. Recovery mechanisms: the worker's shutdown (apps/worker/src/shutdown.ts,
 * closeWorkerQuietly: stop taking jobs, wait the grace, then kill the conversion — its job fails this
 * attempt and is retried — and close without waiting for anything still running, which is handed
 * back by its lock) and the job's retries (the sweeper is off in the second worker). Checked: with
 * the shutdown as it was (a plain close after the grace, the conversion left running) the worker
 * does not exit within 8 s — BullMQ's close, Nest's too, waits for the job and the job for soffice.
 */
describe('SIGTERM to the worker mid-rendering', () => {
  let t: SigningApp;
  const workers: Child[] = [];
  const soffice = new SofficeScript();
  const env = (extra: Record<string, string>) => ({
    DATABASE_URL: t.databaseUrl, REDIS_URL: t.redisUrl, QUEUE_PREFIX: t.queuePrefix, REMINDER_SCAN_EVERY_MS: '0', OUTBOX_POLL_MS: '100',
    SOFFICE_PATH: soffice.path, SWEEP_EVERY_MS: '0', ...FAST_LOCKS, ...extra,
  });

  beforeAll(async () => {
    t = await startSigningApp('workersigterm');
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) await stop(w, 'SIGKILL');
    await t?.close();
    soffice.remove();
  });

  it('exits within its grace, hands the rendering back, and another worker makes the files once', async () => {
    // a first worker consolidates and renders the draft without LibreOffice, then stops
    workers.push(await spawnWorker(env({})));
    const report = await t.sentReport();
    await waitFor(async () => (await t.files(report.revisionId)).some((f) => f.format === 'pdf'), 30_000, 'the draft rendered');
    await stop(workers[0]);
    await t.http().post(`/api/reports/${report.id}/sign`).set('Authorization', await t.as('signer')).send({ version: report.version }).expect(200);

    // the second renders the signed revision; its conversion hangs, and it is told to stop
    soffice.install('hang');
    const renderer = await spawnWorker(env({ SHUTDOWN_GRACE_MS: '1500' }));
    workers.push(renderer);
    await waitFor(async () => soffice.calls().length === 1, 30_000, 'the signed PDF’s conversion under way');
    const stopped = Date.now();
    renderer.process.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`the worker did not exit:\n${renderer.output().slice(-2000)}`)), 8_000)));
    await Promise.race([renderer.exited, late]).finally(() => clearTimeout(timer));
    // Nest's shutdown hook ends by raising the signal again, once the application is closed
    expect([renderer.process.exitCode, renderer.process.signalCode]).toEqual([null, 'SIGTERM']);
    expect(Date.now() - stopped).toBeLessThan(8_000);
    expect(renderer.output()).toContain('Worker dừng (SIGTERM)');
    expect(renderer.output()).not.toContain('Error happened during shutdown');
    expect((await t.files(report.revisionId)).filter((f) => f.format === 'pdf' && f.state === 'ready')).toEqual([]);

    // a third, with LibreOffice working, takes the job handed back and finishes it
    soffice.install('real');
    const finisher = await spawnWorker(env({}));
    workers.push(finisher);
    await waitFor(async () => (await t.files(report.revisionId)).some((f) => f.format === 'pdf' && f.state === 'ready'), 45_000, 'the signed PDF');
    expect(await t.files(report.revisionId)).toEqual(['csv', 'docx', 'json', 'pdf'].map((format) => ({ format, renderedAs: 'signed', state: 'ready' })));
    expect(soffice.calls()).toHaveLength(1);
    const rendered = finisher.output().split('\n').filter((l) => l.includes(`bản số ${report.revision} (đã ký số)`));
    expect(rendered).toHaveLength(1);
  }, 120_000);
});
