import type { EntityManager } from 'typeorm';
import type { Queryable } from './queryable';

export interface AuditRecord {
  submissionId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** Takes the caller's transaction: no change without its audit row, and no audit row without the change. */
export async function insertAuditEntry(m: EntityManager, r: AuditRecord): Promise<void> {
  await m.query(
    `INSERT INTO audit_log (submission_id, entity_type, entity_id, action, actor_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      r.submissionId,
      r.entityType,
      r.entityId,
      r.action,
      r.actorId,
      r.before === undefined ? null : JSON.stringify(r.before),
      r.after === undefined ? null : JSON.stringify(r.after),
    ],
  );
}

/** One row of the audit chain as the verifier reads it: the content hashed, serialised by Postgres as the trigger does. */
export interface AuditChainRow {
  id: string;
  chainSeq: string;
  prevHash: string | null;
  hash: string | null;
  /** what the row's hash covers after the previous hash (the expression of audit_log_payload, written out here) */
  payload: string;
}

/**
 * The audit log in chain order, a page at a time (after `afterSeq`). The payload is computed here
 * from the columns, not by the database's function, so that a replaced function cannot hide a change.
 */
export async function listAuditChain(db: Queryable, afterSeq: string, limit: number): Promise<AuditChainRow[]> {
  return db.query(
    `SELECT id::text, chain_seq::text AS "chainSeq", prev_hash AS "prevHash", hash,
            jsonb_build_array(chain_seq, submission_id, entity_type, entity_id, action, actor_id, before, after,
                              to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text AS payload
       FROM audit_log WHERE chain_seq > $1::bigint ORDER BY chain_seq LIMIT $2`,
    [afterSeq, limit],
  );
}

/** Audit rows outside the chain (every row gets its place on insert: one without is a row tampered with). */
export async function findUnchainedAuditRows(db: Queryable): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(`SELECT id::text FROM audit_log WHERE chain_seq IS NULL ORDER BY id LIMIT 100`);
  return rows.map((r) => r.id);
}
