import { AppConfig, ConfigModule, loadWorkingCalendar } from '@app/config';
import { APP_ROLE, applyEnteredCalendarYears, dataSourceOptions } from '@app/database';
import { WorkingCalendar } from '@app/domain';
import { Clock, CLOCK, clockFromEnv, jobOptions, QUEUES, redisOptions } from '@app/queue';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { ConsolidationTriggerHandler } from './consolidation/consolidation-trigger.handler';
import { ConsolidationService } from './consolidation/consolidation.service';
import { EVENT_HANDLERS, EventHandler } from './events/event-handler';
import { Mailer } from './notifications/mailer.service';
import { NotificationEventsHandler } from './notifications/notification-events.handler';
import { ReportNotificationsHandler } from './notifications/report-notifications.handler';
import { NotificationWriter } from './notifications/notification-writer.service';
import { OutboxRelayService, RELAY_QUEUE } from './outbox/outbox-relay.service';
import { ReminderScanService } from './reminders/reminder-scan.service';
import { ReminderScheduler } from './reminders/reminder-scheduler.service';
import { ReminderSender } from './reminders/reminder-sender.service';
import { configuredProcessors } from './processors';
import { QueueErrorReporter } from './queue-errors';
import { WorkerShutdown } from './shutdown';
import { WORKER_SETTINGS, WorkerSettings } from './worker-settings';
import { RenderTriggerHandler } from './rendering/render-trigger.handler';
import { RenderingService } from './rendering/rendering.service';
import { SweeperService } from './recovery/sweeper.service';
import { SweepScheduler } from './recovery/sweep-scheduler.service';

export interface WorkerOptions {
  /** the configuration the entry point loaded (loadConfig) */
  config: AppConfig;
  databaseUrl: string;
  redisUrl: string;
  /** BullMQ key prefix; tests give each run its own */
  queuePrefix?: string;
  /** default: CLOCK / FAKE_NOW of the configuration, else the system clock */
  clock?: Clock;
  /** default: from the configuration (PUBLIC_URL, SMTP_URL, SMTP_FROM, REMINDER_SCAN_EVERY_MS) */
  settings?: Partial<WorkerSettings>;
}

const OWNS_CLOCK = Symbol('OWNS_CLOCK');

/** The outbox event handlers of each capability (notifications, consolidation, rendering): providers, and EVENT_HANDLERS. */
const EVENT_HANDLER_TYPES = [NotificationEventsHandler, ReportNotificationsHandler, ConsolidationTriggerHandler, RenderTriggerHandler];

@Module({})
export class WorkerModule implements OnModuleDestroy {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(OWNS_CLOCK) private readonly ownsClock: boolean,
  ) {}

  static forRoot(options: WorkerOptions): DynamicModule {
    const env = options.config;
    const prefix = options.queuePrefix ?? env.QUEUE_PREFIX;
    const settings: WorkerSettings = {
      publicUrl: env.PUBLIC_URL,
      smtpUrl: env.SMTP_URL ?? null,
      smtpFrom: env.SMTP_FROM,
      scanEveryMs: env.REMINDER_SCAN_EVERY_MS,
      ...options.settings,
    };
    settings.publicUrl = settings.publicUrl.replace(/\/+$/, ''); // links append "/…"

    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(env),
        // jobs hold a connection each at most: half the API's pool is plenty
        TypeOrmModule.forRoot(
          dataSourceOptions(options.databaseUrl, {
            poolSize: Math.max(2, Math.ceil(env.DATABASE_POOL_SIZE / 2)),
            role: APP_ROLE,
            statementTimeoutMs: env.WORKER_STATEMENT_TIMEOUT_MS,
            idleInTransactionTimeoutMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
            connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
          }),
        ),
        BullModule.forRoot({
          prefix,
          // workers block on Redis: no retry cap; producers fail fast instead (see the relay)
          connection: { ...redisOptions(options.redisUrl), maxRetriesPerRequest: null },
          defaultJobOptions: jobOptions(env),
        }),
        BullModule.registerQueue(
          { name: QUEUES.events },
          { name: QUEUES.reminders },
          { name: QUEUES.notifications },
          { name: QUEUES.consolidation },
          { name: QUEUES.rendering },
          { name: QUEUES.maintenance },
        ),
      ],
      providers: [
        { provide: WORKER_SETTINGS, useValue: settings },
        { provide: CLOCK, useFactory: () => options.clock ?? clockFromEnv(env, options.redisUrl, prefix) },
        // a clock made here (from the environment) is closed here; a caller's clock is the caller's
        { provide: OWNS_CLOCK, useValue: options.clock === undefined },
        {
          // the data file's years, then those the administrator entered; the reminder scan refreshes them
          provide: WorkingCalendar,
          useFactory: async (db: DataSource) => {
            const calendar = loadWorkingCalendar(env.TONGHOP_CONFIG_DIR);
            await applyEnteredCalendarYears(db, calendar);
            return calendar;
          },
          inject: [getDataSourceToken()],
        },
        {
          // the relay's producer fails fast when Redis is away, so outbox rows stay pending
          provide: RELAY_QUEUE,
          useFactory: () =>
            new Queue(QUEUES.events, {
              prefix,
              connection: { ...redisOptions(options.redisUrl), maxRetriesPerRequest: 1, enableOfflineQueue: false },
              defaultJobOptions: jobOptions(env),
            }),
        },
        ...configuredProcessors({ lockDuration: env.WORKER_LOCK_MS, stalledInterval: env.WORKER_STALLED_MS }),
        QueueErrorReporter,
        WorkerShutdown,
        OutboxRelayService,
        Mailer,
        NotificationWriter,
        ...EVENT_HANDLER_TYPES,
        ReminderScanService,
        ReminderSender,
        ReminderScheduler,
        ConsolidationService,
        RenderingService,
        SweeperService,
        SweepScheduler,
        { provide: EVENT_HANDLERS, useFactory: (...handlers: EventHandler[]) => handlers, inject: EVENT_HANDLER_TYPES },
      ],
      exports: [OutboxRelayService, ReminderScanService, CLOCK, ConsolidationService, RenderingService, SweeperService],
    };
  }

  async onModuleDestroy(): Promise<void> {
    if (this.ownsClock) await this.clock.close?.();
  }
}
