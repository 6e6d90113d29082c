import { vnInstant } from '../../libs/domain/src';
import { clockKey, RedisClock } from '../../libs/queue/src';
import { spawnApi } from '../support/api-process';
import { Child, spawnWorker, stop } from '../support/child-process';
import { OwnRedis } from '../support/own-redis';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';

async function exitsWithin(child: Child, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`did not exit in ${ms} ms:\n${child.output().slice(-2000)}`)), ms)));
  await Promise.race([child.exited, late]).finally(() => clearTimeout(timer));
}

/**
 * The API and two workers, started as in production (their own processes, the demo's shared clock
 * in Redis), while Redis is killed for longer than the jobs' (shortened) retry budget and comes back
 * empty. Invariants: the API answers throughout (no 500) and tells the time it last knew; a worker
 * stopped while Redis is away exits cleanly; the other is still running afterwards; what happened
 * in between (a submission, a return) reaches the inboxes, once. Recovery mechanisms, each checked
 * by switching it off: the clock's last known time (RedisClock throwing on every Redis error: the
 * submission during the outage is a 503), the worker's shutdown (apps/worker/src/shutdown.ts
 * removed from WorkerModule: the worker stopped while Redis is away does not exit in 10 s), and the
 * outbox relay (events written during the outage wait in Postgres).
 */
describe('Redis killed, then back empty, under the API and the workers', () => {
  const redis = new OwnRedis();
  let t: TestApp;
  let api: (Child & { url: string }) | undefined;
  let workerA: Child | undefined;
  let workerB: Child | undefined;

  beforeAll(async () => {
    await redis.start();
    t = await startTestApp('redisout', { redisUrl: redis.url });
  });
  afterAll(async () => {
    await stop(api, 'SIGKILL');
    await stop(workerA, 'SIGKILL');
    await stop(workerB, 'SIGKILL');
    // the test ends with Redis away: back, so that the app's close can drop its keys
    await redis.start();
    await t?.close();
    await redis.stop();
  });

  it('keeps answering, keeps its clock, stops cleanly, and delivers what happened meanwhile', async () => {
    const demoDay = vnInstant('2024-05-13', '09:00');
    const clock = new RedisClock(redis.url, clockKey(t.queuePrefix));
    await clock.set(demoDay);
    await clock.close();
    const env = { DATABASE_URL: t.databaseUrl, REDIS_URL: redis.url, QUEUE_PREFIX: t.queuePrefix, CLOCK: 'redis' };
    const workerEnv = { ...env, REMINDER_SCAN_EVERY_MS: '0', OUTBOX_POLL_MS: '100', SWEEP_EVERY_MS: '500', STUCK_AFTER_MS: '1000', JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '100', SHUTDOWN_GRACE_MS: '3000' };
    [api, workerA, workerB] = await Promise.all([spawnApi({ ...env, SHUTDOWN_GRACE_MS: '3000' }), spawnWorker(workerEnv), spawnWorker(workerEnv)]);
    const call = async (user: string, method: string, path: string, body?: object) => {
      const res = await fetch(`${api!.url}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${await t.token(user)}`, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: await res.json() };
    };
    const period = (await t.http().post('/api/periods').set('Authorization', `Bearer ${await t.token('admin')}`).send({ type: 'month', year: 2024, number: 5 }).expect(201)).body;
    const submissionOf = async (user: string) => (await call(user, 'GET', `/submissions?periodId=${period.id}`)).body[0];
    const sa = await submissionOf('officer-sa');
    const saved = await call('officer-sa', 'PUT', `/submissions/${sa.id}/values`, { version: sa.version, values: [{ indicatorCode: 'forest', value: 710.83 }, { indicatorCode: 'sown', value: 48000 }, { indicatorCode: 'sown_rice', value: 30000 }] });
    const submitted = await call('officer-sa', 'POST', `/submissions/${sa.id}/submit`, { version: saved.body.version });
    expect(submitted.status).toBe(200);

    await redis.stop();
    // the API answers throughout: health says Redis is away and since when, changes are accepted
    const health = await call('admin', 'GET', '/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'degraded', database: 'up', redis: 'down', downSince: { redis: expect.any(String) } } });
    const sb = await submissionOf('officer-sb');
    const sbSaved = await call('officer-sb', 'PUT', `/submissions/${sb.id}/values`, { version: sb.version, values: [{ indicatorCode: 'retail', value: 2912.9 }] });
    expect(sbSaved.status).toBe(200);
    expect((await call('officer-sb', 'POST', `/submissions/${sb.id}/submit`, { version: sbSaved.body.version })).status).toBe(200);
    const returned = await call('reviewer', 'POST', `/submissions/${sa.id}/return`, { version: submitted.body.version, reason: 'Diện tích lúa chưa khớp với số liệu thống kê.' });
    expect(returned.status).toBe(200);
    // the clock kept its last known time: the submission is dated on the demo's day
    const [{ at }] = await t.db.query(`SELECT submitted_at AS at FROM submissions WHERE id = $1`, [sb.id]);
    expect(new Date(at).toISOString()).toBe(demoDay.toISOString());

    // a worker stopped while Redis is away exits cleanly and soon
    workerB.process.kill('SIGTERM');
    await exitsWithin(workerB, 10_000);
    expect(workerB.output()).not.toContain('Error happened during shutdown');

    await redis.start(); // empty: the jobs it held are gone
    await waitFor(async () => (await t.db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE handled_at IS NULL`))[0].n === 0, 40_000, 'every event handled');
    const inbox: Array<{ username: string; title: string }> = await t.db.query(
      `SELECT u.username, n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.dedupe_key LIKE 'event.%' ORDER BY n.created_at, u.username`,
    );
    expect(inbox.map((n) => n.username).sort()).toEqual(['officer-sa', 'reviewer', 'reviewer']);
    expect(workerA.process.exitCode).toBeNull();
    expect((await call('admin', 'GET', '/health')).body).toMatchObject({ status: 'ok', redis: 'up', stuck: { outbox: { count: 0 } } });

    // and both stop cleanly with Redis away again
    await redis.stop();
    api.process.kill('SIGTERM');
    workerA.process.kill('SIGTERM');
    await Promise.all([exitsWithin(api, 15_000), exitsWithin(workerA, 15_000)]);
    for (const p of [api, workerA]) expect(p.output()).not.toContain('Error happened during shutdown');
  }, 90_000);
});
