import { dataSourceOptions } from '@app/database';
import { DEFAULT_JOB_OPTIONS, QUEUES, redisOptions } from '@app/queue';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { ConsolidationTriggerHandler } from './consolidation/consolidation-trigger.handler';
import { ConsolidationProcessor } from './consolidation/consolidation.processor';
import { ConsolidationService } from './consolidation/consolidation.service';
import { EVENT_HANDLERS, EventHandler } from './events/event-handler';
import { EventsProcessor } from './events/events.processor';
import { OutboxRelayService, RELAY_QUEUE } from './outbox/outbox-relay.service';
import { RenderTriggerHandler } from './rendering/render-trigger.handler';
import { RenderingProcessor } from './rendering/rendering.processor';
import { RenderingService } from './rendering/rendering.service';

export interface WorkerOptions {
  databaseUrl: string;
  redisUrl: string;
  /** BullMQ key prefix; tests give each run its own */
  queuePrefix?: string;
}

@Module({})
export class WorkerModule {
  static forRoot(options: WorkerOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(options.databaseUrl, { extra: { max: 10 } })),
        BullModule.forRoot({
          prefix: options.queuePrefix ?? 'tonghop',
          // workers block on Redis: no retry cap; producers fail fast instead (see the relay)
          connection: { ...redisOptions(options.redisUrl), maxRetriesPerRequest: null },
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        BullModule.registerQueue({ name: QUEUES.events }, { name: QUEUES.consolidation }, { name: QUEUES.rendering }),
      ],
      providers: [
        {
          // the relay's producer fails fast when Redis is away, so outbox rows stay pending
          provide: RELAY_QUEUE,
          useFactory: () =>
            new Queue(QUEUES.events, {
              prefix: options.queuePrefix ?? 'tonghop',
              connection: { ...redisOptions(options.redisUrl), maxRetriesPerRequest: 1, enableOfflineQueue: false },
            }),
        },
        OutboxRelayService,
        EventsProcessor,
        ConsolidationService,
        ConsolidationProcessor,
        ConsolidationTriggerHandler,
        RenderingService,
        RenderingProcessor,
        RenderTriggerHandler,
        // the handlers of each capability are listed here (notifications, consolidation …)
        {
          provide: EVENT_HANDLERS,
          useFactory: (...handlers: EventHandler[]) => handlers,
          inject: [ConsolidationTriggerHandler, RenderTriggerHandler],
        },
      ],
      exports: [OutboxRelayService, ConsolidationService, RenderingService],
    };
  }
}
