import { Client } from 'pg';
import { DEFAULT_JOB_OPTIONS, jobIds, JOBS, RemindJob } from '../../libs/queue/src';
import { Child, spawnWorker, stop } from '../support/child-process';
import { QueueProbe } from '../support/queue-probe';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';

/**
 * A worker process killed with SIGKILL in the middle of a reminder job: after a new worker starts,
 * the reminder exists exactly once (no duplicate) and at all (no loss).
 */
describe('a worker killed mid-job', () => {
  let t: TestApp;
  let probe: QueueProbe;
  let first: Child | undefined;
  let second: Child | undefined;
  let blocker: Client;
  const env = () => ({
    DATABASE_URL: t.databaseUrl,
    REDIS_URL: t.redisUrl,
    QUEUE_PREFIX: t.queuePrefix,
    REMINDER_SCAN_EVERY_MS: '0',
    SMTP_URL: '',
    // a dead worker's lock runs out after 1 s, and the next worker looks for stalled jobs every 0.5 s
    WORKER_LOCK_MS: '1000',
    WORKER_STALLED_MS: '500',
    OUTBOX_POLL_MS: '1000',
  });

  beforeAll(async () => {
    t = await startTestApp('crash');
    const admin = `Bearer ${await t.token('admin')}`;
    await t.http().post('/api/periods').set('Authorization', admin).send({ type: 'month', year: 2024, number: 5 }).expect(201);
    probe = new QueueProbe(t.redisUrl, t.queuePrefix);
    blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
  });
  afterAll(async () => {
    await stop(first, 'SIGKILL');
    await stop(second);
    await blocker?.end().catch(() => undefined);
    await probe?.close();
    await t?.close();
  });

  it('leaves no duplicate and no loss after a restart', async () => {
    const [sub] = await t.db.query(
      `SELECT s.id, s.period_id FROM submissions s JOIN reporting_units u ON u.id = s.unit_id JOIN periods p ON p.id = s.period_id
        WHERE u.code = 'SA' AND p.year = 2024 AND p.number = 5`,
    );
    const job: RemindJob = { kind: 'before_deadline', periodId: sub.period_id, submissionId: sub.id, day: '2024-05-13' };
    first = await spawnWorker(env());

    // hold the submission's row lock, so that the job stops inside its statement
    await blocker.query('BEGIN');
    await blocker.query('SELECT id FROM submissions WHERE id = $1 FOR UPDATE', [sub.id]);
    await probe.reminders.add(JOBS.remind, job, { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.remind(job) });
    const database = t.databaseUrl.split('/').pop()!.split('?')[0];
    await waitFor(async () => {
      const [row] = await t.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
        [database],
      );
      return row.n === 1;
    }, 30_000, 'the job to wait on the lock');
    expect(await probe.reminders.getJobCounts('active')).toEqual({ active: 1 });

    first.process.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    await blocker.query('ROLLBACK');

    second = await spawnWorker(env());
    const done = await waitFor(async () => ((await probe.reminders.getJob(jobIds.remind(job)))?.finishedOn ? probe.reminders.getJob(jobIds.remind(job)) : null), 30_000, 'the job to be finished by the new worker');
    expect(done!.failedReason).toBeUndefined();
    expect(['sent', 'already-sent']).toContain(done!.returnvalue);

    const reminders = await t.db.query(`SELECT kind, day::text AS day, recipients FROM reminders WHERE submission_id = $1`, [sub.id]);
    expect(reminders).toEqual([{ kind: 'before_deadline', day: '2024-05-13', recipients: 1 }]);
    const notifications = await t.db.query(`SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.dedupe_key = $1`, [jobIds.remind(job)]);
    expect(notifications).toEqual([{ username: 'officer-sa' }]);
  }, 120_000);
});
