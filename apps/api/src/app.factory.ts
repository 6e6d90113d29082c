import { INestApplication, LogLevel } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/exception.filter';
import { createValidationPipe } from './common/validation';
import { DEFAULT_WEB_ROOT, serveWeb } from './web/serve-web';

/** Largest request body accepted (a form with a few hundred figures and notes is ~100 kB). */
export const BODY_LIMIT = 2 * 1024 * 1024;

/**
 * The API as `main.ts`, the demo and the e2e tests all run it. Fastify rather than Express:
 * on the hot path (saving a form) it costs about half as much CPU per request.
 */
export interface AppOptions {
  logger?: LogLevel[] | false;
  /** the built web app to serve at `/` (default dist/web, when built); null: the API only */
  webRoot?: string | null;
}

export async function createApp(databaseUrl: string, options: AppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forDatabase(databaseUrl),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT, trustProxy: process.env.TRUST_PROXY === 'true' }),
    { logger: options.logger ?? ['error', 'warn', 'log'] },
  );
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(app.get(HttpAdapterHost)));
  app.enableShutdownHooks();
  const config = new DocumentBuilder()
    .setTitle('Tổng hợp API')
    .setDescription('Báo cáo tình hình kinh tế - xã hội hằng tháng: số liệu của các đơn vị, duyệt, tổng hợp')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config));
  await serveWeb(app, options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
