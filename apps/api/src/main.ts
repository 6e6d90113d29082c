import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { resolvePostgres } from '@app/database';
import { resolveRedis } from '@app/queue';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { webAppBuilt, webRootOf } from './web/serve-web';

async function bootstrap(): Promise<void> {
  const env = loadConfig();
  const logger = new Logger('Bootstrap');
  const pg = await resolvePostgres({ settings: env, database: env.TONGHOP_DATABASE, log: (m) => logger.log(m) });
  const redis = await resolveRedis({ settings: env, log: (m) => logger.log(m) });
  const app = await createApp(env, pg.url, { redisUrl: redis.url });
  await app.listen(env.PORT, '0.0.0.0');
  logger.log(`API: http://localhost:${env.PORT}/api (PostgreSQL: ${pg.source}, Redis: ${redis.source})`);
  if (webAppBuilt(webRootOf(env))) logger.log(`Web: http://localhost:${env.PORT}/`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
