import { AppConfig, InjectConfig } from '@app/config';
import { closeQuietly, closeWorkerQuietly, QUEUES, stopReconnecting } from '@app/queue';
import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { PROCESSOR_TYPES } from './processors';
import { RenderingService } from './rendering/rendering.service';

/**
 * The worker's orderly stop (SIGTERM), before BullMQ's own close: each worker stops taking jobs and
 * finishes the ones it runs within SHUTDOWN_GRACE_MS; then a LibreOffice conversion still running is
 * killed (its job fails this attempt and is retried), and a job still running otherwise is handed
 * back (its lock lapses, another worker runs it again, and every job acts once). While Redis is away nothing
 * can be finished or handed back: the connections are dropped after the grace, and the process
 * exits cleanly all the same — what was not done is still due in Postgres.
 */
@Injectable()
export class WorkerShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(
    private readonly moduleRef: ModuleRef,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const started = Date.now();
    stopReconnecting();
    const workers = PROCESSOR_TYPES.map((type) => this.moduleRef.get<WorkerHost>(type as Type<WorkerHost>, { strict: false }).worker);
    const rendering = this.moduleRef.get(RenderingService, { strict: false });
    // past the grace a LibreOffice conversion is killed: its job fails this attempt and is retried
    await Promise.all(workers.map((w) => closeWorkerQuietly(w, this.config.SHUTDOWN_GRACE_MS, () => rendering.stopConversions())));
    await Promise.all(Object.values(QUEUES).map((name) => closeQuietly(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }))));
    if (signal) this.logger.log(`Worker dừng (${signal}) sau ${Date.now() - started} ms.`);
  }
}
