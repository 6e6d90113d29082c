import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The one DataSource definition: the API, the worker, the CLI (migrations, seed) and the tests. */
export interface DataSourceSettings {
  /** connections in the pool (DATABASE_POOL_SIZE for the API) */
  poolSize?: number;
}

export function dataSourceOptions(url: string, settings: DataSourceSettings = {}, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: {
      max: settings.poolSize ?? 20,
      // a database that hangs (rather than refuses) fails a request in 10 s instead of holding it, and a shutdown, for ever
      connectionTimeoutMillis: 10_000,
      // named statements keep their parse, but are planned for their actual arguments: a generic plan
      // of the batched save (arrays of unknown length) is orders of magnitude slower
      options: '-c plan_cache_mode=force_custom_plan',
    },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(url: string, settings: DataSourceSettings = {}, overrides: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, settings, overrides));
}
