import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { ensureUsers } from '../../libs/database/src';
import { createDataSource } from '../../libs/database/src/data-source';
import { builtEntry } from '../support/built-apps';
import { dropQueueKeys } from '../support/redis-keys';
import { PASSWORD } from '../support/test-app';
import { createTestDatabase } from '../support/test-db';
import { TEST_REDIS_URL } from '../support/test-redis';
import { waitFor } from '../support/wait';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

interface Answer {
  status: number;
  code?: string;
  retryAfter?: string;
}

/** A login from a chosen loopback address (all of 127.0.0.0/8 is this machine), with headers of our choosing. */
function login(port: number, from: string, username: string, password: string, headers: Record<string, string> = {}): Promise<Answer> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/api/auth/login', method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, code: text ? JSON.parse(text).code : undefined, retryAfter: res.headers['retry-after'] as string | undefined }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Login throttling shared by every API process through Redis: two real API processes (the built
 * app, as production runs it) on one Redis. A client cannot pick its own address with
 * X-Forwarded-For unless it connects from a configured proxy; one address spraying many usernames
 * is stopped; the signer stays able to sign in from elsewhere.
 */
describe('login throttling across API processes', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const prefix = `tonghop-test-throttle-${randomBytes(4).toString('hex')}`;
  const apis: Array<{ child: ChildProcess; port: number; output: () => string }> = [];

  beforeAll(async () => {
    db = await createTestDatabase('login_throttle');
    const ds = createDataSource(db.url);
    await ds.initialize();
    await ensureUsers(ds, ['signer', ...Array.from({ length: 8 }, (_, i) => `spray-${i}`), 'typo-user'].map((username) => ({ username, role: 'reviewer' as const, fullName: username, password: PASSWORD })));
    await ds.destroy();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const child = spawn(process.execPath, [builtEntry('api')], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          DATABASE_URL: db.url,
          REDIS_URL: TEST_REDIS_URL,
          QUEUE_PREFIX: prefix,
          JWT_SECRET: 'login-throttle-test-secret-0123456789abcdef',
          PORT: String(port),
          LOGIN_THROTTLE_LIMIT: '4',
          LOGIN_THROTTLE_IP_LIMIT: '6',
          // the proxy is 127.0.0.9; every other peer is a client, whatever its X-Forwarded-For says
          TRUST_PROXY: '127.0.0.9',
          WEB_ROOT: '/nonexistent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout!.on('data', (d) => (output += d));
      child.stderr!.on('data', (d) => (output += d));
      apis.push({ child, port, output: () => output });
    }
    for (const api of apis) {
      await waitFor(async () => {
        if (api.child.exitCode !== null) throw new Error(`API exited:\n${api.output()}`);
        return api.output().includes('API: http');
      }, 60_000, 'the API process to start');
    }
  }, 120_000);

  afterAll(async () => {
    for (const api of apis) {
      api.child.kill('SIGTERM');
      await new Promise((r) => (api.child.exitCode !== null ? r(null) : api.child.once('exit', r)));
    }
    await dropQueueKeys(TEST_REDIS_URL, prefix);
    await db.drop();
  });

  const [a, b] = [0, 1].map((i) => () => apis[i].port);

  it('counts one address’s failures for a username on both processes, and a spoofed X-Forwarded-For changes nothing', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 4; i++) answers.push(await login(i % 2 ? b() : a(), '127.0.0.2', 'signer', 'wrong password', { 'x-forwarded-for': `203.0.113.${i}` }));
    expect(answers.map((x) => x.status)).toEqual([401, 401, 401, 401]);
    for (const [port, spoof] of [[a(), '198.51.100.1'], [b(), '198.51.100.2'], [a(), '127.0.0.9']] as const) {
      const refused = await login(port, '127.0.0.2', 'signer', PASSWORD, { 'x-forwarded-for': spoof });
      expect(refused).toMatchObject({ status: 429, code: 'TOO_MANY_ATTEMPTS' });
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    }
  }, 60_000);

  it('does not lock the signer out: the right password from another address still signs in', async () => {
    expect((await login(b(), '127.0.0.3', 'signer', PASSWORD)).status).toBe(200);
  });

  it('stops one address spraying many usernames, even with a new username each time', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login(i % 2 ? a() : b(), '127.0.0.4', `spray-${i}`, 'Summer2024!')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    // another address is not affected
    expect((await login(a(), '127.0.0.5', 'spray-7', PASSWORD)).status).toBe(200);
  }, 60_000);

  it('takes the client address from X-Forwarded-For only when the connection comes from the configured proxy', async () => {
    for (let i = 0; i < 4; i++) expect((await login(a(), '127.0.0.9', 'typo-user', 'wrong', { 'x-forwarded-for': '203.0.113.50' })).status).toBe(401);
    expect((await login(b(), '127.0.0.9', 'typo-user', PASSWORD, { 'x-forwarded-for': '203.0.113.50' })).status).toBe(429);
    // another client behind the same proxy is someone else
    expect((await login(b(), '127.0.0.9', 'typo-user', PASSWORD, { 'x-forwarded-for': '203.0.113.51' })).status).toBe(200);
    // the failures were audited with the client's address, not the proxy's
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const { rows } = await pg.query(`SELECT DISTINCT after->>'ip' AS ip FROM audit_log WHERE action = 'auth.login_failed' AND after->>'reason' = 'wrong_password' AND entity_id = (SELECT id::text FROM users WHERE username = 'typo-user')`);
    await pg.end();
    expect(rows.map((r) => r.ip)).toEqual(['203.0.113.50']);
  }, 60_000);
});
