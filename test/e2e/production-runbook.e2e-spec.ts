import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { APP_ROLE } from '../../libs/database/src/app-role';
import { withDatabase } from '../../libs/database/src/postgres-resolver';
import { builtEntry } from '../support/built-apps';
import { Child, stop } from '../support/child-process';
import { freePort } from '../support/own-redis';
import { dropQueueKeys } from '../support/redis-keys';
import { TEST_REDIS_URL } from '../support/test-redis';
import { waitFor } from '../support/wait';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

/** The SQL block of the README's runbook, as written there. */
export function runbookSql(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = readme.match(/<!-- runbook:database-roles[^>]*-->\s*```sql\n([\s\S]*?)```/);
  if (!block) throw new Error('README.md: no runbook:database-roles SQL block');
  return block[1];
}

/**
 * The README's production runbook followed on a fresh database: the database administrator's SQL
 * (with this run's own role and database names: roles belong to the whole cluster), the migrations
 * run by the built CLI as the owner, the built API started with NODE_ENV=production as the
 * application's login; then what that login can and cannot do.
 */
describe('the production runbook of the README, on a fresh database', () => {
  const suffix = randomBytes(4).toString('hex');
  const names = { owner: `tonghop_t_owner_${suffix}`, api: `tonghop_t_api_${suffix}`, database: `tonghop_t_runbook_${suffix}` };
  const passwords = { owner: randomBytes(12).toString('hex'), api: randomBytes(12).toString('hex') };
  const adminUrl = process.env.TEST_PG_ADMIN_URL!;
  const urlOf = (user: string, password: string) => {
    const u = new URL(withDatabase(adminUrl, names.database));
    u.username = user;
    u.password = password;
    return u.toString();
  };
  const ownerUrl = () => urlOf(names.owner, passwords.owner);
  const apiUrl = () => urlOf(names.api, passwords.api);
  const queuePrefix = `tonghop-test-runbook-${suffix}`;
  let api: Child | undefined;
  let port: number;

  const admin = async <T>(work: (c: Client) => Promise<T>, url = adminUrl): Promise<T> => {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      return await work(c);
    } finally {
      await c.end();
    }
  };
  const production = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    ...process.env, NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex'), REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: queuePrefix, ...extra,
  });

  beforeAll(async () => {
    const sql = runbookSql()
      .replace(/\btonghop_owner\b/g, names.owner)
      .replace(/\btonghop_api\b/g, names.api)
      .replace(/\bDATABASE tonghop\b/g, `DATABASE ${names.database}`)
      .replace(/'change-me-owner'/g, `'${passwords.owner}'`)
      .replace(/'change-me-api'/g, `'${passwords.api}'`);
    // one statement at a time, as psql sends them (CREATE DATABASE cannot share a transaction)
    await admin(async (c) => {
      for (const statement of sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await c.query(statement);
    });
  });
  afterAll(async () => {
    await stop(api);
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${names.database} WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS ${names.api}`);
      await c.query(`DROP ROLE IF EXISTS ${names.owner}`);
    });
    await dropQueueKeys(TEST_REDIS_URL, queuePrefix);
  });

  it('migrates as the owner (npm run migrate with DATABASE_MIGRATION_URL): the owner owns every table', async () => {
    const { stdout } = await run(process.execPath, [builtEntry('cli'), 'migrate'], { cwd: ROOT, env: production({ DATABASE_MIGRATION_URL: ownerUrl(), DATABASE_URL: apiUrl() }) });
    expect(stdout).toMatch(/Đã áp dụng \d+ migration/);
    const owners = await admin((c) => c.query(`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`), withDatabase(adminUrl, names.database));
    expect(owners.rows).toEqual([{ tableowner: names.owner }]);
  }, 120_000);

  /** The built API (npm start) in production on a free port, once it answers /api/health. */
  const startApi = async (databaseUrl: string): Promise<Child> => {
    port = await freePort();
    const child = spawn(process.execPath, [builtEntry('api')], { cwd: ROOT, env: production({ DATABASE_URL: databaseUrl, PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const started = { process: child, output: () => output, exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))) };
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${output}`);
      const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      return res?.ok ?? null;
    }, 60_000, 'the API to answer /api/health');
    return started;
  };

  it('starts the API in production as the application login, which acts as tonghop_app', async () => {
    api = await startApi(apiUrl());
    const output = api.output();
    // a request that reads the database as the API does: no such user (nothing seeded), 401
    expect((await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody', password: 'x'.repeat(12) }) })).status).toBe(401);
    const sessions = await admin((c) => c.query(`SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`, [names.database]));
    expect(sessions.rows).toEqual([{ usename: names.api }]);
    // a login that is not a superuser: no warning about it at start-up
    expect(output).not.toMatch(/superuser/);
  }, 120_000);

  it('warns at start-up when the API is given a superuser login in production', async () => {
    const su = await startApi(withDatabase(adminUrl, names.database));
    try {
      await waitFor(async () => /superuser/.test(su.output()), 10_000, 'the warning');
    } finally {
      await stop(su);
    }
  }, 120_000);

  it('the application login cannot write the audit log, change the schema, nor set a trigger aside', async () => {
    await admin(async (c) => {
      await c.query(`SET ROLE ${APP_ROLE}`);
      for (const sql of [`UPDATE audit_log SET action = 'x'`, `DELETE FROM report_actions`, `CREATE TABLE escape (id int)`, `SET session_replication_role = replica`]) {
        await expect(c.query(sql)).rejects.toThrow(/permission denied/);
      }
      await expect(c.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`)).rejects.toThrow(/must be owner/);
      await c.query(`RESET ROLE`);
      await expect(c.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`SET ROLE ${names.owner}`)).rejects.toThrow(/permission denied/);
    }, apiUrl());
  });

  it('refuses a connection of another login to the database (CONNECT revoked from PUBLIC)', async () => {
    const stranger = `tonghop_t_stranger_${suffix}`;
    await admin((c) => c.query(`CREATE ROLE ${stranger} LOGIN PASSWORD '${passwords.api}'`));
    try {
      await expect(admin(async () => undefined, urlOf(stranger, passwords.api))).rejects.toThrow(/permission denied for database/);
    } finally {
      await admin((c) => c.query(`DROP ROLE ${stranger}`));
    }
  });
});
