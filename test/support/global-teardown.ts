import { rmSync } from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  if (adminUrl && template) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).finally(() => admin.end());
  }
  await (globalThis as { __redisStop?: () => Promise<void> }).__redisStop?.();
  if (process.env.TEST_PKI_DIR) rmSync(process.env.TEST_PKI_DIR, { recursive: true, force: true });
  await (globalThis as { __pgStop?: () => Promise<void> }).__pgStop?.();
}
