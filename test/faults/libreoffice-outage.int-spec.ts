import { Child, spawnWorker, stop } from '../support/child-process';
import { SigningApp, startSigningApp } from '../support/signing-app';
import { SofficeScript } from '../support/soffice-script';
import { waitFor } from '../support/wait';

/**
 * LibreOffice missing, then hanging, then working, under one worker process that is never
 * restarted. Invariant: every signed report gets its files — the DOCX at once (downloadable while
 * the PDF waits), the signed PDF once LibreOffice works, without anyone acting. Recovery
 * mechanisms: the sweeper (a signed revision without its signed PDF is re-driven) and the
 * conversion's timeout (SOFFICE_TIMEOUT_MS) with the job's retries. Checked: with SWEEP_EVERY_MS=0
 * the PDF stays awaiting LibreOffice (soffice is never called again) and the test times out; with
 * SOFFICE_TIMEOUT_MS=600000 the first hanging conversion is never given up, the script is called once
 * and the test times out waiting for the retry.
 */
describe('LibreOffice missing, then hanging, then back', () => {
  let t: SigningApp;
  let worker: Child | undefined;
  const soffice = new SofficeScript();

  beforeAll(async () => {
    t = await startSigningApp('sofficedown');
  }, 60_000);
  afterAll(async () => {
    await stop(worker, 'SIGKILL');
    await t?.close();
    soffice.remove();
  });

  it('serves the DOCX meanwhile and the signed PDF once LibreOffice works', async () => {
    worker = await spawnWorker({
      DATABASE_URL: t.databaseUrl, REDIS_URL: t.redisUrl, QUEUE_PREFIX: t.queuePrefix, REMINDER_SCAN_EVERY_MS: '0', OUTBOX_POLL_MS: '100',
      SOFFICE_PATH: soffice.path, SOFFICE_TIMEOUT_MS: '6000', SWEEP_EVERY_MS: '500', STUCK_AFTER_MS: '1000', JOB_BACKOFF_MS: '200',
    });
    const report = await t.sentReport();
    await t.http().post(`/api/reports/${report.id}/sign`).set('Authorization', await t.as('signer')).send({ version: report.version }).expect(200);
    const reviewer = await t.as('reviewer');
    const download = (format: string) =>
      t.http().get(`/api/reports/${report.id}/revisions/${report.revision}/document.${format}`).set('Authorization', reviewer).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const code = async (format: string) => JSON.parse((await download(format)).body.toString()).code;

    // missing: the signed DOCX is stored and served, the PDF waits for LibreOffice
    await waitFor(async () => (await t.files(report.revisionId)).some((f) => f.format === 'pdf' && f.renderedAs === 'signed'), 30_000, 'the signed rendering without LibreOffice');
    expect(await t.files(report.revisionId)).toEqual([
      { format: 'csv', renderedAs: 'signed', state: 'ready' },
      { format: 'docx', renderedAs: 'signed', state: 'ready' },
      { format: 'json', renderedAs: 'signed', state: 'ready' },
      { format: 'pdf', renderedAs: 'signed', state: 'awaiting_libreoffice' },
    ]);
    expect((await download('docx').expect(200)).body.subarray(0, 2).toString()).toBe('PK');
    expect(await code('pdf')).toBe('PDF_AWAITING_LIBREOFFICE');

    // hanging: the sweeper re-drives the rendering, each conversion is killed after 6 s and tried again
    // (long enough for a real conversion on a busy machine: a cold LibreOffice took more than 1.5 s in CI)
    soffice.install('hang');
    await waitFor(async () => soffice.calls().length >= 2, 30_000, 'a hanging conversion given up and tried again');
    expect(await code('pdf')).toBe('PDF_AWAITING_LIBREOFFICE');

    // back: the next attempt makes the signed PDF, nobody acting
    soffice.install('real');
    const pdf = await waitFor(async () => {
      const res = await download('pdf');
      return res.status === 200 && (res.body as Buffer);
    }, 45_000, 'the signed PDF');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await t.files(report.revisionId)).toEqual([
      { format: 'csv', renderedAs: 'signed', state: 'ready' },
      { format: 'docx', renderedAs: 'signed', state: 'ready' },
      { format: 'json', renderedAs: 'signed', state: 'ready' },
      { format: 'pdf', renderedAs: 'signed', state: 'ready' },
    ]);
    expect(worker.process.exitCode).toBeNull();
  }, 120_000);
});
