import { claimPendingOutboxEvents, insertOutboxEvent, markOutboxEventsDispatched } from '@app/database';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { EventJob, jobIds, OutboxEvents, OutboxEventType } from './queues';

/** Call inside the transaction of the change the event announces. */
export async function writeOutbox<T extends OutboxEventType>(
  manager: EntityManager,
  type: T,
  payload: OutboxEvents[T],
): Promise<void> {
  await insertOutboxEvent(manager, type, payload);
}

/**
 * Moves up to `limit` pending outbox rows to the events queue. The rows stay locked (SKIP LOCKED,
 * so several relays can run) until the jobs are in Redis; if Redis refuses, the transaction rolls
 * back and the rows are tried again. A crash between the add and the commit re-adds the same job
 * ids, which BullMQ drops as duplicates.
 */
export async function relayOutboxBatch(ds: DataSource, queue: Queue<EventJob>, limit = 200): Promise<number> {
  return ds.transaction(async (m) => {
    const rows = await claimPendingOutboxEvents<OutboxEventType, EventJob['payload']>(m, limit);
    if (rows.length === 0) return 0;
    await queue.addBulk(
      rows.map((r) => ({
        name: r.type,
        data: { outboxId: String(r.id), type: r.type, payload: r.payload },
        // the queue's default options: the one retry policy
        opts: { jobId: jobIds.event(String(r.id)) },
      })),
    );
    await markOutboxEventsDispatched(m, rows.map((r) => r.id));
    return rows.length;
  });
}
