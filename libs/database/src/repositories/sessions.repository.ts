import type { Role } from '@app/domain';
import type { Queryable } from './queryable';

/** What each request checks of its user (cached by the API for a few seconds). */
export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  unitId: string | null;
  active: boolean;
  sessionGeneration: number;
  mustChangePassword: boolean;
}

const SESSION_USER_COLUMNS = `id, username, role, unit_id AS "unitId", active, session_generation AS "sessionGeneration", must_change_password AS "mustChangePassword"`;

export async function findSessionUser(db: Queryable, userId: string): Promise<SessionUser | null> {
  const rows: SessionUser[] = await db.query(`SELECT ${SESSION_USER_COLUMNS} FROM users WHERE id = $1`, [userId]);
  return rows[0] ?? null;
}

export async function insertRefreshToken(
  db: Queryable,
  t: { familyId: string; userId: string; tokenHash: string; generation: number; expiresAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO refresh_tokens (family_id, user_id, token_hash, generation, expires_at) VALUES ($1, $2, $3, $4, $5)`,
    [t.familyId, t.userId, t.tokenHash, t.generation, t.expiresAt],
  );
}

export interface RefreshTokenRow {
  id: string;
  familyId: string;
  userId: string;
  generation: number;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** The token row, locked for the caller's transaction (two uses at once: one wins, the other is a reuse). */
export async function lockRefreshToken(db: Queryable, tokenHash: string): Promise<RefreshTokenRow | null> {
  const rows: RefreshTokenRow[] = await db.query(
    `SELECT id, family_id AS "familyId", user_id AS "userId", generation, expires_at AS "expiresAt", used_at AS "usedAt", revoked_at AS "revokedAt"
       FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** The token row without a lock (the queue board checks the cookie, it does not rotate it). */
export async function findRefreshToken(db: Queryable, tokenHash: string): Promise<RefreshTokenRow | null> {
  const rows: RefreshTokenRow[] = await db.query(
    `SELECT id, family_id AS "familyId", user_id AS "userId", generation, expires_at AS "expiresAt", used_at AS "usedAt", revoked_at AS "revokedAt"
       FROM refresh_tokens WHERE token_hash = $1`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function markRefreshTokenUsed(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [id]);
}

/** Ends one session (its token family). */
export async function revokeRefreshFamily(db: Queryable, familyId: string): Promise<void> {
  await db.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
}

/**
 * Ends every session of the user at once: the generation every token carries moves on, and the
 * refresh tokens are revoked. Returns the new generation, or null when there is no such user.
 */
export async function endUserSessions(db: Queryable, userId: string): Promise<number | null> {
  const rows: Array<{ generation: number }> = await db.query(
    `WITH u AS (UPDATE users SET session_generation = session_generation + 1 WHERE id = $1 RETURNING session_generation)
     SELECT session_generation AS generation FROM u`,
    [userId],
  );
  const generation = rows[0]?.generation;
  if (generation === undefined) return null;
  await db.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  return generation;
}

/** Refresh tokens long expired are of no use, not even for reuse detection. */
export async function deleteExpiredRefreshTokens(db: Queryable, olderThan: Date): Promise<void> {
  await db.query(`DELETE FROM refresh_tokens WHERE expires_at < $1`, [olderThan]);
}
