import 'reflect-metadata';
import { loadEnv } from '@app/config';
import { resolvePostgres } from '@app/database';
import { resolveRedis } from '@app/queue';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { webAppBuilt } from './web/serve-web';

async function bootstrap(): Promise<void> {
  const env = loadEnv();
  const logger = new Logger('Bootstrap');
  const pg = await resolvePostgres({ database: 'tonghop', log: (m) => logger.log(m) });
  const redis = await resolveRedis({ log: (m) => logger.log(m) });
  const app = await createApp(pg.url, { redisUrl: redis.url });
  await app.listen(env.PORT, '0.0.0.0');
  logger.log(`API: http://localhost:${env.PORT}/api (PostgreSQL: ${pg.source}, Redis: ${redis.source})`);
  if (webAppBuilt()) logger.log(`Web: http://localhost:${env.PORT}/`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
