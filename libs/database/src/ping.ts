import { QueryRunnerAlreadyReleasedError, type DataSource } from 'typeorm';

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

/** SQLSTATEs of a server shutting down or refusing connections (class 08 and 57P0x), and socket errors. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_TEXT = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

/**
 * True when the error says the database is away (down, restarting, unreachable) rather than that
 * the statement was wrong: what the API answers with 503 and a job simply retries.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // a transaction's connection lost between two of its statements: TypeORM releases the query runner
  // on the connection's 'error' event, and the next statement meets the released runner
  // (found by test/faults/postgres-restart-signing.int-spec.ts; our code releases a runner only when done with it)
  if (error instanceof QueryRunnerAlreadyReleasedError) return true;
  for (let e = error as { code?: unknown; message?: unknown; driverError?: unknown } | undefined, depth = 0; e && depth < 3; depth++) {
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_TEXT.test(e.message)) return true;
    e = e.driverError as typeof e;
  }
  return false;
}
