import { INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule, WorkerOptions } from './worker.module';

/** The worker: a Nest application context with no HTTP, running the queue processors. */
export async function createWorker(
  options: WorkerOptions,
  logger: LogLevel[] | false = ['error', 'warn', 'log'],
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(options), { logger });
  app.enableShutdownHooks();
  return app;
}
