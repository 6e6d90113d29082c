import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { redisAnswers } from '../../libs/queue/src';
import { waitFor } from './wait';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A redis-server of the test's own, on a random loopback port, that the test may stop and start
 * again (never the machine's shared Redis). Nothing is persisted: `--save ''`, no AOF.
 */
export class OwnRedis {
  private child: ChildProcess | null = null;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<string> {
    if (!this.port) this.port = await freePort();
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    this.child = child;
    const failed = new Promise<never>((_, reject) => child.once('error', (e) => reject(new Error(`redis-server: ${e.message} (apt-get install redis-server)`))));
    await Promise.race([waitFor(() => redisAnswers(this.url), 10_000, `redis-server on port ${this.port}`), failed]);
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }
}
