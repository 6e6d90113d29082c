import { AppConfig, InjectConfig } from '@app/config';
import { closeQuietly, QUEUES, stopReconnecting } from '@app/queue';
import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { PROCESSOR_TYPES } from './processors';

/**
 * The worker's orderly stop (SIGTERM), before BullMQ's own close: each worker stops taking jobs and
 * finishes the ones it runs within SHUTDOWN_GRACE_MS; a job still running then is handed back (its
 * lock lapses, another worker runs it again, and every job acts once). While Redis is away nothing
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
    await Promise.all(workers.map((w) => closeQuietly(w, this.config.SHUTDOWN_GRACE_MS)));
    await Promise.all(Object.values(QUEUES).map((name) => closeQuietly(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }))));
    if (signal) this.logger.log(`Worker dừng (${signal}) sau ${Date.now() - started} ms.`);
  }
}
