import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { demoPassword, seedDemo } from '../../apps/cli/src/commands';
import { createDataSource } from '../../libs/database/src';
import { dropQueueKeys } from './redis-keys';
import { createTestDatabase } from './test-db';
import { testConfig } from './test-config';
import { TEST_REDIS_URL } from './test-redis';
import { waitFor } from './wait';

/** A report in the API's hands, as the signer last saw it. */
export interface ReportHandle {
  id: string;
  version: number;
  /** the revision sent, then signed */
  revisionId: string;
  revision: number;
}

export interface SigningApp {
  db: DataSource;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /** the in-process API; the worker under test runs in its own process */
  http: () => TestAgent;
  as: (username: string) => Promise<string>;
  /** April 2024 (approved history of the demo) consolidated by the worker, its draft sent to the signer */
  sentReport: () => Promise<ReportHandle>;
  /** the signed revision's files, as stored */
  files: (revisionId: string) => Promise<Array<{ format: string; renderedAs: string; state: string }>>;
  close: () => Promise<void>;
}

/**
 * The Lạng Sơn demo data on a database of its own and the API in this process (`apiUrl` to use
 * another API), for the fault tests of the signing and the rendering: a report is consolidated by a
 * worker the test starts, sent and signed over HTTP.
 */
export async function startSigningApp(label: string, options: { database?: { url: string; drop: () => Promise<void> } } = {}): Promise<SigningApp> {
  const database = options.database ?? (await createTestDatabase(label));
  const db = createDataSource(database.url);
  await db.initialize();
  const configDir = testConfig().TONGHOP_CONFIG_DIR;
  await seedDemo(db, configDir);
  // TEST_API_LOG=1: the API's warnings and errors (a 500's stack) in the test's output
  const app: INestApplication = await createApp(testConfig(), database.url, { logger: process.env.TEST_API_LOG ? ['error', 'warn'] : false });
  await app.init();
  const queuePrefix = `tonghop-test-${label}-${randomBytes(4).toString('hex')}`;
  const http = () => request(app.getHttpServer());
  const tokens = new Map<string, string>();
  const as = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, (await http().post('/api/auth/login').send({ username, password: demoPassword(configDir) }).expect(200)).body.accessToken);
    return `Bearer ${tokens.get(username)}`;
  };
  const sentReport = async (): Promise<ReportHandle> => {
    const [{ id: periodId }] = await db.query(`SELECT id FROM periods WHERE type = 'month' AND year = 2024 AND number = 4`);
    const reviewer = await as('reviewer');
    await http().post('/api/reports/consolidate').set('Authorization', reviewer).send({ periodId }).expect(202);
    const [summary] = await waitFor(async () => {
      const res = await http().get(`/api/reports?periodId=${periodId}`).set('Authorization', reviewer).expect(200);
      return res.body.length && res.body[0].revisions.length ? res.body : null;
    }, 40_000, 'the draft consolidated by the worker');
    const report = (await http().get(`/api/reports/${summary.id}`).set('Authorization', reviewer).expect(200)).body;
    const missing: string[] = report.revisions[report.revisions.length - 1].missingUnits;
    const sent = (await http().post(`/api/reports/${report.id}/send`).set('Authorization', reviewer)
      .send({ version: report.version, ...(missing.length ? { missingUnitsAccepted: missing } : {}) }).expect(200)).body;
    const [{ id: revisionId, number }] = await db.query(`SELECT rv.id, rv.number FROM report_revisions rv JOIN reports r ON r.id = rv.report_id AND rv.number = r.sent_revision WHERE r.id = $1`, [report.id]);
    return { id: report.id, version: sent.version, revisionId, revision: number };
  };
  return {
    db,
    databaseUrl: database.url,
    redisUrl: TEST_REDIS_URL,
    queuePrefix,
    http,
    as,
    sentReport,
    files: (revisionId) => db.query(`SELECT format, rendered_as AS "renderedAs", state FROM report_files WHERE revision_id = $1 ORDER BY format`, [revisionId]),
    close: async () => {
      await app.close();
      await db.destroy();
      await database.drop();
      await dropQueueKeys(TEST_REDIS_URL, queuePrefix);
    },
  };
}
