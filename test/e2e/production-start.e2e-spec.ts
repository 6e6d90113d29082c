import { spawnSync } from 'node:child_process';
import { builtEntry } from '../support/built-apps';

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
});
