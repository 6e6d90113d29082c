import type { DataSource } from 'typeorm';

/** Throws when the database does not answer: what the health check reports. */
export async function pingDatabase(db: DataSource): Promise<void> {
  await db.query('SELECT 1');
}
