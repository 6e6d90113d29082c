import type { Queryable } from './queryable';

/** The name that signs the consolidated report: the first active signer, or null when there is none. */
export async function findSignerName(db: Queryable): Promise<string | null> {
  const signer: Array<{ full_name: string }> = await db.query(`SELECT full_name FROM users WHERE role = 'signer' AND active ORDER BY created_at LIMIT 1`);
  return signer[0]?.full_name ?? null;
}

export async function findUserFullName(db: Queryable, userId: string): Promise<string | null> {
  const [row]: Array<{ name: string }> = await db.query(`SELECT full_name AS name FROM users WHERE id = $1`, [userId]);
  return row?.name ?? null;
}

export async function findUserAccount(db: Queryable, userId: string): Promise<{ username: string; fullName: string } | null> {
  const [row]: Array<{ username: string; fullName: string }> = await db.query(`SELECT username, full_name AS "fullName" FROM users WHERE id = $1`, [userId]);
  return row ?? null;
}

export async function findUserIdByUsername(db: Queryable, username: string): Promise<string | null> {
  const rows: Array<{ id: string }> = await db.query(`SELECT id FROM users WHERE username = $1`, [username]);
  return rows[0]?.id ?? null;
}

/**
 * The first administrator of a deployment (`create-admin`), with a one-time password they must
 * change at first login. Null when the username is taken.
 */
export async function insertFirstAdministrator(db: Queryable, u: { username: string; fullName: string; passwordHash: string }): Promise<string | null> {
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO users (username, password_hash, full_name, role, must_change_password)
     VALUES ($1, $2, $3, 'admin', true) ON CONFLICT (username) DO NOTHING RETURNING id`,
    [u.username, u.passwordHash, u.fullName],
  );
  return rows[0]?.id ?? null;
}

export interface AccountCredentials {
  id: string;
  username: string;
  passwordHash: string;
  isDemo: boolean;
}

/** Active accounts made by the demo, or named like one (a database seeded before accounts were marked). */
export async function findActiveDemoLikeAccounts(db: Queryable, demoUsernames: string[]): Promise<AccountCredentials[]> {
  return db.query(
    `SELECT id, username, password_hash AS "passwordHash", is_demo AS "isDemo" FROM users
      WHERE active AND (is_demo OR username = ANY($1::text[]) OR username LIKE 'officer-%') ORDER BY username`,
    [demoUsernames],
  );
}
