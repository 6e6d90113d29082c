import { loadConfig, trustedProxies } from './env';

describe('loadConfig', () => {
  it('gives the documented defaults when nothing but NODE_ENV=development is set', () => {
    const env = loadConfig({ NODE_ENV: 'development' });
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      JWT_TTL: '15m',
      PORT: 3000,
      WORKER_PROCESSES: 1,
      WORKER_LOCK_MS: 30_000,
      WORKER_STALLED_MS: 30_000,
      OUTBOX_POLL_MS: 250,
      SAVE_BATCH_IN_FLIGHT: 3,
      SAVE_BATCH_MAX_SIZE: 40,
      TRUST_PROXY: 'false',
      LOGIN_THROTTLE_TTL_MS: 900_000,
    });
    expect(env.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('reads numbers from their text', () => {
    expect(loadConfig({ NODE_ENV: 'development', WORKER_LOCK_MS: '1000', WORKER_STALLED_MS: '500', OUTBOX_POLL_MS: '100', PORT: '8080' })).toMatchObject({
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
    expect(() => loadConfig({ ...PROD, [name]: value })).toThrow(new RegExp(`Cấu hình không hợp lệ[\\s\\S]*${name}`));
  });

  const PROD = { JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://app@db/tonghop', REDIS_URL: 'rediss://cache:6380' };

  it('requires JWT_SECRET, DATABASE_URL and REDIS_URL in production, and NODE_ENV unset means production', () => {
    for (const source of [{}, { NODE_ENV: 'production' }, { NODE_ENV: '' }]) {
      expect(() => loadConfig(source)).toThrow(/JWT_SECRET, DATABASE_URL, REDIS_URL: .*required in production/);
    }
    expect(() => loadConfig({})).toThrow(/NODE_ENV is unset, which means production/);
    expect(() => loadConfig({ ...PROD, REDIS_URL: '' })).toThrow(/ REDIS_URL: bắt buộc/);
    expect(loadConfig(PROD)).toMatchObject({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) });
  });

  it('asks each process only for what it uses: the worker no secret, and gives it one no one knows', () => {
    const worker = loadConfig({ DATABASE_URL: PROD.DATABASE_URL, REDIS_URL: PROD.REDIS_URL }, ['DATABASE_URL', 'REDIS_URL']);
    const again = loadConfig({ DATABASE_URL: PROD.DATABASE_URL, REDIS_URL: PROD.REDIS_URL }, ['DATABASE_URL', 'REDIS_URL']);
    expect(worker.JWT_SECRET).not.toBe(again.JWT_SECRET);
    expect(worker.JWT_SECRET).not.toBe(loadConfig({ NODE_ENV: 'development' }).JWT_SECRET);
    expect(() => loadConfig({ DATABASE_URL: PROD.DATABASE_URL }, ['DATABASE_URL'])).not.toThrow();
  });

  it('counts the secret in bytes, and wants 32 of them', () => {
    expect(() => loadConfig({ ...PROD, JWT_SECRET: 'x'.repeat(31) })).toThrow(/JWT_SECRET: must be at least 32 bytes/);
    expect(() => loadConfig({ NODE_ENV: 'development', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ ...PROD, JWT_SECRET: 'ổ'.repeat(11) }).JWT_SECRET).toBe('ổ'.repeat(11)); // 33 bytes
  });

  it('keeps access tokens short: JWT_TTL at most an hour', () => {
    expect(loadConfig({ ...PROD, JWT_TTL: '60m' }).JWT_TTL).toBe('60m');
    for (const ttl of ['8h', '2h', '61m', '0m', '15', 'forever']) expect(() => loadConfig({ ...PROD, JWT_TTL: ttl })).toThrow(/JWT_TTL/);
  });

  it('trusts the proxies it is told, by address, CIDR or hop count, and never everyone', () => {
    expect(trustedProxies(loadConfig(PROD).TRUST_PROXY)).toBeNull();
    expect(trustedProxies(loadConfig({ ...PROD, TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).TRUST_PROXY)).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    expect(trustedProxies(loadConfig({ ...PROD, TRUST_PROXY: '2' }).TRUST_PROXY)).toBe(2);
    for (const bad of ['true', '*', '10.0.0.0/33', '300.1.1.1', 'proxy.local']) {
      expect(() => loadConfig({ ...PROD, TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });

  it('reports every problem at once', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PORT: 'x', DATABASE_POOL_SIZE: '0' })).toThrow(/PORT[\s\S]*DATABASE_POOL_SIZE[\s\S]*JWT_SECRET/);
  });

  it('derives PUBLIC_URL from PORT unless it is set, and validates the settings once read elsewhere', () => {
    expect(loadConfig({ ...PROD, PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadConfig({ ...PROD, PUBLIC_URL: 'https://baocao.langson.gov.vn' }).PUBLIC_URL).toBe('https://baocao.langson.gov.vn');
    expect(loadConfig(PROD)).toMatchObject({ DATABASE_POOL_SIZE: 20, SOFFICE_PATH: 'soffice', TONGHOP_DATABASE: 'tonghop', EMBEDDED_PG_PORT: 54329 });
    for (const [name, value] of [['DATABASE_POOL_SIZE', 'many'], ['TONGHOP_DATABASE', 'Tổng; DROP'], ['JWT_TTL', 'forever'], ['DATABASE_URL', 'mysql://x']]) {
      expect(() => loadConfig({ ...PROD, [name]: value })).toThrow(new RegExp(name));
    }
  });

  it('gives a frozen object: the configuration is read once and not changed afterwards', () => {
    expect(Object.isFrozen(loadConfig(PROD))).toBe(true);
  });
});
