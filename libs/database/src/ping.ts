import type { DataSource } from 'typeorm';

/** Throws when the database does not answer: what the health check reports. */
export async function pingDatabase(db: DataSource): Promise<void> {
  await db.query('SELECT 1');
}

/** Who a connection of the pool is: the login (session user), whether it is a superuser, and the role it acts as. */
export async function findConnectionRole(db: DataSource): Promise<{ login: string; loginIsSuperuser: boolean; actingAs: string }> {
  const [row] = await db.query(
    `SELECT session_user AS login, (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS "loginIsSuperuser", current_user AS "actingAs"`,
  );
  return row;
}
