import { loadEnv } from './env';

describe('loadEnv', () => {
  it('gives the documented defaults when nothing is set', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      WORKER_PROCESSES: 1,
      WORKER_LOCK_MS: 30_000,
      WORKER_STALLED_MS: 30_000,
      OUTBOX_POLL_MS: 250,
      SAVE_BATCH_IN_FLIGHT: 3,
      SAVE_BATCH_MAX_SIZE: 40,
      TRUST_PROXY: 'false',
    });
    expect(env.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('reads numbers from their text', () => {
    expect(loadEnv({ WORKER_LOCK_MS: '1000', WORKER_STALLED_MS: '500', OUTBOX_POLL_MS: '100', PORT: '8080' })).toMatchObject({
      WORKER_LOCK_MS: 1000,
      WORKER_STALLED_MS: 500,
      OUTBOX_POLL_MS: 100,
      PORT: 8080,
    });
  });

  it.each([
    ['WORKER_LOCK_MS', 'abc'],
    ['WORKER_LOCK_MS', '10'],
    ['OUTBOX_POLL_MS', '0'],
    ['SAVE_BATCH_IN_FLIGHT', '0'],
    ['TRUST_PROXY', 'yes'],
    ['PORT', '70000'],
    ['REDIS_URL', 'localhost:6379'],
  ])('stops on a malformed %s=%s and names it', (name, value) => {
    expect(() => loadEnv({ [name]: value })).toThrow(new RegExp(`Cấu hình không hợp lệ[\\s\\S]*${name}`));
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toBe('x'.repeat(32));
  });
});
