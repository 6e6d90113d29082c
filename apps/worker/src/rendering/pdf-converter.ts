import { LIBREOFFICE_INSTALL } from '@app/domain';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);


/** soffice is not on this machine: the PDF waits for it (the DOCX does not). */
export class LibreOfficeMissingError extends Error {
  constructor(binary: string) {
    super(`Không tìm thấy LibreOffice (${binary}) — LibreOffice not found: ${LIBREOFFICE_INSTALL}`);
  }
}

/**
 * DOCX → PDF with LibreOffice headless (Debian's libreoffice-writer-nogui). Each worker process has
 * its own LibreOffice profile, so several workers can convert at once; conversions within one
 * process are queued, because one profile serves one soffice at a time.
 */
export class PdfConverter {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly profile = join(tmpdir(), `tonghop-lo-${process.pid}`);
  private readonly stopping = new AbortController();

  /** binary: the SOFFICE_PATH setting */
  constructor(private readonly binary: string, private readonly timeoutMs = 180_000) {}

  convert(docx: Buffer): Promise<Buffer> {
    const next = this.queue.then(() => this.convertNow(docx));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * The worker stops: a conversion still running is killed and none starts (its job fails this
   * attempt and is retried) — a soffice left running would keep the process alive until it ends.
   */
  stop(): void {
    this.stopping.abort();
  }

  private async convertNow(docx: Buffer): Promise<Buffer> {
    if (this.stopping.signal.aborted) throw new Error('Worker đang dừng: không chuyển sang PDF (worker stopping)');
    const dir = await mkdtemp(join(tmpdir(), 'tonghop-pdf-'));
    try {
      const input = join(dir, 'report.docx');
      await writeFile(input, docx);
      await run(
        this.binary,
        [`-env:UserInstallation=${pathToFileURL(this.profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
        { timeout: this.timeoutMs, signal: this.stopping.signal },
      );
      return await readFile(join(dir, 'report.pdf'));
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === 'ENOENT' && e.path === this.binary) throw new LibreOfficeMissingError(this.binary);
      throw error;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
