import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { createWorker } from '../../apps/worker/src/worker.factory';
import { QUEUES, redisOptions } from '../../libs/queue/src';
import { dropQueueKeys } from '../support/redis-keys';
import { startTestApp, TestApp, TEST_REDIS_URL } from '../support/test-app';
import { waitFor } from '../support/wait';
import { testConfig } from '../support/test-config';

const REDIS_URL = TEST_REDIS_URL;

describe('outbox → events queue (real Postgres and Redis, worker process context)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  const prefix = `tonghop-test-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    t = await startTestApp('outbox');
    worker = await createWorker({ config: testConfig(), databaseUrl: t.databaseUrl, redisUrl: REDIS_URL, queuePrefix: prefix, settings: { scanEveryMs: 0 } }, false);
  });
  afterAll(async () => {
    await worker?.close();
    const q = new Queue(QUEUES.events, { connection: redisOptions(REDIS_URL), prefix });
    await q.obliterate({ force: true });
    await q.close();
    await dropQueueKeys(REDIS_URL, prefix);
    await t?.close();
  });

  it('writes an event in the transaction of each transition and relays it once', async () => {
    const admin = `Bearer ${await t.token('admin')}`;
    const p = await t.http().post('/api/periods').set('Authorization', admin).send({ type: 'month', year: 2024, number: 5 }).expect(201);
    const officer = `Bearer ${await t.token('officer-sb')}`;
    const [s] = (await t.http().get(`/api/submissions?periodId=${p.body.id}`).set('Authorization', officer)).body;
    const saved = await t.http().put(`/api/submissions/${s.id}/values`).set('Authorization', officer)
      .send({ version: s.version, values: [{ indicatorCode: 'retail', value: '2.912,9' }] }).expect(200);
    await t.http().post(`/api/submissions/${s.id}/submit`).set('Authorization', officer).send({ version: saved.body.version }).expect(200);
    const rows = await t.db.query(`SELECT type, payload FROM outbox_events`);
    expect(rows).toEqual([{ type: 'submission.submitted', payload: expect.objectContaining({ submissionId: s.id, periodId: p.body.id }) }]);

    const dispatched = await waitFor(async () => {
      const [r] = await t.db.query(`SELECT dispatched_at FROM outbox_events`);
      return r.dispatched_at;
    });
    expect(dispatched).toBeTruthy();
    const q = new Queue(QUEUES.events, { connection: redisOptions(REDIS_URL), prefix });
    const done = await waitFor(async () => {
      const c = await q.getJobCounts('completed', 'failed', 'waiting', 'active');
      return c.completed === 1 ? c : null;
    });
    expect(done).toMatchObject({ completed: 1, failed: 0 });
    await q.close();
  });
});
