import { Pool } from 'pg';
import { createDataSource } from '../../libs/database/src';
import { poolOf } from '../../libs/database/src/driver-pool';

/**
 * poolOf reaches into TypeORM's internals (driver.master) for the hot paths' named statements.
 * If a TypeORM upgrade moves the pool, this fails here rather than in production.
 */
describe('poolOf (TypeORM internals)', () => {
  const ds = createDataSource(process.env.TEST_PG_ADMIN_URL!, { poolSize: 2 });
  beforeAll(() => ds.initialize());
  afterAll(() => ds.destroy());

  it('finds the DataSource own pg Pool, with the connection options the named statements rely on', async () => {
    const pool = poolOf(ds);
    expect(pool).toBeInstanceOf(Pool);
    const { rows } = await pool.query<{ plan_cache_mode: string }>({ name: 'driver-pool-probe', text: 'SHOW plan_cache_mode' });
    expect(rows).toEqual([{ plan_cache_mode: 'force_custom_plan' }]);
    // the same pool TypeORM queries through, not a second one
    const before = pool.totalCount;
    await ds.query('SELECT 1');
    expect(pool.totalCount).toBeGreaterThanOrEqual(before);
    expect(pool.totalCount).toBeGreaterThan(0);
  });

  it('refuses a DataSource that is not connected, instead of handing back undefined', () => {
    expect(() => poolOf(createDataSource(process.env.TEST_PG_ADMIN_URL!))).toThrow(/driver\.master/);
  });
});
