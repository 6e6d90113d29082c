import { AppConfig } from '@app/config';
import { Clock, clockFromEnv } from '@app/queue';
import { INestApplication, LogLevel } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/exception.filter';
import { refuseUnstorableText } from './common/storable-text';
import { createValidationPipe } from './common/validation';
import { mountQueueBoard } from './queues/queue-board';
import { serveWeb, webRootOf } from './web/serve-web';

export interface CreateAppOptions {
  logger?: LogLevel[] | false;
  /** default: REDIS_URL, else LOCAL_REDIS_PROBE_URL (main.ts resolves it first, like the worker) */
  redisUrl?: string;
  /** default: QUEUE_PREFIX */
  queuePrefix?: string;
  /** default: CLOCK / FAKE_NOW of the configuration, else the system clock */
  clock?: Clock;
  /** the built web app to serve at `/` (default WEB_ROOT or dist/web, when built); null: the API only */
  webRoot?: string | null;
}

/** Largest request body accepted (a form with a few hundred figures and notes is ~100 kB). */
export const BODY_LIMIT = 2 * 1024 * 1024;
/** Largest PDF accepted for verification (POST /api/documents/verify). */
export const PDF_LIMIT = 30 * 1024 * 1024;

/**
 * The API as `main.ts`, the demo and the e2e tests all run it. Fastify rather than Express:
 * on the hot path (saving a form) it costs about half as much CPU per request.
 */
export async function createApp(env: AppConfig, databaseUrl: string, options: CreateAppOptions = {}): Promise<INestApplication> {
  const redisUrl = options.redisUrl ?? env.REDIS_URL ?? env.LOCAL_REDIS_PROBE_URL;
  const queuePrefix = options.queuePrefix ?? env.QUEUE_PREFIX;
  const clock = options.clock ?? clockFromEnv(env, redisUrl, queuePrefix);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config: env, databaseUrl, redisUrl, queuePrefix, clock, ownsClock: options.clock === undefined }),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT, trustProxy: env.TRUST_PROXY === 'true' }),
    { logger: options.logger ?? ['error', 'warn', 'log'] },
  );
  // a PDF to verify arrives as itself (Content-Type: application/pdf), up to the size of a long report
  app.getHttpAdapter().getInstance().addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: PDF_LIMIT }, (_req: unknown, body: Buffer, done: (e: Error | null, b?: Buffer) => void) => done(null, body));
  refuseUnstorableText(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(app.get(HttpAdapterHost)));
  app.enableShutdownHooks();
  await mountQueueBoard(app, env.JWT_SECRET);
  const config = new DocumentBuilder()
    .setTitle('Tổng hợp API')
    .setDescription('Báo cáo tình hình kinh tế - xã hội hằng tháng: số liệu của các đơn vị, duyệt, tổng hợp')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config));
  await serveWeb(app, options.webRoot === undefined ? webRootOf(env) : options.webRoot);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
