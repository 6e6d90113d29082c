import { QUEUES } from '@app/queue';
import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { PROCESSOR_TYPES } from './processors';

/** At most one warning a minute per process while Redis stays away (each reconnect attempt is an error). */
const QUIET_MS = 60_000;

/**
 * Every queue and worker of the process reports its errors here: Redis going away is logged once a
 * minute at most, and each connection reconnects by itself. (BullMQ prints an error nobody listens
 * to on the console, once per reconnect attempt.)
 */
@Injectable()
export class QueueErrorReporter implements OnModuleInit {
  private readonly logger = new Logger('Queues');
  private lastWarned = 0;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    const report = (error: Error) => this.report(error);
    for (const name of Object.values(QUEUES)) this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }).on('error', report);
    for (const type of PROCESSOR_TYPES) {
      // BullModule (imported, so initialised first) has made each processor's worker by now
      this.moduleRef.get<WorkerHost>(type as Type<WorkerHost>, { strict: false }).worker.on('error', report);
    }
  }

  private report(error: Error): void {
    const now = Date.now();
    if (now - this.lastWarned < QUIET_MS) return;
    this.lastWarned = now;
    this.logger.warn(`Redis không sẵn sàng, các hàng đợi tự kết nối lại: ${error.message}`);
  }
}
