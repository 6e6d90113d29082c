import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIBREOFFICE_INSTALL } from '../../libs/domain/src';
import { builtEntry } from '../support/built-apps';
import { waitFor } from '../support/wait';

/**
 * `npm run demo` on a machine with Node and nothing else: the built CLI (dist/, as the README's
 * command runs it; the global setup builds it when stale) with no PostgreSQL, no Redis and no
 * LibreOffice it could find. As root with iproute2, in a network namespace of its own (only its
 * loopback: the machine's PostgreSQL and Redis are out of sight); else with the probes pointed at
 * closed ports. It must start an embedded PostgreSQL and a redis-server, play the month to the
 * signed report (the DOCX issued, the PDF waiting for LibreOffice), leave the API running, and stop
 * all of it on SIGINT.
 */
const CLI = builtEntry('cli');
const works = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const ISOLATED = process.getuid?.() === 0 && works('ip', ['-V']) && works('ss', ['-V']) && works('nsenter', ['--version']) && works('unshare', ['-n', 'true']);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

const refused = (port: number) =>
  new Promise<boolean>((r) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), r(false)));
    socket.once('error', () => r(true));
  });

describe('npm run demo on a bare machine (no PostgreSQL, Redis nor LibreOffice in sight)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tonghop-bare-'));
  let demo: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;
  let netns = '';
  const ports = { api: 3000, pg: 54329, redis: 63790 };

  /** runs a command where the demo's servers are: in its network namespace, or here */
  const there = (cmd: string, args: string[]) =>
    ISOLATED ? spawnSync('nsenter', [`--net=/proc/${demo.pid}/ns/net`, cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  const processesInNamespace = () =>
    readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
      try {
        return readlinkSync(`/proc/${p}/ns/net`) === netns;
      } catch {
        return false; // gone meanwhile
      }
    });

  beforeAll(async () => {
    chmodSync(dir, 0o755); // as root, Postgres runs as the OS user "postgres"
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', NO_COLOR: '1', SOFFICE_PATH: join(dir, 'no-libreoffice', 'soffice') };
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'TEST_REDIS_URL', 'TEST_PG_ADMIN_URL']) delete env[name];
    if (ISOLATED) {
      // `exec`: the demo keeps the pid unshare was started with, for the SIGINT below
      demo = spawn('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, CLI, 'demo'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    } else {
      Object.assign(ports, { api: await freePort(), pg: await freePort(), redis: await freePort() });
      Object.assign(env, {
        PORT: String(ports.api),
        LOCAL_PG_PROBE_URL: 'postgres://postgres@127.0.0.1:1/postgres',
        EMBEDDED_PG_PORT: String(ports.pg),
        LOCAL_REDIS_PROBE_URL: 'redis://127.0.0.1:1',
        SPAWNED_REDIS_PORT: String(ports.redis),
      });
      demo = spawn(process.execPath, [CLI, 'demo'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    }
    demo.stdout!.on('data', (d) => (output += d));
    demo.stderr!.on('data', (d) => (output += d));
    exited = new Promise((r) => demo.once('exit', (code) => r(code)));
    if (ISOLATED) {
      // the pid is unshare's until it has made the namespace
      const ours = readlinkSync('/proc/self/ns/net');
      const its = () => (existsSync(`/proc/${demo.pid}/ns/net`) ? readlinkSync(`/proc/${demo.pid}/ns/net`) : null);
      netns = await waitFor(async () => (its() !== ours && its()) || null, 5000, 'the demo’s network namespace');
    }
    await waitFor(
      async () => {
        if (demo.exitCode !== null) throw new Error(`the demo ended (${demo.exitCode}) before it was done:\n${output}`);
        return output.includes('Nhấn Ctrl+C để dừng') || null;
      },
      280_000,
      'the demo to play its month',
    );
  }, 300_000);

  afterAll(async () => {
    if (demo?.exitCode === null && demo.signalCode === null) demo.kill('SIGKILL');
    if (netns) for (const pid of processesInNamespace()) process.kill(Number(pid), 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('plays the month to the signed report: the DOCX made, the PDF (and so the issue) waiting for LibreOffice', () => {
    expect(output).toContain('PostgreSQL (embedded)');
    expect(output).toContain('Redis (spawned)');
    expect(output).toContain('Phó Chủ tịch ký số — báo cáo "đã ký, chờ phát hành".');
    const docx = join(dir, '.data', 'reports', 'bao-cao-kt-xh-thang-5-2024.docx');
    expect(output).toContain(`Báo cáo đã ký: ${docx}`);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    expect(output).toContain('Bản PDF chờ LibreOffice (PDF waiting for LibreOffice)');
    expect(output).toContain(LIBREOFFICE_INSTALL);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
  });

  it('leaves the API running: the DOCX downloads, the PDF is 503 PDF_AWAITING_LIBREOFFICE with the command', () => {
    const script = `
      const base = 'http://127.0.0.1:${ports.api}/api';
      const json = async (path, token, init = {}) => (await fetch(base + path, { ...init, headers: { 'content-type': 'application/json', ...(token ? { authorization: 'Bearer ' + token } : {}) } })).json();
      (async () => {
        const { accessToken } = await json('/auth/login', null, { method: 'POST', body: JSON.stringify({ username: 'signer', password: 'Demo@2024' }) });
        const periods = await json('/periods', accessToken);
        const reports = await json('/reports?periodId=' + periods.find((p) => p.type === 'month' && p.number === 5 && p.year === 2024).id, accessToken);
        const report = await json('/reports/' + reports[0].id, accessToken);
        const signed = report.revisions.find((r) => r.state === 'signed');
        const get = (f) => fetch(base + '/reports/' + report.id + '/revisions/' + signed.number + '/document.' + f, { headers: { authorization: 'Bearer ' + accessToken } });
        const docx = await get('docx');
        const pdf = await get('pdf');
        console.log(JSON.stringify({ files: signed.files, docx: docx.status, pdf: pdf.status, pdfBody: await pdf.json() }));
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const r = there(process.execPath, ['-e', script]);
    expect(r.stderr).toBe('');
    const seen = JSON.parse(r.stdout);
    expect(seen.files).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ format: 'docx', renderedAs: 'signed', state: 'ready' }),
        expect.objectContaining({ format: 'pdf', renderedAs: 'signed', state: 'awaiting_libreoffice', sha256: null }),
      ]),
    );
    expect(seen.docx).toBe(200);
    expect(seen.pdf).toBe(503);
    expect(seen.pdfBody.code).toBe('PDF_AWAITING_LIBREOFFICE');
    expect(seen.pdfBody.message).toContain(LIBREOFFICE_INSTALL);
  });

  it('stops everything it started on Ctrl+C (SIGINT) and leaves nothing listening', async () => {
    const listening = () => {
      const r = there('ss', ['-ltnH']);
      return r.stdout.split('\n').filter(Boolean).map((l) => Number(l.trim().split(/\s+/)[3].split(':').pop()));
    };
    if (ISOLATED) expect(listening()).toEqual(expect.arrayContaining([ports.api, ports.pg, ports.redis]));
    demo.kill('SIGINT'); // the demo alone: stopping the others is its job
    expect(await exited).toBe(0);
    expect(output).toContain('Đang dừng demo');
    if (ISOLATED) {
      // what the demo started runs in its namespace: nothing may be left there, listening or not
      await waitFor(async () => processesInNamespace().length === 0 || null, 10_000, 'the namespace to empty').catch(() => undefined);
      expect(processesInNamespace().map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '))).toEqual([]);
    } else {
      for (const port of Object.values(ports)) expect(await refused(port)).toBe(true);
    }
  }, 60_000);
});
