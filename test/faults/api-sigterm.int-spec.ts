import { spawnApi } from '../support/api-process';
import { Child, stop } from '../support/child-process';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';

/**
 * SIGTERM to the API process while two officers save as fast as they can. Invariant: every save
 * acknowledged to a client (200) is in the database exactly once — each submission's version and
 * value are those of its last acknowledged save (a save applied twice, or lost, would show) — and no
 * request meets a 5xx other than the 503 of a server that is closing. Recovery mechanism: the
 * graceful shutdown (apps/api/src/common/graceful-shutdown.ts: stop accepting, finish in-flight
 * requests, closing kept-alive connections as they fall idle, then close the database). Checked
 * by removing the provider from AppModule: the API then does not exit within 15 s of SIGTERM (Nest
 * closes the database first and the HTTP server last, which waits on the clients' kept-alive
 * connections for Fastify's 72 s keepAliveTimeout).
 */
describe('SIGTERM to the API under a load of saves', () => {
  let t: TestApp;
  let api: (Child & { url: string }) | undefined;

  beforeAll(async () => {
    t = await startTestApp('apisigterm');
  });
  afterAll(async () => {
    await stop(api, 'SIGKILL');
    await t?.close();
  });

  it('finishes the saves in flight, refuses the rest, and loses or doubles none', async () => {
    const admin = `Bearer ${await t.token('admin')}`;
    const period = (await t.http().post('/api/periods').set('Authorization', admin).send({ type: 'month', year: 2024, number: 5 }).expect(201)).body;
    const started = await spawnApi({ DATABASE_URL: t.databaseUrl, REDIS_URL: t.redisUrl, QUEUE_PREFIX: t.queuePrefix, SHUTDOWN_GRACE_MS: '10000' });
    api = started;
    const streams = await Promise.all(
      [['officer-sa', 'forest'], ['officer-sb', 'retail']].map(async ([user, indicator]) => {
        const token = `Bearer ${await t.token(user)}`;
        const [s] = (await t.http().get(`/api/submissions?periodId=${period.id}`).set('Authorization', token).expect(200)).body;
        return { user, indicator, token, id: s.id as string, version: s.version as number, acked: [] as Array<{ version: number; value: number }>, failures: [] as string[] };
      }),
    );
    let stopping = false;
    const run = async (s: (typeof streams)[number]) => {
      for (let n = 1; ; n++) {
        let res: Response;
        try {
          res = await fetch(`${started.url}/api/submissions/${s.id}/values`, {
            method: 'PUT',
            headers: { authorization: s.token, 'content-type': 'application/json' },
            body: JSON.stringify({ version: s.version, values: [{ indicatorCode: s.indicator, value: n }] }),
          });
        } catch (error) {
          // refused: the server has stopped accepting
          if (!stopping) s.failures.push(`fetch: ${(error as Error).message} ${(error as { cause?: Error }).cause?.message}`);
          return;
        }
        if (res.status === 200) {
          s.version = (await res.json()).version;
          s.acked.push({ version: s.version, value: n });
        } else if (res.status === 503 && stopping) {
          return;
        } else {
          s.failures.push(`${res.status} ${await res.text()}`);
          return;
        }
      }
    };
    const load = Promise.all(streams.map(run));
    // let the load run, then stop the API in the middle of it
    await waitFor(async () => {
      if (streams.some((s) => s.failures.length > 0)) throw new Error(`a save failed before the stop: ${streams.flatMap((s) => s.failures)}`);
      return streams.every((s) => s.acked.length >= 10);
    }, 30_000, 'saves under way');
    stopping = true;
    started.process.kill('SIGTERM');
    await load;
    // it exits within its grace (10 s) and a little: an idle kept-alive connection does not hold it
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`the API did not exit:\n${started.output().slice(-2000)}`)), 15_000)));
    await Promise.race([started.exited, late]).finally(() => clearTimeout(timer));

    for (const s of streams) {
      expect(s.failures).toEqual([]);
      const last = s.acked[s.acked.length - 1];
      const [row] = await t.db.query(
        `SELECT s.version, v.numeric_value::float8 AS value FROM submissions s JOIN submission_values v ON v.submission_id = s.id AND v.indicator_code = $2 WHERE s.id = $1`,
        [s.id, s.indicator],
      );
      expect(row).toEqual({ version: last.version, value: last.value });
    }
    expect(started.output()).not.toContain('Error happened during shutdown');
    expect(started.output()).toContain('API ngừng nhận yêu cầu');
  }, 60_000);
});
