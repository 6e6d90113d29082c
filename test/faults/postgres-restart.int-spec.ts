import { spawnApi } from '../support/api-process';
import { Child, spawnWorker, stop } from '../support/child-process';
import { OwnPostgres } from '../support/own-postgres';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';

/**
 * Postgres restarted in the middle of a stream of saves, right after a submit whose event the relay
 * is moving, under the API and the worker in their own processes. Invariants: every acknowledged
 * save is in the database exactly once (each submission's version and value are those of its last
 * acknowledged save); while the database is away the API answers 503 DATABASE_UNAVAILABLE, never
 * 500, and health says since when; both processes are still running afterwards and resume by
 * themselves; the submission's event reaches the reviewer's inbox exactly once. Recovery
 * mechanisms: the pool's reconnection, the 503 mapping (isDatabaseUnavailable; without it the saves
 * during the outage are 500 — checked by making it return false), the relay's transaction (an
 * event is marked dispatched only with its job queued) and the sweeper.
 */
describe('Postgres restarted mid-saves and mid-relay', () => {
  const pg = new OwnPostgres();
  let t: TestApp;
  let api: (Child & { url: string }) | undefined;
  let worker: Child | undefined;

  beforeAll(async () => {
    await pg.start();
    t = await startTestApp('pgrestart', { database: { url: pg.url, drop: async () => undefined } });
  }, 60_000);
  afterAll(async () => {
    await stop(api, 'SIGKILL');
    await stop(worker, 'SIGKILL');
    await t?.close().catch(() => undefined);
    await pg.destroy();
  });

  it('keeps every acknowledged save once, answers 503 meanwhile, and resumes', async () => {
    const env = { DATABASE_URL: pg.url, REDIS_URL: t.redisUrl, QUEUE_PREFIX: t.queuePrefix };
    [api, worker] = await Promise.all([
      spawnApi(env),
      spawnWorker({ ...env, REMINDER_SCAN_EVERY_MS: '0', OUTBOX_POLL_MS: '50', SWEEP_EVERY_MS: '500', STUCK_AFTER_MS: '1000', JOB_BACKOFF_MS: '100' }),
    ]);
    const url = api.url;
    const period = (await t.http().post('/api/periods').set('Authorization', `Bearer ${await t.token('admin')}`).send({ type: 'month', year: 2024, number: 5 }).expect(201)).body;
    const streams = await Promise.all(
      [['officer-sa', 'forest']].map(async ([user, indicator]) => {
        const token = `Bearer ${await t.token(user)}`;
        const [s] = (await t.http().get(`/api/submissions?periodId=${period.id}`).set('Authorization', token).expect(200)).body;
        return { user, indicator, token, id: s.id as string, version: s.version as number, acked: [] as Array<{ version: number; value: number }>, statuses: new Set<number>() };
      }),
    );
    let running = true;
    const put = (s: (typeof streams)[number], value: number) =>
      fetch(`${url}/api/submissions/${s.id}/values`, {
        method: 'PUT',
        headers: { authorization: s.token, 'content-type': 'application/json' },
        body: JSON.stringify({ version: s.version, values: [{ indicatorCode: s.indicator, value }] }),
      });
    const load = Promise.all(
      streams.map(async (s) => {
        for (let n = 1; running; n++) {
          let res: Response;
          try {
            res = await put(s, n);
          } catch (error) {
            throw new Error(`the API did not answer: ${(error as Error).message} ${(error as { cause?: Error }).cause?.message} exit=${api?.process.exitCode}/${api?.process.signalCode}\n${api?.output().slice(-3000)}`);
          }
          s.statuses.add(res.status);
          if (res.status === 200) {
            s.version = (await res.json()).version;
            s.acked.push({ version: s.version, value: n });
          } else {
            await res.text();
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      }),
    );
    await waitFor(async () => streams.every((s) => s.acked.length >= 5), 30_000, 'saves under way');
    // SB submits: its event is relayed while the database goes away
    const sbToken = `Bearer ${await t.token('officer-sb')}`;
    const [sb] = (await t.http().get(`/api/submissions?periodId=${period.id}`).set('Authorization', sbToken).expect(200)).body;
    const sbSaved = await t.http().put(`/api/submissions/${sb.id}/values`).set('Authorization', sbToken).send({ version: sb.version, values: [{ indicatorCode: 'retail', value: 2912.9 }] }).expect(200);
    const submit = await fetch(`${url}/api/submissions/${sb.id}/submit`, { method: 'POST', headers: { authorization: sbToken, 'content-type': 'application/json' }, body: JSON.stringify({ version: sbSaved.body.version }) });
    expect(submit.status).toBe(200);
    await pg.stop();
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ database: 'down', downSince: { database: expect.any(String) } });
    await waitFor(async () => streams.every((s) => s.statuses.has(503) || s.statuses.has(409)), 20_000, 'saves refused while the database is away');
    await pg.start();
    const before = streams.map((s) => s.acked.length);
    await waitFor(async () => streams.every((s, i) => s.acked.length >= before[i] + 3), 40_000, 'saves resumed');
    running = false;
    await load;

    for (const s of streams) {
      expect([...s.statuses].filter((c) => c >= 500 && c !== 503)).toEqual([]);
      const last = s.acked[s.acked.length - 1];
      const [row] = await t.db.query(
        `SELECT s.version, v.numeric_value::float8 AS value FROM submissions s JOIN submission_values v ON v.submission_id = s.id AND v.indicator_code = $2 WHERE s.id = $1`,
        [s.id, s.indicator],
      );
      expect(row).toEqual({ version: last.version, value: last.value });
    }
    const inbox = await waitFor(async () => {
      const rows = await t.db.query(`SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.dedupe_key LIKE 'event.%'`);
      return rows.length > 0 && rows;
    }, 30_000, 'the reviewer’s notification');
    expect(inbox).toEqual([{ username: 'reviewer' }]);
    expect(api.process.exitCode).toBeNull();
    expect(worker.process.exitCode).toBeNull();
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  }, 90_000);
});
