import type { EntityManager } from 'typeorm';

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
