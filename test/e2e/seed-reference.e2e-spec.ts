import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { verifyPassword } from '../../libs/security/src';
import { demoPassword } from '../../apps/cli/src/commands';
import { builtEntry } from '../support/built-apps';
import { testConfig } from '../support/test-config';
import { createTestDatabase } from '../support/test-db';

/** The built CLI, as the production runbook runs it (NODE_ENV=production, DATABASE_URL only). */
function cli(databaseUrl: string, ...args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [builtEntry('cli'), ...args], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('npm run seed: reference data, never an account with a known password', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pg: Client;

  beforeAll(async () => {
    db = await createTestDatabase('seed_reference');
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await pg.end();
    await db.drop();
  });

  it('on an empty database loads units, forms and templates and creates no account', async () => {
    const r = cli(db.url, 'seed');
    expect(r.output).toMatch(/Không tạo tài khoản nào/);
    expect(r.status).toBe(0);
    const [{ units, forms, templates, users }] = (
      await pg.query(`SELECT (SELECT count(*) FROM reporting_units)::int AS units, (SELECT count(*) FROM form_templates)::int AS forms,
                             (SELECT count(*) FROM report_templates)::int AS templates, (SELECT count(*) FROM users)::int AS users`)
    ).rows;
    expect({ units: units > 10, forms: forms > 0, templates: templates > 0 }).toEqual({ units: true, forms: true, templates: true });
    expect(users).toBe(0);
    // the demo's figures stay with the demo
    expect((await pg.query(`SELECT count(*)::int AS n FROM submissions`)).rows[0].n).toBe(0);
    // run twice: still nothing
    expect(cli(db.url, 'seed').status).toBe(0);
    expect((await pg.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n).toBe(0);
  }, 120_000);

  it('create-admin makes the first administrator with a one-time password that must be changed, not the demo one', async () => {
    const r = cli(db.url, 'create-admin', 'quantri', 'Nguyễn Văn Quản Trị');
    expect(r.status).toBe(0);
    const password = /Mật khẩu dùng một lần[^:]*: (\S+)/.exec(r.output)?.[1];
    expect(password).toBeDefined();
    const { rows } = await pg.query(`SELECT username, role, must_change_password, is_demo, password_hash, full_name FROM users`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'quantri', role: 'admin', must_change_password: true, is_demo: false, full_name: 'Nguyễn Văn Quản Trị' });
    expect(await verifyPassword(rows[0].password_hash, password!)).toBe(true);
    expect(await verifyPassword(rows[0].password_hash, demoPassword(testConfig().TONGHOP_CONFIG_DIR))).toBe(false);
    // a second one with the same name changes nothing
    const again = cli(db.url, 'create-admin', 'quantri');
    expect(again.status).toBe(1);
    expect(again.output).toMatch(/đã có/);
  }, 120_000);
});
