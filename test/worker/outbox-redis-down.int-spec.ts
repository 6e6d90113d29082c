import { INestApplicationContext } from '@nestjs/common';
import { OwnRedis } from '../support/own-redis';
import { QueueProbe, startWorker } from '../support/queue-probe';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';

/**
 * Redis stops while a unit submits: the API still accepts the submission (the event waits in the
 * outbox row written in the same transaction), and once Redis is back the event is relayed and
 * the reviewers are notified. Runs a redis-server of its own, never the machine's shared one.
 */
describe('an outbox event written while Redis is down', () => {
  const redis = new OwnRedis();
  let t: TestApp;
  let worker: INestApplicationContext;
  let probe: QueueProbe | undefined;

  beforeAll(async () => {
    await redis.start();
    t = await startTestApp('redisdown', { redisUrl: redis.url });
    worker = await startWorker(t);
  });
  afterAll(async () => {
    await worker?.close();
    await probe?.close();
    await t?.close();
    await redis.stop();
  });

  it('is delivered after Redis comes back', async () => {
    const admin = `Bearer ${await t.token('admin')}`;
    const officer = `Bearer ${await t.token('officer-sb')}`;
    const period = (await t.http().post('/api/periods').set('Authorization', admin).send({ type: 'month', year: 2024, number: 5 }).expect(201)).body;
    const [s] = (await t.http().get(`/api/submissions?periodId=${period.id}`).set('Authorization', officer).expect(200)).body;
    const saved = await t.http().put(`/api/submissions/${s.id}/values`).set('Authorization', officer)
      .send({ version: s.version, values: [{ indicatorCode: 'retail', value: 2912.9 }] }).expect(200);

    await redis.stop();
    expect((await t.http().get('/api/health').expect(200)).body).toMatchObject({ status: 'degraded', database: 'up', redis: 'down' });
    await t.http().post(`/api/submissions/${s.id}/submit`).set('Authorization', officer).send({ version: saved.body.version }).expect(200);
    const [event] = await t.db.query(`SELECT id, dispatched_at FROM outbox_events WHERE type = 'submission.submitted'`);
    expect(event.dispatched_at).toBeNull();

    await redis.start();
    await waitFor(async () => (await t.db.query(`SELECT dispatched_at FROM outbox_events WHERE id = $1`, [event.id]))[0].dispatched_at, 30_000, 'the relay');
    const notified = await waitFor(async () => {
      const rows = await t.db.query(`SELECT u.username, n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.dedupe_key = $1`, [`event.${event.id}`]);
      return rows.length > 0 && rows;
    }, 30_000, 'the reviewers’ notification');
    expect(notified).toEqual([{ username: 'reviewer', title: 'Sở B đã gửi báo cáo tháng 5 năm 2024' }]);
    expect((await t.http().get('/api/health').expect(200)).body).toMatchObject({ status: 'ok', database: 'up', redis: 'up' });
    probe = new QueueProbe(redis.url, t.queuePrefix);
    expect(await probe.events.getJobCounts('completed', 'failed')).toEqual({ completed: 1, failed: 0 });
  });
});
