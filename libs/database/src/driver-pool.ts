import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * The pg Pool behind a TypeORM DataSource, for the two hot paths (the batched save, the reminder
 * batch) that run named (prepared) statements — planned once per connection — which TypeORM's
 * `query()` cannot send. `driver.master` is TypeORM internals, not public API: this is the only
 * place that reaches for it, and test/database/driver-pool.int-spec.ts fails if an upgrade of
 * TypeORM moves it. Internal to libs/database: the repositories call it, apps never do.
 */
export function poolOf(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as PostgresDriver).master as unknown;
  if (!(pool instanceof Pool)) {
    throw new Error('TypeORM no longer keeps its pg Pool in driver.master: see libs/database/src/driver-pool.ts');
  }
  return pool;
}
