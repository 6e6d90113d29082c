import { AppConfig, ConfigModule } from '@app/config';
import { APP_ROLE, dataSourceOptions } from '@app/database';
import type { Clock } from '@app/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { GracefulShutdown } from './common/graceful-shutdown';
import { CompletenessModule } from './completeness/completeness.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { ExchangeModule } from './exchange/exchange.module';
import { ExportsModule } from './exports/exports.module';
import { FormsModule } from './forms/forms.module';
import { HealthModule } from './health/health.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PeriodsModule } from './periods/periods.module';
import { PlansModule } from './plans/plans.module';
import { QueuesModule } from './queues/queues.module';
import { ReportsModule } from './reports/reports.module';
import { ReviewsModule } from './reviews/reviews.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { TimeModule } from './time/time.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';

export interface AppOptions {
  config: AppConfig;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  clock: Clock;
  /** the app made the clock itself, and closes it */
  ownsClock: boolean;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        TypeOrmModule.forRoot(
          dataSourceOptions(options.databaseUrl, {
            poolSize: options.config.DATABASE_POOL_SIZE,
            role: APP_ROLE,
            statementTimeoutMs: options.config.DATABASE_STATEMENT_TIMEOUT_MS,
            idleInTransactionTimeoutMs: options.config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
            connectTimeoutMs: options.config.DATABASE_CONNECT_TIMEOUT_MS,
          }),
        ),
        TimeModule.forRoot(options.clock, options.ownsClock, options.config.TONGHOP_CONFIG_DIR),
        QueuesModule.forRoot({ redisUrl: options.redisUrl, queuePrefix: options.queuePrefix }),
        AuthModule,
        FormsModule,
        CalendarModule,
        PlansModule,
        HealthModule,
        UnitsModule,
        UsersModule,
        PeriodsModule,
        SubmissionsModule,
        ReviewsModule,
        CompletenessModule,
        NotificationsModule,
        ReportsModule,
        IndicatorsModule,
        ExportsModule,
        ExchangeModule,
        DashboardModule,
      ],
      providers: [GracefulShutdown],
    };
  }
}
