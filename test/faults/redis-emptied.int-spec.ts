import { Queue } from 'bullmq';
import { EventJob, QUEUES, redisOptions, relayOutboxBatch } from '../../libs/queue/src';
import { Child, spawnWorker, stop } from '../support/child-process';
import { OwnRedis } from '../support/own-redis';
import { SmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';

/**
 * Redis restarted empty after the events were dispatched (its jobs lost), with the API and the
 * worker kept running. Invariant: every outbox event still yields its notifications and e-mails,
 * each exactly once — the worker's sweeper re-drives, from Postgres, the events that were queued
 * and never handled. Recovery mechanism: the sweeper (SWEEP_EVERY_MS=0 switches it off; with it
 * off this test times out waiting for the notifications).
 */
describe('Redis restarted empty after events were dispatched', () => {
  const redis = new OwnRedis();
  const sink = new SmtpSink();
  let t: TestApp;
  let worker: Child | undefined;
  let relayQueue: Queue<EventJob> | undefined;
  const auth = async (user: string) => ({ Authorization: `Bearer ${await t.token(user)}` });

  beforeAll(async () => {
    await redis.start();
    t = await startTestApp('redisempty', { redisUrl: redis.url });
    await t.db.query(`UPDATE users SET email = username || '@langson.test' WHERE username IN ('officer-sa', 'officer-sb', 'reviewer')`);
  });
  afterAll(async () => {
    await stop(worker);
    await relayQueue?.close();
    await t?.close();
    await redis.stop();
    await sink.stop();
  });

  it('the submissions and the return made before reach the inboxes and the mailboxes once each', async () => {
    const admin = await auth('admin');
    const reviewer = await auth('reviewer');
    const period = (await t.http().post('/api/periods').set(admin).send({ type: 'month', year: 2024, number: 5 }).expect(201)).body;
    const values = { 'officer-sa': [{ indicatorCode: 'forest', value: 710.83 }, { indicatorCode: 'sown', value: 48000 }, { indicatorCode: 'sown_rice', value: 30000 }], 'officer-sb': [{ indicatorCode: 'retail', value: 2912.9 }] };
    for (const user of ['officer-sa', 'officer-sb'] as const) {
      const officer = await auth(user);
      const [s] = (await t.http().get(`/api/submissions?periodId=${period.id}`).set(officer).expect(200)).body;
      const saved = await t.http().put(`/api/submissions/${s.id}/values`).set(officer).send({ version: s.version, values: values[user] }).expect(200);
      const submitted = await t.http().post(`/api/submissions/${s.id}/submit`).set(officer).send({ version: saved.body.version }).expect(200);
      if (user === 'officer-sb') {
        await t.http().post(`/api/submissions/${s.id}/return`).set(reviewer).send({ version: submitted.body.version, reason: 'Số liệu bán lẻ chưa khớp với Cục Thống kê.' }).expect(200);
      }
    }
    // the relay moves every event to Redis (no worker runs yet) ...
    relayQueue = new Queue<EventJob>(QUEUES.events, { prefix: t.queuePrefix, connection: redisOptions(redis.url) });
    expect(await relayOutboxBatch(t.db, relayQueue)).toBe(3);
    expect(await relayQueue.getJobCounts('waiting')).toMatchObject({ waiting: 3 });
    await relayQueue.close();
    relayQueue = undefined;
    // ... and Redis loses them
    await redis.stop();
    await redis.start();
    const events: Array<{ id: string; type: string }> = await t.db.query(`SELECT id::text AS id, type FROM outbox_events WHERE dispatched_at IS NOT NULL AND handled_at IS NULL ORDER BY id`);
    expect(events.map((e) => e.type)).toEqual(['submission.submitted', 'submission.submitted', 'submission.returned']);

    const smtpUrl = await sink.start();
    worker = await spawnWorker({
      DATABASE_URL: t.databaseUrl, REDIS_URL: redis.url, QUEUE_PREFIX: t.queuePrefix, SMTP_URL: smtpUrl, REMINDER_SCAN_EVERY_MS: '0',
      OUTBOX_POLL_MS: '100', SWEEP_EVERY_MS: '300', STUCK_AFTER_MS: '1000',
    });
    await waitFor(async () => (await t.db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE handled_at IS NULL`))[0].n === 0, 30_000, 'every event handled');
    const notified: Array<{ key: string; username: string }> = await t.db.query(
      `SELECT n.dedupe_key AS key, u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.dedupe_key LIKE 'event.%' ORDER BY n.dedupe_key, u.username`,
    );
    expect(notified).toEqual([
      { key: `event.${events[0].id}`, username: 'reviewer' },
      { key: `event.${events[1].id}`, username: 'reviewer' },
      { key: `event.${events[2].id}`, username: 'officer-sb' },
    ]);
    await waitFor(async () => sink.received.length >= 3, 30_000, 'the e-mails');
    const deliveries = await t.db.query(`SELECT status, attempts FROM email_deliveries`);
    expect(deliveries).toEqual(Array(3).fill({ status: 'sent', attempts: 1 }));
    expect(sink.received.map((m) => m.to[0]).sort()).toEqual(['officer-sb@langson.test', 'reviewer@langson.test', 'reviewer@langson.test']);
    expect(worker.output()).toContain('Đã chạy lại việc bị kẹt');
    // the admin view and health agree: nothing is stuck any more
    const health = (await t.http().get('/api/health').expect(200)).body;
    expect(health.stuck.outbox).toEqual({ count: 0, since: null });
  }, 60_000);
});
