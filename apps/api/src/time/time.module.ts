import { loadWorkingCalendar } from '@app/config';
import { WorkingCalendar } from '@app/domain';
import { Clock, CLOCK } from '@app/queue';
import { DynamicModule, Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';

const OWNS_CLOCK = Symbol('OWNS_CLOCK');

/** The clock (injected: tests and the demo play a month in minutes) and the working-day calendar. */
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
        { provide: WorkingCalendar, useFactory: () => loadWorkingCalendar(configDir) },
      ],
      exports: [CLOCK, WorkingCalendar],
    };
  }

  async onModuleDestroy(): Promise<void> {
    if (this.ownsClock) await this.clock.close?.();
  }
}
