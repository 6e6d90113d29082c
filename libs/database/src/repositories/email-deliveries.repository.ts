import type { Queryable } from './queryable';

/** What one e-mail job sends: its delivery's state and address, and the message's text. */
export interface DeliveryMailRow {
  status: string;
  to_address: string;
  title: string;
  body: string;
  /** report_files.id of the file the e-mail carries */
  attachment_file_id: string | null;
}

export async function findDeliveryMail(db: Queryable, deliveryId: string): Promise<DeliveryMailRow | null> {
  const [row]: DeliveryMailRow[] = await db.query(
    `SELECT d.status, d.to_address, n.title, n.body, n.attachment_file_id
       FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE d.id = $1`,
    [deliveryId],
  );
  return row ?? null;
}

export async function markDeliverySent(db: Queryable, deliveryId: string, messageId: string): Promise<void> {
  await db.query(
    `UPDATE email_deliveries SET status = 'sent', attempts = attempts + 1, sent_at = now(), message_id = $2, last_error = NULL WHERE id = $1`,
    [deliveryId, messageId],
  );
}

/** Counts the attempt; the delivery stays pending (to be retried) unless this was the last attempt. */
export async function recordDeliveryFailure(db: Queryable, deliveryId: string, error: string, final: boolean): Promise<void> {
  await db.query(
    `UPDATE email_deliveries SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE 'pending' END WHERE id = $1`,
    [deliveryId, error, final],
  );
}

/** Deliveries still pending for the notifications written under one key. */
export async function findPendingDeliveries(db: Queryable, dedupeKey: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(
    `SELECT d.id FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id
      WHERE n.dedupe_key = $1 AND d.status = 'pending'`,
    [dedupeKey],
  );
  return rows.map((r) => r.id);
}

/** Deliveries pending for over a minute, oldest first (at most 1000): their job was probably lost. */
export async function findStalePendingDeliveries(db: Queryable): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(
    `SELECT id FROM email_deliveries WHERE status = 'pending' AND created_at < now() - interval '1 minute' ORDER BY created_at LIMIT 1000`,
  );
  return rows.map((r) => r.id);
}
