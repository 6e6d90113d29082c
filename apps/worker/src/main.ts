import 'reflect-metadata';
import { loadEnv } from '@app/config';
import { resolvePostgres } from '@app/database';
import { resolveRedis } from '@app/queue';
import { Logger } from '@nestjs/common';
import { createWorker } from './worker.factory';

async function bootstrap(): Promise<void> {
  loadEnv();
  const logger = new Logger('Worker');
  const pg = await resolvePostgres({ database: process.env.TONGHOP_DATABASE ?? 'tonghop', log: (m) => logger.log(m) });
  const redis = await resolveRedis({ log: (m) => logger.log(m) });
  await createWorker({ databaseUrl: pg.url, redisUrl: redis.url, queuePrefix: process.env.QUEUE_PREFIX });
  logger.log(`Worker đang chạy (PostgreSQL: ${pg.source}, Redis: ${redis.source}).`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
