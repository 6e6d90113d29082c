import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/exception.filter';
import { createValidationPipe } from './common/validation';

/** The API as `main.ts`, the demo and the e2e tests all run it. */
export async function createApp(databaseUrl: string, options: { logger?: LogLevel[] | false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forDatabase(databaseUrl), {
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  app.setGlobalPrefix('api');
  app.useBodyParser('json', { limit: '2mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  const config = new DocumentBuilder()
    .setTitle('Tổng hợp API')
    .setDescription('Báo cáo tình hình kinh tế - xã hội hằng tháng: số liệu của các đơn vị, duyệt, tổng hợp')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config));
  return app;
}
