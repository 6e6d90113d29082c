import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/cli/src/commands';
import { ConsolidationService } from '../../apps/worker/src/consolidation/consolidation.service';
import { RenderTriggerHandler } from '../../apps/worker/src/rendering/render-trigger.handler';
import { createWorker } from '../../apps/worker/src/worker.factory';
import { APP_ROLE, createDataSource } from '../../libs/database/src';
import { DEFAULT_JOB_OPTIONS, QUEUES, redisOptions, RenderingJob, UNTIL_DONE_JOB_OPTIONS } from '../../libs/queue/src';
import { dropQueueKeys } from '../support/redis-keys';
import { createTestDatabase } from '../support/test-db';
import { TEST_REDIS_URL } from '../support/test-redis';
import { testConfig } from '../support/test-config';
import { waitFor } from '../support/wait';

/**
 * A signed report's rendering that keeps failing is not given up: it is tried again past the retry
 * policy's six attempts, until it succeeds. The failure here is the database refusing the worker's
 * writes (INSERT on report_files revoked from the application role), given back after seven failures.
 */
describe('the rendering of a signed revision', () => {
  const prefix = `tonghop-test-retry-${randomBytes(4).toString('hex')}`;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let worker: INestApplicationContext;
  let queue: Queue<RenderingJob>;
  let revisionId: string;

  beforeAll(async () => {
    database = await createTestDatabase('retry');
    ds = createDataSource(database.url, { poolSize: 2 });
    await ds.initialize();
    await seedDemo(ds, testConfig().TONGHOP_CONFIG_DIR);
    // April 2024 (imported history, approved) consolidated, then signed as the API would leave it
    const [{ id: periodId }] = await ds.query(`SELECT id FROM periods WHERE type = 'month' AND year = 2024 AND number = 4`);
    const [{ id: signer }] = await ds.query(`SELECT id FROM users WHERE username = 'signer'`);
    const app = createDataSource(database.url, { poolSize: 2, role: APP_ROLE });
    await app.initialize();
    await new ConsolidationService(app).consolidate({ periodId, trigger: `request:${randomUUID()}`, actorId: null });
    await app.destroy();
    [{ id: revisionId }] = await ds.query(`SELECT rv.id FROM report_revisions rv JOIN reports r ON r.id = rv.report_id WHERE r.period_id = $1`, [periodId]);
    await ds.query(`UPDATE reports SET state = 'signed', sent_revision = 1, signed_by = $2, signed_at = now() WHERE period_id = $1`, [periodId, signer]);
    await ds.query(`UPDATE report_revisions SET state = 'signed' WHERE id = $1`, [revisionId]);
    // as the apps make their queues: the retry policy is the queue's default (libs/queue jobOptions)
    queue = new Queue(QUEUES.rendering, { connection: redisOptions(TEST_REDIS_URL), prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
    await dropQueueKeys(TEST_REDIS_URL, prefix);
    await ds?.destroy();
    await database?.drop();
  });

  it('is added to be tried until it succeeds (a draft keeps the ordinary policy)', async () => {
    const handler = new RenderTriggerHandler(queue);
    await handler.handle({ outboxId: '1', type: 'report.signed', payload: { reportId: randomUUID(), revisionId: 'signed-one' } });
    await handler.handle({ outboxId: '2', type: 'report.revision_created', payload: { reportId: randomUUID(), revisionId: 'draft-one' } });
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    const attempts = (id: string) => jobs.find((j) => j.data.revisionId === id)!.opts.attempts;
    expect(attempts('signed-one')).toBe(UNTIL_DONE_JOB_OPTIONS.attempts);
    expect(attempts('draft-one')).toBe(DEFAULT_JOB_OPTIONS.attempts);
    await queue.obliterate({ force: true });
  });

  it('is tried again past six failures and stores the signed files once the database takes them', async () => {
    await ds.query(`REVOKE INSERT ON report_files FROM ${APP_ROLE}`);
    try {
      worker = await createWorker({ config: testConfig(), databaseUrl: database.url, redisUrl: TEST_REDIS_URL, queuePrefix: prefix, settings: { scanEveryMs: 0 } }, false);
      // the policy of the handler, with a short first delay for the test (2 s would make this minutes)
      const job = await queue.add('render', { revisionId }, { ...UNTIL_DONE_JOB_OPTIONS, backoff: { type: 'capped', delay: 20 }, jobId: `retry-${revisionId}` });
      await waitFor(async () => ((await queue.getJob(job.id!))?.attemptsMade ?? 0) >= 7, 60_000, 'seven failed attempts');
      expect(await ds.query(`SELECT count(*)::int AS n FROM report_files WHERE revision_id = $1`, [revisionId])).toEqual([{ n: 0 }]);
    } finally {
      await ds.query(`GRANT INSERT ON report_files TO ${APP_ROLE}`);
    }
    const done = await waitFor(async () => {
      const j = await queue.getJob(`retry-${revisionId}`);
      return (await j?.isCompleted()) ? j : null;
    }, 60_000, 'the rendering to succeed');
    expect(done!.attemptsMade).toBeGreaterThanOrEqual(7);
    const files = await ds.query(`SELECT format, rendered_as AS "renderedAs", state FROM report_files WHERE revision_id = $1 AND format = 'docx'`, [revisionId]);
    expect(files).toEqual([{ format: 'docx', renderedAs: 'signed', state: 'ready' }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM report_file_hashes WHERE revision_id = $1 AND format = 'docx'`, [revisionId])).toEqual([{ n: 1 }]);
  }, 150_000);
});
