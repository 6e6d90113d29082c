import 'reflect-metadata';
import { AppConfig, childProcessEnv, loadConfig } from '@app/config';
import { resolvePostgres } from '@app/database';
import { resolveRedis } from '@app/queue';
import { Logger } from '@nestjs/common';
import cluster from 'node:cluster';
import { createWorker } from './worker.factory';

/**
 * The worker. With WORKER_PROCESSES=N (N > 1) this process resolves Postgres and Redis once and runs
 * N worker processes on them (node:cluster), each a whole worker: a consolidation or a rendering is
 * CPU-bound JavaScript on one core, so two periods (or two provinces' deployments on one machine)
 * are consolidated at once only by two processes. Same as starting `npm run start:worker` N times.
 */
async function bootstrap(): Promise<void> {
  const env = loadConfig(undefined, ['DATABASE_URL', 'REDIS_URL']);
  const logger = new Logger('Worker');
  // a cluster process is started by the one below with the URLs it resolved
  if (cluster.isWorker) return startOne(env, logger, env.DATABASE_URL!, env.REDIS_URL!, `tiến trình ${cluster.worker?.id} của ${process.ppid}`);
  const pg = await resolvePostgres({ settings: env, database: env.TONGHOP_DATABASE, log: (m) => logger.log(m) });
  const redis = await resolveRedis({ settings: env, log: (m) => logger.log(m) });
  if (env.WORKER_PROCESSES === 1) return startOne(env, logger, pg.url, redis.url, `PostgreSQL: ${pg.source}, Redis: ${redis.source}`);
  runProcesses(env.WORKER_PROCESSES, { DATABASE_URL: pg.url, REDIS_URL: redis.url }, logger);
  logger.log(`Worker chạy ${env.WORKER_PROCESSES} tiến trình (PostgreSQL: ${pg.source}, Redis: ${redis.source}).`);
}

async function startOne(config: AppConfig, logger: Logger, databaseUrl: string, redisUrl: string, source: string): Promise<void> {
  await createWorker({ config, databaseUrl, redisUrl });
  logger.log(`Worker đang chạy (${source}).`);
}

/** Starts `count` worker processes; one that dies is started again, until this process is told to stop (SIGTERM, SIGINT). */
function runProcesses(count: number, env: Record<string, string>, logger: Logger): void {
  let stopping = false;
  let running = 0;
  const start = () => {
    running++;
    cluster.fork(childProcessEnv(env));
  };
  cluster.on('exit', (worker, code, signal) => {
    running--;
    if (stopping) {
      if (running === 0) process.exit(0);
      return;
    }
    logger.error(`Tiến trình worker ${worker.process.pid} đã dừng (${signal ?? code}); khởi động lại sau 1 giây.`);
    // a second's pause, so that a process that cannot start does not spin
    setTimeout(() => stopping || start(), 1000);
  });
  for (let i = 0; i < count; i++) start();
  const stop = () => {
    stopping = true;
    if (running === 0) process.exit(0);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
