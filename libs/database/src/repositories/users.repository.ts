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
