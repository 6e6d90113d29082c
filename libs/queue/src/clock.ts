import Redis from 'ioredis';
import { redisRetryStrategy } from './redis-resolver';

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

/** The shared clock was never read and Redis does not answer: no time can be told (the API answers 503). */
export class ClockUnavailableError extends Error {
  constructor(key: string, cause: string) {
    super(`Đồng hồ dùng chung ${key} chưa đọc được và Redis không trả lời: ${cause}`);
  }
}

/** How long a read of the shared clock may take before the last known time is used. */
const CLOCK_READ_TIMEOUT_MS = 1000;

/**
 * CLOCK=redis: the time is the ISO instant stored at `<prefix>:clock` (the demo moves it for the
 * API and the workers at once); without the key, the fallback clock. While Redis is away the clock
 * keeps its last known time (the demo's clock only moves when the demo moves it, and the demo
 * cannot move it without Redis); before any read has succeeded it cannot tell the time at all:
 * a fake clock that quietly became the real one would send reminders for the wrong day.
 */
export class RedisClock implements Clock {
  private readonly redis: Redis;
  /** the last value read: an instant, or null for "no key" (the fallback clock); undefined before the first read */
  private lastKnown: Date | null | undefined = undefined;

  constructor(
    redisUrl: string,
    private readonly key: string,
    private readonly fallback: Clock = new SystemClock(),
  ) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true, connectTimeout: CLOCK_READ_TIMEOUT_MS, retryStrategy: redisRetryStrategy });
    this.redis.on('error', () => undefined);
  }

  async now(): Promise<Date> {
    let value: string | null;
    try {
      value = await this.read();
    } catch (error) {
      if (this.lastKnown === undefined) throw new ClockUnavailableError(this.key, (error as Error).message);
      return this.lastKnown ?? this.fallback.now();
    }
    if (!value) {
      this.lastKnown = null;
      return this.fallback.now();
    }
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) throw new Error(`Giá trị đồng hồ ${this.key} không phải thời điểm ISO 8601: ${value}`);
    this.lastKnown = at;
    return at;
  }

  private read(): Promise<string | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${CLOCK_READ_TIMEOUT_MS} ms`)), CLOCK_READ_TIMEOUT_MS);
    });
    return Promise.race([this.redis.get(this.key), timeout]).finally(() => clearTimeout(timer));
  }

  async set(at: Date): Promise<void> {
    await this.redis.set(this.key, at.toISOString());
    this.lastKnown = at;
  }

  /** Back to the fallback clock. */
  async clear(): Promise<void> {
    await this.redis.del(this.key);
    this.lastKnown = null;
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
