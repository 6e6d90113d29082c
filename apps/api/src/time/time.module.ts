import { loadWorkingCalendar } from '@app/config';
import { applyEnteredCalendarYears } from '@app/database';
import { WorkingCalendar } from '@app/domain';
import { Clock, CLOCK } from '@app/queue';
import { DynamicModule, Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

const OWNS_CLOCK = Symbol('OWNS_CLOCK');

/** The clock (injected: tests and the demo play a month in minutes) and the working-day calendar (file, then database). */
@Global()
@Module({})
export class TimeModule implements OnModuleDestroy {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(OWNS_CLOCK) private readonly ownsClock: boolean,
  ) {}

  /** `owned`: the app made the clock (from the environment) and closes it; a caller's clock is the caller's. */
  static forRoot(clock: Clock, owned: boolean, configDir: string): DynamicModule {
    return {
      module: TimeModule,
      providers: [
        { provide: CLOCK, useValue: clock },
        { provide: OWNS_CLOCK, useValue: owned },
        {
          // the data file's years, then those the administrator entered (calendar_years)
          provide: WorkingCalendar,
          useFactory: async (db: DataSource) => {
            const calendar = loadWorkingCalendar(configDir);
            await applyEnteredCalendarYears(db, calendar);
            return calendar;
          },
          inject: [getDataSourceToken()],
        },
      ],
      exports: [CLOCK, WorkingCalendar],
    };
  }

  async onModuleDestroy(): Promise<void> {
    if (this.ownsClock) await this.clock.close?.();
  }
}
