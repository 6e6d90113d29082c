import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANG_SON_DEMO_PKI, writeDemoPki } from '../../libs/signing/src/demo-pki';
import { Client } from 'pg';
import { createDataSource } from '../../libs/database/src/data-source';
import { resolvePostgres, withDatabase } from '../../libs/database/src/postgres-resolver';
import { resolveRedis } from '../../libs/queue/src/redis-resolver';
import { loadConfig } from '../../libs/config/src/env';
import { ensureAppsBuilt } from './built-apps';

/**
 * Finds Postgres the way the app does (DATABASE_URL, local, embedded), then migrates one template
 * database for this run; each test file clones it into a database of its own (test/support/test-db.ts).
 * The template's name is unique to the run, so two runs on one machine never trip over each other.
 * Finds Redis the way the apps do too (REDIS_URL, local, a redis-server it starts), and builds the
 * apps (dist/) when their sources are newer, for the test that runs the built demo.
 */
export default async function globalSetup(): Promise<void> {
  const log = (m: string) => console.log(m);
  const settings = loadConfig(process.env);
  const pg = await resolvePostgres({ settings, database: 'postgres', log });
  (globalThis as { __pgStop?: () => Promise<void> }).__pgStop = pg.stop;
  const redis = await resolveRedis({ settings, log });
  (globalThis as { __redisStop?: () => Promise<void> }).__redisStop = redis.stop;
  process.env.TEST_REDIS_URL = redis.url;
  ensureAppsBuilt(log);
  const adminUrl = pg.adminUrl;
  const template = `tonghop_tpl_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // templates left behind by runs that were killed more than a day ago
    const stale: Array<{ datname: string }> = await admin.query(
      `SELECT datname FROM pg_database WHERE datname LIKE 'tonghop_tpl_%' AND (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - interval '1 day'`,
    ).then((r) => r.rows).catch(() => []);
    for (const s of stale) await admin.query(`DROP DATABASE IF EXISTS ${s.datname} WITH (FORCE)`).catch(() => undefined);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const ds = createDataSource(withDatabase(adminUrl, template));
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
  // a throw-away PKI for the run (the signer's and the body's keys), inherited by every app and worker the tests start
  if (!process.env.SIGNING_KEYS_FILE) {
    const pki = join(tmpdir(), `tonghop-test-pki-${randomBytes(4).toString('hex')}`);
    process.env.SIGNING_KEYS_FILE = writeDemoPki(pki, LANG_SON_DEMO_PKI);
    process.env.TEST_PKI_DIR = pki;
  }
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_TEMPLATE_DB = template;
}
