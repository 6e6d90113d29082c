import { AppConfig, InjectConfig } from '@app/config';
import { findSessionUser, SessionUser } from '@app/database';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { QUEUE_CONNECTION, QueueConnection } from '../queues/queues.module';

/**
 * What each request needs to know of its user (active? which session generation? which role and
 * unit?), read from Postgres and kept a few seconds (SESSION_CACHE_MS) so a burst of saves costs
 * no query each. When a user's sessions end (logout, password, deactivation, role change), this
 * process forgets the user at once and tells the other API processes through Redis; if Redis is
 * down, they learn it within SESSION_CACHE_MS.
 */
@Injectable()
export class SessionState implements OnModuleDestroy {
  private readonly logger = new Logger('Sessions');
  private readonly cache = new Map<string, { user: Promise<SessionUser | null>; until: number }>();
  private readonly channel: string;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private warned = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    @Inject(QUEUE_CONNECTION) connection: QueueConnection,
  ) {
    this.channel = `${connection.queuePrefix}:sessions-ended`;
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2000 };
    this.publisher = new Redis(connection.redisUrl, options);
    this.subscriber = new Redis(connection.redisUrl, { connectTimeout: 2000 });
    for (const client of [this.publisher, this.subscriber]) client.on('error', (e: Error) => this.warn(e));
    this.subscriber.on('message', (_channel: string, userId: string) => this.cache.delete(userId));
    this.subscriber.subscribe(this.channel).catch((e: Error) => this.warn(e));
  }

  /** The user as the request sees them: from the cache while fresh. */
  current(userId: string): Promise<SessionUser | null> {
    const now = Date.now();
    const hit = this.cache.get(userId);
    if (hit && hit.until > now) return hit.user;
    const user = findSessionUser(this.db, userId);
    const entry = { user, until: now + this.config.SESSION_CACHE_MS };
    this.cache.set(userId, entry);
    // a failed read is not kept
    user.catch(() => this.cache.get(userId) === entry && this.cache.delete(userId));
    return user;
  }

  /** After the change committed: every API process reads the user afresh. */
  async ended(userId: string): Promise<void> {
    this.cache.delete(userId);
    await this.publisher.publish(this.channel, userId).catch((e: Error) => this.warn(e));
  }

  private warn(error: Error): void {
    if (!this.warned) this.logger.warn(`Redis không sẵn sàng cho phiên đăng nhập (sessions fall back to SESSION_CACHE_MS): ${error.message}`);
    this.warned = true;
  }

  onModuleDestroy(): void {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
