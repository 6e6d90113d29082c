import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { QUEUES, redisOptions } from '../../libs/queue/src';
import { readDemoMonth } from '../../apps/cli/src/scripted-month';
import { spawnApi } from '../support/api-process';
import { Child, spawnWorker, stop } from '../support/child-process';
import { DemoApp, startDemoApp } from '../support/demo-app';
import { dropQueueKeys } from '../support/redis-keys';
import { testConfig } from '../support/test-config';
import { TEST_REDIS_URL } from '../support/test-redis';
import { waitFor } from '../support/wait';

/**
 * Two API processes and two worker processes on one Postgres and one Redis, under a small load: every
 * unit of the demo (29) saves its May figures twice, submits, and is approved, all at once, each
 * request sent to either API. Invariants: every request succeeds; every event is handled; every
 * submission yields its reviewer notification and every approval its officer notification, each
 * exactly once (per event and recipient); the approvals yield exactly one consolidation, complete
 * (no unit missing), and no trigger gives two revisions. Recovery mechanisms: the outbox relay's
 * row locks (SKIP LOCKED: one relay per event), deterministic job ids, the notifications' dedupe key,
 * the approval set's trigger (every approval event handled once the set is complete names the same
 * consolidation) with the unique (report, trigger) of revisions, and the sweeper (here every 200 ms,
 * racing the jobs). Checked: with the trigger made per event (`${trigger}:${event.outboxId}`) the
 * concurrent last approvals give several consolidations and the test fails. Every submission and
 * approval event is then delivered a second time (BullMQ's at-least-once): checked, with the
 * notifications' ON CONFLICT (dedupe key) removed the second delivery notifies again and the test fails.
 */
describe('two APIs and two workers on one Postgres and one Redis', () => {
  let t: DemoApp;
  const prefix = `tonghop-test-twoofeach-${randomBytes(4).toString('hex')}`;
  const children: Child[] = [];

  beforeAll(async () => {
    t = await startDemoApp('twoofeach');
  }, 90_000);
  afterAll(async () => {
    for (const c of children) await stop(c, 'SIGKILL');
    await t?.close();
    await dropQueueKeys(TEST_REDIS_URL, prefix);
  });

  it('loses and doubles no notification nor consolidation', async () => {
    const env = { DATABASE_URL: t.databaseUrl, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix };
    const workerEnv = { ...env, REMINDER_SCAN_EVERY_MS: '0', OUTBOX_POLL_MS: '100', SWEEP_EVERY_MS: '200', STUCK_AFTER_MS: '300', SOFFICE_PATH: '/nonexistent/soffice' };
    const [a, b, ...workers] = await Promise.all([spawnApi(env), spawnApi(env), spawnWorker(workerEnv), spawnWorker(workerEnv)]);
    children.push(a, b, ...workers);
    const apis = [a.url, b.url];
    const call = async (n: number, token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${apis[n % 2]}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${method} ${path} via API ${n % 2}: ${res.status} ${text}`);
      return JSON.parse(text);
    };
    const month = readDemoMonth(testConfig().TONGHOP_CONFIG_DIR);
    const typed = new Map(month.submissions.map((s) => [s.unit, s.values]));
    const reviewer = await t.token('reviewer');
    const units = [...t.submissions.keys()];
    await Promise.all(units.map(async (unit, i) => {
      const id = t.submissions.get(unit)!;
      const officer = await t.token(`officer-${unit.toLowerCase()}`);
      const values = typed.get(unit) ?? [];
      let { version } = await call(i, officer, 'GET', `/submissions/${id}`);
      ({ version } = await call(i, officer, 'PUT', `/submissions/${id}/values`, { version, values: values.slice(0, Math.ceil(values.length / 2)) }));
      ({ version } = await call(i + 1, officer, 'PUT', `/submissions/${id}/values`, { version, values }));
      ({ version } = await call(i, officer, 'POST', `/submissions/${id}/submit`, { version }));
      await call(i + 1, reviewer, 'POST', `/submissions/${id}/approve`, { version });
    }));

    const revisions = () => t.db.query(`SELECT rv.trigger, rv.missing_units AS "missingUnits" FROM report_revisions rv JOIN reports r ON r.id = rv.report_id WHERE r.period_id = $1`, [t.periodId]);
    await waitFor(async () => (await revisions()).length > 0, 40_000, 'the consolidation');
    await waitFor(async () => (await t.db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE handled_at IS NULL`))[0].n === 0, 30_000, 'every event handled');
    // a sweep or two more: nothing is done again
    await new Promise((r) => setTimeout(r, 3000));

    // BullMQ delivers at least once (a job stalled on one worker is run again by the other): every
    // submission and approval event delivered a second time, under a job id of its own, changes nothing
    const redelivery = new Queue(QUEUES.events, { connection: redisOptions(TEST_REDIS_URL), prefix });
    try {
      const handled: Array<{ id: string; type: string; payload: unknown }> = await t.db.query(
        `SELECT id::text AS id, type, payload FROM outbox_events WHERE type IN ('submission.submitted', 'submission.approved')`,
      );
      const again = await redelivery.addBulk(handled.map((e) => ({ name: e.type, data: { outboxId: e.id, type: e.type, payload: e.payload }, opts: { jobId: `again-${e.id}` } })));
      await waitFor(async () => (await Promise.all(again.map((j) => j.getState()))).every((state) => state === 'completed' || state === 'unknown' /* kept no longer once done */), 30_000, 'the events delivered again');
    } finally {
      await redelivery.close();
    }

    const events: Array<{ id: string; type: string; notified: number; recipients: number }> = await t.db.query(
      `SELECT e.id::text AS id, e.type,
              (SELECT count(*)::int FROM notifications n WHERE n.dedupe_key = 'event.' || e.id) AS notified,
              (SELECT count(DISTINCT n.user_id)::int FROM notifications n WHERE n.dedupe_key = 'event.' || e.id) AS recipients
         FROM outbox_events e WHERE e.type IN ('submission.submitted', 'submission.approved')`,
    );
    expect(events.filter((e) => e.type === 'submission.submitted')).toHaveLength(units.length);
    expect(events.filter((e) => e.type === 'submission.approved')).toHaveLength(units.length);
    expect(events.filter((e) => e.notified === 0 || e.notified !== e.recipients)).toEqual([]);
    const rows = await revisions();
    expect(rows.filter((r: { trigger: string }) => r.trigger.startsWith('approved:'))).toEqual([expect.objectContaining({ missingUnits: [] })]);
    expect(new Set(rows.map((r: { trigger: string }) => r.trigger)).size).toBe(rows.length);
    for (const c of children) expect(c.process.exitCode).toBeNull();
  }, 120_000);
});
