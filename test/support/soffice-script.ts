import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What a worker runs as LibreOffice (its SOFFICE_PATH), that a fault test makes absent, hanging or
 * real while the worker runs: the path is absent until `install`; `hang` records each call (its
 * pid) and never answers; `real` runs Debian's soffice.
 */
export class SofficeScript {
  private readonly dir = mkdtempSync(join(tmpdir(), 'tonghop-soffice-'));
  readonly path = join(this.dir, 'soffice');
  private readonly callsFile = join(this.dir, 'calls');

  /** replaces the program atomically (a conversion running keeps its old file) */
  install(kind: 'hang' | 'real'): void {
    const body = kind === 'hang' ? `echo $$ >> '${this.callsFile}'\nexec sleep 600` : 'exec /usr/bin/soffice "$@"';
    writeFileSync(`${this.path}.new`, `#!/bin/sh\n${body}\n`);
    chmodSync(`${this.path}.new`, 0o755);
    renameSync(`${this.path}.new`, this.path);
  }

  /** the pids of the hanging calls so far */
  calls(): number[] {
    return existsSync(this.callsFile) ? readFileSync(this.callsFile, 'utf8').split('\n').filter(Boolean).map(Number) : [];
  }

  /** kills what still hangs, removes the folder */
  remove(): void {
    for (const pid of this.calls()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
