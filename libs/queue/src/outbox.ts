import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, EventJob, jobIds, OutboxEvents, OutboxEventType } from './queues';

/** Call inside the transaction of the change the event announces. */
export async function writeOutbox<T extends OutboxEventType>(
  manager: EntityManager,
  type: T,
  payload: OutboxEvents[T],
): Promise<void> {
  await manager.query(`INSERT INTO outbox_events (type, payload) VALUES ($1, $2)`, [type, JSON.stringify(payload)]);
}

/**
 * Moves up to `limit` pending outbox rows to the events queue. The rows stay locked (SKIP LOCKED,
 * so several relays can run) until the jobs are in Redis; if Redis refuses, the transaction rolls
 * back and the rows are tried again. A crash between the add and the commit re-adds the same job
 * ids, which BullMQ drops as duplicates.
 */
export async function relayOutboxBatch(ds: DataSource, queue: Queue<EventJob>, limit = 200): Promise<number> {
  return ds.transaction(async (m) => {
    const rows: Array<{ id: string; type: OutboxEventType; payload: EventJob['payload'] }> = await m.query(
      `SELECT id, type, payload FROM outbox_events WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    if (rows.length === 0) return 0;
    await queue.addBulk(
      rows.map((r) => ({
        name: r.type,
        data: { outboxId: String(r.id), type: r.type, payload: r.payload },
        opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.event(String(r.id)) },
      })),
    );
    await m.query(`UPDATE outbox_events SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
    return rows.length;
  });
}
