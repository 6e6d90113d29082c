import Redis from 'ioredis';

/** Removes every key under a test's queue prefix, so the machine's shared Redis keeps nothing of the run. */
export async function dropQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  if (!/^tonghop-test-/.test(prefix)) throw new Error(`refusing to drop keys outside a test prefix: ${prefix}`);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } catch {
    // a Redis a test has stopped on purpose has nothing left to clean
  } finally {
    redis.disconnect();
  }
}
