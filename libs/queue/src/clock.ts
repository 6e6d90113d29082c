import Redis from 'ioredis';

/**
 * What time it is, for everything that judges time (reminders due, submitted on time). Injected,
 * so that tests and the demo can play a month in minutes. Asynchronous because the demo's clock
 * lives in Redis, shared by the API and the worker processes.
 */
export interface Clock {
  now(): Promise<Date>;
  close?(): Promise<void>;
}

export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  async now(): Promise<Date> {
    return new Date();
  }
}

/** A clock a test sets by hand. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  async now(): Promise<Date> {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
}

/** FAKE_NOW: starts at a given instant and runs on in real time. */
export class OffsetClock implements Clock {
  private readonly offset: number;

  constructor(start: Date) {
    this.offset = start.getTime() - Date.now();
  }

  async now(): Promise<Date> {
    return new Date(Date.now() + this.offset);
  }
}

export const clockKey = (queuePrefix: string) => `${queuePrefix}:clock`;

/**
 * CLOCK=redis: the time is the ISO instant stored at `<prefix>:clock` (the demo moves it for the
 * API and the workers at once); without the key, the fallback clock. A Redis error is an error:
 * a fake clock that quietly became the real one would send reminders for the wrong day.
 */
export class RedisClock implements Clock {
  private readonly redis: Redis;

  constructor(
    redisUrl: string,
    private readonly key: string,
    private readonly fallback: Clock = new SystemClock(),
  ) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
    this.redis.on('error', () => undefined);
  }

  async now(): Promise<Date> {
    const value = await this.redis.get(this.key);
    if (!value) return this.fallback.now();
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) throw new Error(`Giá trị đồng hồ ${this.key} không phải thời điểm ISO 8601: ${value}`);
    return at;
  }

  async set(at: Date): Promise<void> {
    await this.redis.set(this.key, at.toISOString());
  }

  /** Back to the fallback clock. */
  async clear(): Promise<void> {
    await this.redis.del(this.key);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/** The clock the environment asks for: CLOCK=redis, else FAKE_NOW, else the system's. */
export function clockFromEnv(env: { CLOCK: 'system' | 'redis'; FAKE_NOW?: string }, redisUrl: string, queuePrefix: string): Clock {
  const base = env.FAKE_NOW ? new OffsetClock(new Date(env.FAKE_NOW)) : new SystemClock();
  return env.CLOCK === 'redis' ? new RedisClock(redisUrl, clockKey(queuePrefix), base) : base;
}
