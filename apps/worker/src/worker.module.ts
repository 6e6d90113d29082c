import { dataSourceOptions } from '@app/database';
import { DEFAULT_JOB_OPTIONS, QUEUES, redisOptions } from '@app/queue';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { EVENT_HANDLERS } from './events/event-handler';
import { EventsProcessor } from './events/events.processor';
import { OutboxRelayService, RELAY_QUEUE } from './outbox/outbox-relay.service';

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
        BullModule.registerQueue({ name: QUEUES.events }),
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
        // the handlers of each capability are listed here (notifications, consolidation …)
        { provide: EVENT_HANDLERS, useFactory: () => [], inject: [] },
      ],
      exports: [OutboxRelayService],
    };
  }
}
