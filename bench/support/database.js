'use strict';
/**
 * What every bench's setup does first: a fresh database of its own on the machine's PostgreSQL,
 * migrated by our own CLI (dist/apps/cli, so `npm run build` first).
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '..', '..');
const ADMIN_URL = process.env.BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the bench's PostgreSQL (BENCH_ADMIN_URL, else 127.0.0.1:5432). */
function benchDatabaseUrl(name) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `dist/apps/cli/main.js <args>`; resolves with its output, rejects with it on a non-zero exit. */
function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps/cli/main.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`cli ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

/** Drops database `name` (its connections too) and creates it empty, on the bench's PostgreSQL or `adminUrl`'s. */
async function recreateDatabase(name, adminUrl = ADMIN_URL) {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

/** Drops and creates database `name`, then migrates it; resolves with the migration's last line. */
async function freshMigratedDatabase(name) {
  await recreateDatabase(name);
  const out = await runCli(['migrate'], { DATABASE_URL: benchDatabaseUrl(name) });
  return out.split('\n').pop();
}

module.exports = { benchDatabaseUrl, freshMigratedDatabase, recreateDatabase };
