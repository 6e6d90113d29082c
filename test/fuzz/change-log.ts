import type { DataSource } from 'typeorm';

/**
 * Every row written to the fuzzed database, as it happens: a row trigger on each table appends the table
 * and the operation to `fuzz_changes`. A transaction rolled back leaves no entry, so "a refused request
 * changed nothing" is "no entry since the request was sent". Cheaper than checksumming the demo's
 * hundred thousand figures before and after each of thousands of requests, and stricter: an UPDATE
 * that rewrites a row with the same values counts too. Installed on the fuzzer's own database only.
 */
export async function installChangeLog(db: DataSource): Promise<void> {
  await db.query(`CREATE TABLE fuzz_changes (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`);
  await db.query(`CREATE FUNCTION fuzz_log() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO fuzz_changes (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`);
  const tables: Array<{ name: string }> = await db.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('fuzz_changes', 'migrations')`,
  );
  for (const t of tables) {
    await db.query(`CREATE TRIGGER fuzz_log AFTER INSERT OR UPDATE OR DELETE ON "${t.name}" FOR EACH ROW EXECUTE FUNCTION fuzz_log()`);
  }
}

/** what is written behind the API's back, not by a request: the outbox relay marking its events dispatched */
const BACKGROUND = new Set(['outbox_events:UPDATE']);

export async function lastChange(db: DataSource): Promise<number> {
  const [{ id }] = await db.query(`SELECT coalesce(max(id), 0)::bigint AS id FROM fuzz_changes`);
  return Number(id);
}

/** the writes since `after`, as "table:OP×n", leaving out the background ones */
export async function changesSince(db: DataSource, after: number): Promise<string[]> {
  const rows: Array<{ tbl: string; op: string; n: number }> = await db.query(
    `SELECT tbl, op, count(*)::int AS n FROM fuzz_changes WHERE id > $1 GROUP BY 1, 2 ORDER BY 1, 2`,
    [after],
  );
  return rows.filter((r) => !BACKGROUND.has(`${r.tbl}:${r.op}`)).map((r) => `${r.tbl}:${r.op}×${r.n}`);
}
