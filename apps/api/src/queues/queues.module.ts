import { closeQuietly, QUEUES, redisOptions } from '@app/queue';
import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';

export interface QueueConnection {
  redisUrl: string;
  queuePrefix: string;
}

export const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');

/**
 * The API's view of the queues: read-only handles for the dashboard (bull-board) and a Redis
 * ping for the health endpoint. The API never needs Redis to accept a change: what must reach
 * the workers goes through the outbox.
 */
@Injectable()
export class QueueHandles implements OnModuleDestroy {
  private readonly logger = new Logger('Queues');
  readonly queues: Queue[];
  private readonly ping: Redis;
  private failing = false;
  /** when Redis was first seen down (a failed PING or a connection error), null while it answers */
  redisDownSince: Date | null = null;

  constructor(@Inject(QUEUE_CONNECTION) c: QueueConnection) {
    this.queues = Object.values(QUEUES).map((name) => {
      const q = new Queue(name, { prefix: c.queuePrefix, connection: { ...redisOptions(c.redisUrl), maxRetriesPerRequest: 1 } });
      q.on('error', (e) => this.warn(e));
      return q;
    });
    this.ping = new Redis(c.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000 });
    this.ping.on('error', (e) => this.warn(e));
  }

  /** 'up' when Redis answers PING within a second. */
  async redisStatus(): Promise<'up' | 'down'> {
    try {
      if (this.ping.status === 'wait' || this.ping.status === 'end') await this.ping.connect();
      const answer = await Promise.race([this.ping.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
      this.failing = false;
      if (answer !== 'PONG') throw new Error(String(answer));
      this.redisDownSince = null;
      return 'up';
    } catch {
      this.redisDownSince ??= new Date();
      return 'down';
    }
  }

  private warn(error: Error): void {
    if (!this.failing) this.logger.warn(`Redis không sẵn sàng: ${error.message}`);
    this.failing = true;
    this.redisDownSince ??= new Date();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues.map((q) => closeQuietly(q)));
    this.ping.disconnect();
  }
}

@Global()
@Module({})
export class QueuesModule {
  static forRoot(connection: QueueConnection): DynamicModule {
    return {
      module: QueuesModule,
      providers: [{ provide: QUEUE_CONNECTION, useValue: connection }, QueueHandles],
      exports: [QueueHandles, QUEUE_CONNECTION],
    };
  }
}
