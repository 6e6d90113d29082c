import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const APPS = ['api', 'worker', 'cli'] as const;
/** What the bundles are made of (config/ is read at run time, not bundled). */
const SOURCES = ['apps/api/src', 'apps/worker/src', 'apps/cli/src', 'libs', 'migrations', 'webpack.config.js', '.swcrc', 'tsconfig.json', 'package-lock.json'];

export const builtEntry = (app: (typeof APPS)[number]) => join(ROOT, 'dist', 'apps', app, 'main.js');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/**
 * Builds the API, the worker and the CLI (`nest build`, webpack bundles in dist/) when a bundle is
 * missing or older than its sources: the demo test runs them as `npm run demo` does. Once per run,
 * from the global setup; a few seconds when something changed, nothing otherwise.
 */
export function ensureAppsBuilt(log: (m: string) => void): void {
  const built = Math.min(...APPS.map((a) => (existsSync(builtEntry(a)) ? statSync(builtEntry(a)).mtimeMs : 0)));
  if (built >= Math.max(...SOURCES.map((s) => newest(join(ROOT, s))))) return;
  log('Build the apps (dist/) for the demo test …');
  for (const app of APPS) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build', app], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
