import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { APP_ROLE } from '../../libs/database/src/app-role';

/**
 * A login role of its own for a test, member of the application role and nothing else, as the README's
 * runbook creates one for the API: what the application can do, with no superuser behind it to
 * return to. Roles are cluster-wide: the name is unique to the test, and `drop` removes it.
 */
export async function createAppLogin(adminUrl: string, label: string): Promise<{ name: string; urlFor: (databaseUrl: string) => string; drop: () => Promise<void> }> {
  const name = `tonghop_t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${name} LOGIN PASSWORD '${password}' IN ROLE ${APP_ROLE}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    urlFor: (databaseUrl) => {
      const u = new URL(databaseUrl);
      u.username = name;
      u.password = password;
      return u.toString();
    },
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP ROLE IF EXISTS ${name}`);
      } finally {
        await c.end();
      }
    },
  };
}
