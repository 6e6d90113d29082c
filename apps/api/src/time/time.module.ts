import { loadWorkingCalendar } from '@app/config';
import { WorkingCalendar } from '@app/domain';
import { Clock, CLOCK } from '@app/queue';
import { DynamicModule, Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';

/** The clock (injected: tests and the demo play a month in minutes) and the working-day calendar. */
@Global()
@Module({})
export class TimeModule implements OnModuleDestroy {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  static forRoot(clock: Clock): DynamicModule {
    return {
      module: TimeModule,
      providers: [
        { provide: CLOCK, useValue: clock },
        { provide: WorkingCalendar, useFactory: () => loadWorkingCalendar() },
      ],
      exports: [CLOCK, WorkingCalendar],
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.clock.close?.();
  }
}
