import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { builtEntry } from '../support/built-apps';
import { createTestDatabase } from '../support/test-db';
import { TEST_REDIS_URL } from '../support/test-redis';
import { waitFor } from '../support/wait';

/**
 * `npm run demo -- --through 2025-05` (the built CLI): May 2024 as always, then 2025 quickly with the
 * administrator's restructuring of 1 March 2025 through the API, to May 2025's signed report — in
 * under five minutes. Its own database; its queues in a Redis database of their own.
 */
describe('npm run demo -- --through 2025-05', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let demo: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    database = await createTestDatabase('demo2025');
  });
  afterAll(async () => {
    if (demo && demo.exitCode === null) {
      const exited = new Promise((r) => demo!.once('exit', r));
      demo.kill('SIGINT');
      await exited;
    }
    await database?.drop();
  });

  it('restructures the units through the API and signs May 2025’s report within five minutes', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise((r) => server.close(r));
    // a Redis database of its own: the demo's queue prefix is fixed
    const redis = new URL(TEST_REDIS_URL);
    redis.pathname = '/13';
    const started = Date.now();
    demo = spawn(process.execPath, [builtEntry('cli'), 'demo', '--through', '2025-05'], {
      env: { ...process.env, NODE_ENV: 'development', NO_COLOR: '1', DATABASE_URL: database.url, REDIS_URL: redis.toString(), PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    demo.stdout!.on('data', (b: Buffer) => (output += b.toString()));
    demo.stderr!.on('data', (b: Buffer) => (output += b.toString()));
    await waitFor(async () => output.includes('Nhấn Ctrl+C để dừng') || demo!.exitCode !== null, 300_000, 'the demo to finish its run');
    const seconds = (Date.now() - started) / 1000;
    expect({ exit: demo.exitCode, tail: demo.exitCode === null ? '' : output.slice(-2000) }).toEqual({ exit: null, tail: '' });
    expect(output).toContain('SNN + STNMT → SNNMT');
    expect(output).toMatch(/tháng 5 năm 2025: \d+ đơn vị nhập số liệu mẫu/);
    // signed; issued too where LibreOffice makes its PDF
    expect(output).toMatch(/Báo cáo đã (ký|phát hành): .*bao-cao-kt-xh-thang-5-2025\.(docx|pdf)/);
    expect(output).toMatch(/Sở Nông nghiệp và Môi trường .*: \d+ chỉ tiêu của hai sở cũ/);
    expect(seconds).toBeLessThan(300);
  }, 330_000);
});
