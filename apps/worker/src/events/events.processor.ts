import { markOutboxEventHandled } from '@app/database';
import { EventJob } from '@app/queue';
import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { EVENT_HANDLERS, EventHandler } from './event-handler';

/**
 * Fans each relayed outbox event out to the handlers that care; a handler's error retries the job.
 * The outbox row is marked handled once every handler ran.
 */
/** Its queue and worker options: `processors.ts`. */
@Injectable()
export class EventsProcessor extends WorkerHost {
  private readonly logger = new Logger(EventsProcessor.name);

  constructor(
    @Inject(EVENT_HANDLERS) private readonly handlers: EventHandler[],
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  async process(job: Job<EventJob>): Promise<void> {
    const interested = this.handlers.filter((h) => h.handles.includes(job.data.type));
    for (const handler of interested) await handler.handle(job.data);
    // done only now: a job lost or given up before this leaves the row for the sweeper
    await markOutboxEventHandled(this.db, job.data.outboxId);
    this.logger.debug(`event ${job.data.type} #${job.data.outboxId} → ${interested.length} handler(s)`);
  }
}
