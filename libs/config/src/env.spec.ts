import { loadConfig } from './env';

describe('loadConfig', () => {
  it('gives the documented defaults when nothing is set', () => {
    const env = loadConfig({});
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
    expect(loadConfig({ WORKER_LOCK_MS: '1000', WORKER_STALLED_MS: '500', OUTBOX_POLL_MS: '100', PORT: '8080' })).toMatchObject({
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
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`Cấu hình không hợp lệ[\\s\\S]*${name}`));
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toBe('x'.repeat(32));
  });

  it('reports every problem at once', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PORT: 'x', DATABASE_POOL_SIZE: '0' })).toThrow(/PORT[\s\S]*DATABASE_POOL_SIZE[\s\S]*JWT_SECRET/);
  });

  it('derives PUBLIC_URL from PORT unless it is set, and validates the settings once read elsewhere', () => {
    expect(loadConfig({ PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://baocao.langson.gov.vn' }).PUBLIC_URL).toBe('https://baocao.langson.gov.vn');
    expect(loadConfig({})).toMatchObject({ DATABASE_POOL_SIZE: 20, SOFFICE_PATH: 'soffice', TONGHOP_DATABASE: 'tonghop', EMBEDDED_PG_PORT: 54329 });
    for (const [name, value] of [['DATABASE_POOL_SIZE', 'many'], ['TONGHOP_DATABASE', 'Tổng; DROP'], ['JWT_TTL', 'forever'], ['DATABASE_URL', 'mysql://x']]) {
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
    }
  });

  it('gives a frozen object: the configuration is read once and not changed afterwards', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
