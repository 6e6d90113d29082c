import { Client } from 'pg';
import { createDataSource } from '../../libs/database/src/data-source';
import { resolvePostgres, withDatabase } from '../../libs/database/src/postgres-resolver';

export const TEMPLATE_DB = 'tonghop_test_template';

/**
 * Finds Postgres the way the app does (DATABASE_URL, local, embedded), then migrates one
 * template database; each test file clones it into a database of its own (test/support/test-db.ts).
 */
export default async function globalSetup(): Promise<void> {
  const pg = await resolvePostgres({ database: 'postgres', log: (m) => console.log(m) });
  const adminUrl = pg.adminUrl;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [TEMPLATE_DB]);
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const ds = createDataSource(withDatabase(adminUrl, TEMPLATE_DB));
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  (globalThis as { __pgStop?: () => Promise<void> }).__pgStop = pg.stop;
}
