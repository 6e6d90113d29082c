import { DataSource } from 'typeorm';
import { createDataSource, deleteHandledOutboxEvents } from '../../libs/database/src';
import { createTestDatabase } from '../support/test-db';

/**
 * Retention of the outbox (the sweeper runs it every sweep, OUTBOX_RETENTION_DAYS): a handled row
 * goes once it was handled longer ago than the retention; a row not handled stays however old it is
 * (its effect is missing: the sweeper re-drives it), and so does one handled recently.
 */
describe('outbox retention', () => {
  let database: { url: string; drop: () => Promise<void> };
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('outbox_retention');
    db = createDataSource(database.url, { poolSize: 2 });
    await db.initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('deletes the handled rows older than the retention, and only them', async () => {
    const row = (label: string, createdDaysAgo: number, handledDaysAgo: number | null) =>
      db.query(
        `INSERT INTO outbox_events (type, payload, created_at, dispatched_at, handled_at)
         VALUES ('submission.reopened', $1, now() - $2 * interval '1 day', now() - $2 * interval '1 day',
                 CASE WHEN $3::numeric IS NULL THEN NULL ELSE now() - $3::numeric * interval '1 day' END)`,
        [JSON.stringify({ label }), createdDaysAgo, handledDaysAgo],
      );
    await row('handled 8 days ago', 9, 8);
    await row('handled 6 days ago', 30, 6);
    await row('handled an hour ago', 1, 1 / 24);
    await row('dispatched 30 days ago, never handled', 30, null);

    expect(await deleteHandledOutboxEvents(db, 7)).toBe(1);
    const left: Array<{ label: string }> = await db.query(`SELECT payload->>'label' AS label FROM outbox_events ORDER BY id`);
    expect(left.map((r) => r.label)).toEqual(['handled 6 days ago', 'handled an hour ago', 'dispatched 30 days ago, never handled']);
    expect(await deleteHandledOutboxEvents(db, 7)).toBe(0);
    expect(await deleteHandledOutboxEvents(db, 5)).toBe(1);
  });
});
