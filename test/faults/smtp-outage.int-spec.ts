import { freePort } from '../support/api-process';
import { Child, spawnWorker, stop } from '../support/child-process';
import { SmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';

/** Backoff base of this test: the old policy (6 attempts from it) gives up after 31 × 30 ms ≈ 0.93 s, its "minute". */
const BACKOFF_MS = 30;
/** The mail server is away for about ten times that: "ten minutes". */
const OUTAGE_MS = 10 * 31 * BACKOFF_MS;

/**
 * The mail server is down (nothing listens on its port) for the equivalent of ten minutes, then
 * comes back. Invariant: the e-mail copy of a notification is delivered, exactly once, after the
 * outage. Recovery mechanism: retries with exponential backoff over hours (JOB_ATTEMPTS 12 here,
 * scaled down with JOB_BACKOFF_MS); with the old budget (JOB_ATTEMPTS=6) the delivery is marked
 * failed before the server is back and this test fails (checked by running it so).
 */
describe('SMTP down for ten minutes, then back', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let worker: Child | undefined;

  beforeAll(async () => {
    t = await startTestApp('smtpdown');
    await t.db.query(`UPDATE users SET email = username || '@langson.test' WHERE username = 'reviewer'`);
  });
  afterAll(async () => {
    await stop(worker);
    await t?.close();
    await sink.stop();
  });

  it('delivers the e-mail once the server is back', async () => {
    const port = await freePort();
    worker = await spawnWorker({
      DATABASE_URL: t.databaseUrl, REDIS_URL: t.redisUrl, QUEUE_PREFIX: t.queuePrefix, SMTP_URL: `smtp://127.0.0.1:${port}`,
      REMINDER_SCAN_EVERY_MS: '0', OUTBOX_POLL_MS: '100', SWEEP_EVERY_MS: '0', JOB_ATTEMPTS: '12', JOB_BACKOFF_MS: String(BACKOFF_MS),
    });
    const officer = `Bearer ${await t.token('officer-sb')}`;
    const period = (await t.http().post('/api/periods').set('Authorization', `Bearer ${await t.token('admin')}`).send({ type: 'month', year: 2024, number: 5 }).expect(201)).body;
    const [s] = (await t.http().get(`/api/submissions?periodId=${period.id}`).set('Authorization', officer).expect(200)).body;
    const saved = await t.http().put(`/api/submissions/${s.id}/values`).set('Authorization', officer).send({ version: s.version, values: [{ indicatorCode: 'retail', value: 2912.9 }] }).expect(200);
    await t.http().post(`/api/submissions/${s.id}/submit`).set('Authorization', officer).send({ version: saved.body.version }).expect(200);

    const delivery = () => t.db.query(`SELECT status, attempts FROM email_deliveries`).then((rows: Array<{ status: string; attempts: number }>) => rows[0]);
    await waitFor(async () => (await delivery())?.attempts >= 1, 20_000, 'the first attempt');
    const firstFailure = Date.now();
    await waitFor(async () => Date.now() - firstFailure >= OUTAGE_MS && (await delivery()), OUTAGE_MS + 5000, 'the outage');
    expect(await delivery()).toMatchObject({ status: 'pending' });

    await sink.start(undefined, port);
    await waitFor(async () => (await delivery()).status !== 'pending', 30_000, 'the delivery');
    const done = await delivery();
    expect(done.status).toBe('sent');
    expect(done.attempts).toBeGreaterThan(6); // beyond the old budget
    expect(sink.received.map((m) => m.to)).toEqual([['reviewer@langson.test']]);
  }, 60_000);
});
