import { createServer } from 'node:net';
import { Child, spawnTs } from './child-process';
import { waitFor } from './wait';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real API entry point (apps/api/src/main.ts) in a child process on a free port, ready once /api/health answers. */
export async function spawnApi(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Child & { url: string }> {
  const port = await freePort();
  const child = spawnTs('apps/api/src/main.ts', { PORT: String(port), ...env });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.process.exitCode !== null) throw new Error(`API exited (${child.process.exitCode}):\n${child.output()}`);
      return fetch(`${url}/api/health`).then((r) => r.status < 500, () => false);
    },
    timeoutMs,
    'the API process to start',
  );
  return { ...child, url };
}
