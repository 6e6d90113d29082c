/**
 * The TypeScript benches' fresh database (bench:series, bench:deadline-day, the soak, the drill): dropped
 * and created anew on the bench's PostgreSQL, then migrated in this process — those run from the sources
 * (bench:series builds nothing). The JavaScript benches migrate through the built CLI (database.js, which
 * also recreates the database for both).
 */
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../libs/database/src';
import { recreateDatabase } from './database';

export { recreateDatabase };

/** Database `name` made anew and migrated; the caller gets the (initialized) data source and destroys it. */
export async function freshMigratedDatabase(adminUrl: string, url: string, name: string): Promise<DataSource> {
  await recreateDatabase(name, adminUrl);
  const ds = createDataSource(url, { poolSize: 2 });
  await ds.initialize();
  await ds.runMigrations();
  return ds;
}
