import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { demoPassword } from '../../apps/cli/src/commands';
import { createDataSource, ensureUsers } from '../../libs/database/src';
import { builtEntry } from '../support/built-apps';
import { dropQueueKeys } from '../support/redis-keys';
import { PASSWORD } from '../support/test-app';
import { testConfig } from '../support/test-config';
import { createTestDatabase } from '../support/test-db';
import { TEST_REDIS_URL } from '../support/test-redis';
import { waitFor } from '../support/wait';

/** Runs a built app with exactly this environment (nothing inherited: the point is what is missing). */
function run(app: 'api' | 'worker', env: Record<string, string>): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [builtEntry(app)], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const DATABASE_URL = 'postgres://postgres@127.0.0.1:1/never'; // never reached: the refusal comes first
const REDIS_URL = 'redis://127.0.0.1:1';

describe('a production start refuses an unsafe configuration', () => {
  it('the built API as production without JWT_SECRET stops, naming it', () => {
    const r = run('api', { NODE_ENV: 'production', DATABASE_URL, REDIS_URL, PORT: '0' });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/JWT_SECRET: bắt buộc khi chạy thật \(required in production/);
    expect(r.output).not.toMatch(/DATABASE_URL|REDIS_URL/);
  });

  it('NODE_ENV unset is production: the API names every missing setting in one message', () => {
    const r = run('api', { PORT: '0' });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/JWT_SECRET, DATABASE_URL, REDIS_URL: .*NODE_ENV is unset, which means production/);
    expect(r.output).toMatch(/NODE_ENV=development/);
    // one message, not a stack trace
    expect(r.output).not.toMatch(/\n\s+at /);
  });

  it('a secret shorter than 32 bytes is refused', () => {
    const r = run('api', { NODE_ENV: 'production', DATABASE_URL, REDIS_URL, JWT_SECRET: 'short-secret', PORT: '0' });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/JWT_SECRET: must be at least 32 bytes/);
  });

  it('the worker as production without DATABASE_URL stops, and starts no embedded database', () => {
    const r = run('worker', { NODE_ENV: 'production', REDIS_URL });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/DATABASE_URL: bắt buộc/);
    expect(r.output).not.toMatch(/nhúng|embedded PostgreSQL at|redis-server tại/);
  });

  it('a production start disables the demo accounts, and those still holding the published password, and says so', async () => {
    const db = await createTestDatabase('demo_accounts_prod');
    const ds = createDataSource(db.url);
    await ds.initialize();
    const demo = demoPassword(testConfig().TONGHOP_CONFIG_DIR);
    await ensureUsers(ds, [
      { username: 'admin', role: 'admin', fullName: 'Quản trị (demo)', password: demo, isDemo: true },
      // an account an earlier `npm run seed` made, before demo accounts were marked
      { username: 'signer', role: 'signer', fullName: 'Lãnh đạo', password: demo },
      { username: 'quantri', role: 'admin', fullName: 'Quản trị thật', password: PASSWORD },
    ]);
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const prefix = `tonghop-test-prodstart-${port}`;
    const child = spawn(process.execPath, [builtEntry('api')], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, PORT: String(port), JWT_SECRET: 'production-start-test-secret-0123456789abcdef', WEB_ROOT: '/nonexistent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    try {
      await waitFor(async () => {
        if (child.exitCode !== null) throw new Error(`API exited:\n${output}`);
        return output.includes('API: http');
      }, 60_000, 'the API to start');
      expect(output).toMatch(/Đã khóa 2 tài khoản mẫu .*\(demo accounts with the published password disabled in production\): admin, signer/);
      const login = (username: string, password: string) =>
        fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) }).then((r) => r.status);
      expect(await login('admin', demo)).toBe(401);
      expect(await login('signer', demo)).toBe(401);
      expect(await login('quantri', PASSWORD)).toBe(200);
      const audit = await ds.query(`SELECT u.username FROM audit_log a JOIN users u ON u.id::text = a.entity_id WHERE a.action = 'user.deactivated' ORDER BY u.username`);
      expect(audit.map((r: { username: string }) => r.username)).toEqual(['admin', 'signer']);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      await ds.destroy();
      await db.drop();
      await dropQueueKeys(TEST_REDIS_URL, prefix);
    }
  }, 120_000);
});
