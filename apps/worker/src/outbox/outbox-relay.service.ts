import { AppConfig, InjectConfig } from '@app/config';
import { closeQuietly, EventJob, relayOutboxBatch } from '@app/queue';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

export const RELAY_QUEUE = Symbol('RELAY_QUEUE');

/**
 * Polls the outbox and relays pending events to the events queue. When Redis is down the batch
 * fails, nothing is marked dispatched, and the next tick tries again.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private failing = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RELAY_QUEUE) private readonly events: Queue<EventJob>,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.events.on('error', () => undefined); // reported by the tick, once per outage
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.tick().finally(() => (this.running = null));
    }, this.config.OUTBOX_POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    // Redis may be away: its connection has no offline queue, so a plain close would throw
    await closeQuietly(this.events);
  }

  /** Relays everything pending now; exposed for tests and the demo. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await relayOutboxBatch(this.db, this.events);
      total += n;
      if (n === 0) return total;
    }
  }

  private async tick(): Promise<void> {
    try {
      await this.drain();
      if (this.failing) this.logger.log('Đã chuyển lại được sự kiện sang hàng đợi (Redis đã sẵn sàng).');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`Chưa chuyển được sự kiện sang hàng đợi, sẽ thử lại: ${(error as Error).message}`);
      this.failing = true;
    }
  }
}
