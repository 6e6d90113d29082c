import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';

export interface ResolvedRedis {
  url: string;
  source: 'REDIS_URL' | 'local' | 'spawned';
  stop: () => Promise<void>;
}

/** The settings the resolver reads (from the configuration: libs/config's AppConfig has them). */
export interface RedisSettings {
  REDIS_URL?: string;
  /** where a local Redis is looked for before one is started */
  LOCAL_REDIS_PROBE_URL: string;
  SPAWNED_REDIS_PORT: number;
  /** outside development and test only REDIS_URL is used: no local probe, no redis-server started */
  NODE_ENV?: string;
}

export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * REDIS_URL when set; else the Redis on 127.0.0.1:6379 when one answers; else a `redis-server`
 * found on PATH, started under `.data/redis`; else a clear message saying how to get one.
 */
export async function resolveRedis(options: { settings: RedisSettings; dataDir?: string; log?: (m: string) => void }): Promise<ResolvedRedis> {
  const log = options.log ?? (() => undefined);
  const noop = async () => undefined;
  const { REDIS_URL, LOCAL_REDIS_PROBE_URL: LOCAL_URL, SPAWNED_REDIS_PORT: SPAWNED_PORT } = options.settings;
  if (REDIS_URL) return { url: REDIS_URL, source: 'REDIS_URL', stop: noop };
  if (options.settings.NODE_ENV === 'production') {
    throw new Error('REDIS_URL: bắt buộc khi chạy thật (required in production; no local Redis is probed and none is started).');
  }
  if (await redisAnswers(LOCAL_URL)) return { url: LOCAL_URL, source: 'local', stop: noop };
  const spawnedUrl = `redis://127.0.0.1:${SPAWNED_PORT}`;
  if (await redisAnswers(spawnedUrl)) return { url: spawnedUrl, source: 'spawned', stop: noop };
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error(
      'Không tìm thấy Redis: đặt REDIS_URL, hoặc chạy Redis trên 127.0.0.1:6379, hoặc cài redis-server ' +
        '(Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) rồi chạy lại.',
    );
  }
  const dir = resolve(options.dataDir ?? join(process.cwd(), '.data', 'redis'));
  mkdirSync(dir, { recursive: true });
  log(`Không thấy Redis trên 127.0.0.1:6379 — khởi động redis-server tại ${dir} (cổng ${SPAWNED_PORT}).`);
  const child = spawn(
    'redis-server',
    ['--port', String(SPAWNED_PORT), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // the server never outlives the process that started it, even one that fails
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(spawnedUrl)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: spawnedUrl,
    source: 'spawned',
    stop: async () => {
      process.removeListener('exit', killOnExit);
      // already gone when a Ctrl+C reached it too (same process group)
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** BullMQ wants its own connections: no retry cap on blocking commands. */
export function redisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

let reconnecting = true;

/**
 * The process is stopping: a Redis connection that is down stops retrying, so that closing it ends
 * (ioredis leaves a connection that waits to reconnect, and the commands queued on it, pending for
 * ever otherwise) and a process stops cleanly while Redis is away.
 */
export function stopReconnecting(): void {
  reconnecting = false;
}

/** Reconnect every 0.2 s … 2 s for as long as Redis is away, until the process stops. */
export const redisRetryStrategy = (times: number): number | null => (reconnecting ? Math.min(times * 200, 2000) : null);

/**
 * Connection options (not a client) for BullMQ: a queue or worker given options creates its own
 * connections and closes them when it closes.
 */
export function redisOptions(url: string): {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: { servername: string };
  retryStrategy: typeof redisRetryStrategy;
} {
  const u = new URL(url);
  return {
    // rediss:// is Redis over TLS: the connection keeps it (and checks the server's name)
    ...(u.protocol === 'rediss:' ? { tls: { servername: u.hostname } } : {}),
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    retryStrategy: redisRetryStrategy,
  };
}

/** Anything with BullMQ's close and disconnect (a Queue, a Worker). */
interface Closable {
  close(force?: boolean): Promise<void>;
  disconnect(): Promise<void>;
  readonly client: Promise<{ status: string }>;
}

/**
 * Closes a queue or a worker even while Redis is away. With Redis there, a worker finishes the
 * jobs it runs, for `graceMs` at most, then the connection is dropped (a job not finished is handed
 * back: its lock lapses and another worker runs it). Without Redis nothing can be finished or
 * written: the close is forced at once (call stopReconnecting first, so that a connection waiting
 * to reconnect ends). Every job's truth is in Postgres either way.
 */
export async function closeQuietly(target: Closable, graceMs = 2000): Promise<void> {
  if (!(await isReady(target))) {
    await target.close(true).catch(() => undefined);
    return;
  }
  const closed = await within(target.close().then(() => 'closed' as const, () => 'failed' as const), graceMs);
  if (closed !== 'closed') await target.disconnect().catch(() => undefined);
}

/**
 * Closes a BullMQ worker (not a queue: a queue's pause is the whole queue's, in Redis): it stops
 * taking jobs and finishes those it runs, for `graceMs` at most; then `onGraceOver` (kill what a job
 * waits on, a LibreOffice conversion), a second for the job to settle, and a forced close that
 * waits for nothing — a job still running is handed back (its lock lapses and another worker runs
 * it). A plain close would wait for that job, and so would Nest's own close of the worker after
 * this: the process would not exit. Without Redis the close is forced at once.
 */
export async function closeWorkerQuietly(
  worker: Closable & { pause(doNotWaitActive?: boolean): Promise<void> },
  graceMs: number,
  onGraceOver?: () => void,
): Promise<void> {
  if (await isReady(worker)) {
    const paused = worker.pause().then(() => 'done' as const, () => 'failed' as const);
    if ((await within(paused, graceMs)) === 'timeout' && onGraceOver) {
      onGraceOver();
      await within(paused, 1000);
    }
  }
  await worker.close(true).catch(() => undefined);
}

async function isReady(target: Closable): Promise<boolean> {
  const status = await within(target.client.then((c) => c.status, () => 'end'), 200);
  return status === 'ready';
}

/** the promise's value, or 'timeout' after `ms` */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
