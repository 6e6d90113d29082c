import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * On a fresh machine there is no Postgres: the apps start an embedded one under .data/.
 * Runs the resolver in a child process with DATABASE_URL unset and the local probe pointed at a
 * closed port, so the fallback is the only way to an answer.
 */
describe('embedded Postgres fallback', () => {
  it('starts a cluster in the data folder, creates the database, and stops it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tonghop-pg-'));
    chmodSync(dir, 0o755);
    const code = `
      const { resolvePostgres } = require('./libs/database/src/postgres-resolver');
      const { loadConfig } = require('./libs/config/src/env');
      const { Client } = require('pg');
      (async () => {
        const pg = await resolvePostgres({ settings: loadConfig(process.env), database: 'tonghop_embedded', dataDir: ${JSON.stringify(join(dir, 'pg'))} });
        const c = new Client({ connectionString: pg.url });
        await c.connect();
        const r = await c.query('SELECT current_database() AS db');
        await c.end();
        await pg.stop();
        console.log(JSON.stringify({ source: pg.source, db: r.rows[0].db }));
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const env: NodeJS.ProcessEnv = { ...process.env, LOCAL_PG_PROBE_URL: 'postgres://postgres@127.0.0.1:1/postgres', EMBEDDED_PG_PORT: '54391' };
    delete env.DATABASE_URL;
    const result = spawnSync(process.execPath, ['-r', './test/support/swc-register.js', '-e', code], {
      cwd: join(__dirname, '..', '..'),
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    rmSync(dir, { recursive: true, force: true });
    expect(result.stderr).not.toMatch(/Error/);
    const out = JSON.parse(result.stdout.trim().split('\n').pop()!);
    expect(out).toEqual({ source: 'embedded', db: 'tonghop_embedded' });
  }, 150_000);
});
