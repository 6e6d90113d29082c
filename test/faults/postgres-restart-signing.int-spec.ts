import { Child, spawnWorker, stop } from '../support/child-process';
import { OwnPostgres } from '../support/own-postgres';
import { SigningApp, startSigningApp } from '../support/signing-app';
import { waitFor } from '../support/wait';

/**
 * Postgres stopped in the middle of a signing — as the signer's request arrives, then again while
 * the worker renders and signs the PDF — and started again. Invariants: the signer meets no 500
 * (503 DATABASE_UNAVAILABLE while the database is away; once back, the signing succeeds or was
 * already done); the report is signed exactly once (one sign action, one report.signed event, one
 * audit entry) and gets its signed files, each once; the worker is still running. Recovery
 * mechanisms: the 503 mapping (isDatabaseUnavailable, libs/database/src/ping.ts; in the bearer
 * guard too), the sign's single transaction, the pool's reconnection and the signed rendering's
 * retries. Found by this test: the bearer guard answered 401 UNAUTHENTICATED when it could not read
 * the session (the web app then signs the user out). Checked: with isDatabaseUnavailable returning
 * false the signing during the outage is refused (401) and the test fails.
 */
describe('Postgres restarted in the middle of a signing', () => {
  const pg = new OwnPostgres();
  let t: SigningApp;
  let worker: Child | undefined;

  beforeAll(async () => {
    await pg.start();
    t = await startSigningApp('pgsign', { database: { url: pg.url, drop: async () => undefined } });
  }, 90_000);
  afterAll(async () => {
    await stop(worker, 'SIGKILL');
    await t?.close().catch(() => undefined);
    await pg.destroy();
  });

  it('answers 503 meanwhile, signs once, and the signed files come once', async () => {
    worker = await spawnWorker({
      DATABASE_URL: pg.url, REDIS_URL: t.redisUrl, QUEUE_PREFIX: t.queuePrefix, REMINDER_SCAN_EVERY_MS: '0', OUTBOX_POLL_MS: '100',
      SWEEP_EVERY_MS: '500', STUCK_AFTER_MS: '1000', JOB_BACKOFF_MS: '100',
    });
    const report = await t.sentReport();
    const signer = await t.as('signer');
    const sign = () => t.http().post(`/api/reports/${report.id}/sign`).set('Authorization', signer).send({ version: report.version });

    // the request and the database's stop cross
    const [first] = await Promise.all([sign(), pg.stop()]);
    const statuses = [first.status];
    if (first.status !== 200) {
      expect(await sign().then((r) => [r.status, r.body.code])).toEqual([503, 'DATABASE_UNAVAILABLE']);
      await pg.start();
      const again = await waitFor(async () => {
        const res = await sign();
        statuses.push(res.status);
        return res.status !== 503 && res;
      }, 30_000, 'the signing once the database is back');
      expect([200, 409]).toContain(again.status);
    } else {
      await pg.start();
    }
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);

    // the worker renders the signed revision: the database goes away under it
    await waitFor(async () => (await t.files(report.revisionId)).some((f) => f.format === 'docx' && f.renderedAs === 'signed'), 40_000, 'the signed rendering under way');
    await pg.stop();
    await waitFor(async () => worker!.output().includes(`Tạo tệp của bản ${report.revisionId} thất bại`), 40_000, 'the signed rendering failing without its database');
    await pg.start();

    await waitFor(async () => (await t.files(report.revisionId)).some((f) => f.format === 'pdf' && f.renderedAs === 'signed' && f.state === 'ready'), 45_000, 'the signed PDF');
    expect(await t.files(report.revisionId)).toEqual(['csv', 'docx', 'json', 'pdf'].map((format) => ({ format, renderedAs: 'signed', state: 'ready' })));
    const [once] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM report_actions WHERE report_id = $1 AND action = 'sign') AS actions,
              (SELECT count(*)::int FROM outbox_events WHERE type = 'report.signed') AS events,
              (SELECT count(*)::int FROM audit_log WHERE action = 'report.signed') AS audits,
              (SELECT state FROM reports WHERE id = $1) AS state`,
      [report.id],
    );
    expect(once).toEqual({ actions: 1, events: 1, audits: 1, state: 'signed' });
    const reviewer = await t.as('reviewer');
    const pdf = await t.http().get(`/api/reports/${report.id}/revisions/${report.revision}/document.pdf`).set('Authorization', reviewer).expect(200);
    expect(pdf.headers['x-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(worker.process.exitCode).toBeNull();
  }, 150_000);
});
