import type { EntityManager } from 'typeorm';
import type { Queryable } from './queryable';

// The outbox's statements. The typed events (names, payloads) and the relay to BullMQ live in
// libs/queue, which calls these: libs/database knows no queue, so the type parameters carry the event types.

export interface OutboxRow<TType extends string = string, TPayload = unknown> {
  id: string;
  type: TType;
  payload: TPayload;
}

/** Takes the caller's transaction: the event commits with the change it announces, or not at all. */
export async function insertOutboxEvent(m: EntityManager, type: string, payload: unknown): Promise<void> {
  await m.query(`INSERT INTO outbox_events (type, payload) VALUES ($1, $2)`, [type, JSON.stringify(payload)]);
}

/**
 * Up to `limit` undispatched events, oldest first, locked until the caller's transaction ends;
 * rows another relay holds are skipped (SKIP LOCKED), so several relays can run.
 */
export async function claimPendingOutboxEvents<TType extends string, TPayload>(
  m: EntityManager,
  limit: number,
): Promise<Array<OutboxRow<TType, TPayload>>> {
  return m.query(`SELECT id, type, payload FROM outbox_events WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`, [limit]);
}

export async function markOutboxEventsDispatched(m: EntityManager, ids: string[]): Promise<void> {
  await m.query(`UPDATE outbox_events SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
}

export async function countPendingOutboxEvents(db: Queryable): Promise<number> {
  const [{ n }]: Array<{ n: number }> = await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE dispatched_at IS NULL`);
  return n;
}

/** The event's handlers ran (their effects, or the jobs that make them, exist): the event is done. */
export async function markOutboxEventHandled(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE outbox_events SET handled_at = now() WHERE id = $1 AND handled_at IS NULL`, [id]);
}

/** Retention: handled events older than `days` are deleted; returns how many. */
export async function deleteHandledOutboxEvents(db: Queryable, days: number): Promise<number> {
  const [{ n }]: Array<{ n: number }> = await db.query(
    `WITH gone AS (DELETE FROM outbox_events WHERE handled_at IS NOT NULL AND handled_at < now() - $1 * interval '1 day' RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [days],
  );
  return n;
}
