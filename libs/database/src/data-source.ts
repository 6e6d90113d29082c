import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The one DataSource definition: the API, the worker, the CLI (migrations, seed) and the tests. */
export interface DataSourceSettings {
  /** connections in the pool (DATABASE_POOL_SIZE for the API) */
  poolSize?: number;
  /**
   * the role every connection acts as (`-c role=`): the API and the worker give APP_ROLE; the
   * migrations and the seed act as the login's own role (the owner of the tables)
   */
  role?: string;
  /** a statement running longer is cancelled (0 = no limit: migrations, the seed) */
  statementTimeoutMs?: number;
  /** a session idle inside an open transaction longer is ended, releasing its locks (0 = no limit) */
  idleInTransactionTimeoutMs?: number;
  /** giving up on a connection that does not open */
  connectTimeoutMs?: number;
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
      connectionTimeoutMillis: settings.connectTimeoutMs ?? 10_000,
      // named statements keep their parse, but are planned for their actual arguments: a generic plan
      // of the batched save (arrays of unknown length) is orders of magnitude slower
      options: [
        '-c plan_cache_mode=force_custom_plan',
        `-c statement_timeout=${Math.trunc(settings.statementTimeoutMs ?? 0)}`,
        `-c idle_in_transaction_session_timeout=${Math.trunc(settings.idleInTransactionTimeoutMs ?? 0)}`,
        ...(settings.role ? [`-c role=${settings.role}`] : []),
      ].join(' '),
    },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(url: string, settings: DataSourceSettings = {}, overrides: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, settings, overrides));
}
