import { INestApplication } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { verifyAuditChain } from '../../apps/cli/src/audit-command';
import { demoPassword, seedDemo } from '../../apps/cli/src/commands';
import { playScriptedMonth, ScriptedMonthResult } from '../../apps/cli/src/scripted-month';
import { ConsolidationService } from '../../apps/worker/src/consolidation/consolidation.service';
import { RenderingService } from '../../apps/worker/src/rendering/rendering.service';
import type { ReportView } from '../../libs/contracts/src';
import { APP_ROLE, createDataSource } from '../../libs/database/src';
import { vnInstant } from '../../libs/domain/src';
import { OffsetClock } from '../../libs/queue/src';
import { createTestDatabase } from '../support/test-db';
import { testConfig } from '../support/test-config';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const has = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
/** The signed and issued PDF need LibreOffice and pdftotext (.ci/run installs them); without them the DOCX is checked alone. */
const PDF_TOOLS = has('soffice') && has('pdftotext');

/**
 * Sign-off integrity over HTTP (issue 13, item 5), on the demo's May 2024: a revision records the
 * version of each approved submission it was composed from; a source reopened or approved again
 * since blocks sending and signing (409 REPORT_SOURCES_CHANGED with the units), a unit missing is
 * accepted only when named (409 REPORT_UNITS_MISSING, the names recorded on the action); the hash
 * the database records for the signed and issued files is the SHA-256 of what is downloaded. The
 * worker's consolidation and rendering run in the test's process, acting as the application role.
 */
describe('sign-off integrity', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let appDs: DataSource;
  let app: INestApplication;
  let month: ScriptedMonthResult;
  let reportId: string;
  const config = testConfig();
  const password = demoPassword(config.TONGHOP_CONFIG_DIR);
  const http = () => request(app.getHttpServer());
  const tokens = new Map<string, string>();
  const as = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, `Bearer ${(await http().post('/api/auth/login').send({ username, password }).expect(200)).body.accessToken}`);
    return tokens.get(username)!;
  };
  const report = async (): Promise<ReportView> => (await http().get(`/api/reports/${reportId}`).set('Authorization', await as('reviewer')).expect(200)).body;
  const consolidate = async () => {
    const [{ id: actorId }] = await ds.query(`SELECT id FROM users WHERE username = 'reviewer'`);
    await new ConsolidationService(appDs).consolidate({ periodId: month.periodId, trigger: `request:${randomUUID()}`, actorId });
    const [r] = (await http().get(`/api/reports?periodId=${month.periodId}`).set('Authorization', await as('reviewer')).expect(200)).body;
    reportId = r.id;
    return report();
  };
  const submission = async (unitCode: string) => {
    const list = (await http().get(`/api/submissions?periodId=${month.periodId}`).set('Authorization', await as('reviewer')).expect(200)).body;
    return list.find((s: { unitCode: string }) => s.unitCode === unitCode) as { id: string; version: number; state: string };
  };
  const reopen = async (unitCode: string) => {
    const s = await submission(unitCode);
    await http().post(`/api/submissions/${s.id}/reopen`).set('Authorization', await as('admin')).send({ version: s.version, reason: 'Đính chính số liệu.' }).expect(200);
  };
  const approveAgain = async (unitCode: string) => {
    const s = await submission(unitCode);
    const submitted = (await http().post(`/api/submissions/${s.id}/submit`).set('Authorization', await as(`officer-${unitCode.toLowerCase()}`)).send({ version: s.version }).expect(200)).body;
    await http().post(`/api/submissions/${s.id}/approve`).set('Authorization', await as('reviewer')).send({ version: submitted.version }).expect(200);
  };
  const post = async (step: 'send' | 'sign' | 'return', user: string, body: Record<string, unknown>) =>
    http().post(`/api/reports/${reportId}/${step}`).set('Authorization', await as(user)).send({ version: (await report()).version, ...body });
  /** the step done: 200, with its answer */
  const done = async (step: 'send' | 'sign' | 'return', user: string, body: Record<string, unknown>) => {
    const res = await post(step, user, body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    return res.body;
  };
  const download = async (n: number, format: string) => {
    const res = await http().get(`/api/reports/${reportId}/revisions/${n}/document.${format}`).set('Authorization', await as('reviewer')).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    return res.body as Buffer;
  };
  const render = async (n: number) => {
    const [{ id }] = await ds.query(`SELECT id FROM report_revisions WHERE report_id = $1 AND number = $2`, [reportId, n]);
    await new RenderingService(appDs, null as never, config).render(id); // render() adds no job
  };
  const recorded = async (n: number, format: string, renderedAs: string) =>
    (await report()).revisions.find((r) => r.number === n)!.recordedHashes.find((h) => h.format === format && h.renderedAs === renderedAs)?.sha256;

  beforeAll(async () => {
    database = await createTestDatabase('signoff');
    ds = createDataSource(database.url);
    await ds.initialize();
    appDs = createDataSource(database.url, { poolSize: 4, role: APP_ROLE });
    await appDs.initialize();
    await seedDemo(ds, config.TONGHOP_CONFIG_DIR);
    app = await createApp(config, database.url, { logger: false, clock: new OffsetClock(vnInstant('2024-06-03', '09:00')) });
    await app.listen(0, '127.0.0.1');
    month = await playScriptedMonth(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`, password, config.TONGHOP_CONFIG_DIR);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await appDs?.destroy();
    await ds?.destroy();
    await database?.drop();
  });

  it('records in the revision the version of every submission it was composed from, earlier months included', async () => {
    const r = await consolidate();
    const sources = r.revisions[0].sourceVersions!;
    const approved: Array<{ unitCode: string; submissionId: string; version: number }> = await ds.query(
      `SELECT u.code AS "unitCode", s.id AS "submissionId", s.version FROM submissions s JOIN reporting_units u ON u.id = s.unit_id
        WHERE s.period_id = $1 AND s.state = 'approved' ORDER BY u.code, s.id`,
      [month.periodId],
    );
    expect(approved).toHaveLength(month.approved);
    expect(sources).toEqual(expect.arrayContaining(approved));
    // and the earlier months whose figures make May's cumulatives (April 2024, imported as approved history)
    const [april] = await ds.query(
      `SELECT s.id, s.version FROM submissions s JOIN periods p ON p.id = s.period_id JOIN reporting_units u ON u.id = s.unit_id
        WHERE p.type = 'month' AND p.year = 2024 AND p.number = 4 AND u.code = 'SNN'`,
    );
    expect(sources).toContainEqual({ unitCode: 'SNN', submissionId: april.id, version: april.version });
    expect(r.revisions[0].missingUnits).toEqual([]);
  });

  it('refuses to send a revision one of whose sources was reopened since (409 REPORT_SOURCES_CHANGED, the unit)', async () => {
    await reopen('STC');
    const res = await post('send', 'reviewer', {});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'REPORT_SOURCES_CHANGED', units: ['STC'] });
    expect((await report()).state).toBe('drafting');
  });

  it('sends a revision that lacks a unit only when the reviewer names it, and records the name; a figure retyped in an edit is the office’s', async () => {
    const r = await consolidate();
    expect(r.revisions.at(-1)!.missingUnits).toEqual(['STC']);
    // the office retypes a figure: the new revision keeps the record of its sources, and the number is the office's
    const section = r.current!.sections.find((x) => x.id === 'II.1.1')!;
    expect(section.figures.find((f) => f.text === '710,83')?.source).toMatchObject({ unitCode: 'SNN' });
    const edited = (await http().put(`/api/reports/${reportId}/sections/II.1.1`).set('Authorization', await as('reviewer')).send({ version: r.version, text: section.text.replace('710,83', '720,5') }).expect(200)).body;
    const after = await report();
    const figures = after.current!.sections.find((x) => x.id === 'II.1.1')!.figures;
    expect(figures.find((f) => f.text === '720,5')).toEqual({ paragraph: expect.any(Number), text: '720,5', source: null, typedByOffice: true });
    expect(figures.some((f) => f.text === '710,83')).toBe(false);
    expect(after.current!.sections.find((x) => x.id === 'II.1.1')!.paragraphs.flat()).toContainEqual({ text: '720,5', typedByOffice: true });
    const html = (await http().get(`/api/reports/${reportId}/revisions/${edited.revision}/document.html`).set('Authorization', await as('reviewer')).expect(200)).text;
    expect(html).toContain('<span class="typed" title="Văn phòng nhập (typed by the office)">720,5</span>');
    expect(after.revisions.at(-1)).toMatchObject({ number: edited.revision, missingUnits: ['STC'], sourceVersions: r.revisions.at(-1)!.sourceVersions });
    expect((await post('send', 'reviewer', {})).body).toMatchObject({ statusCode: 409, code: 'REPORT_UNITS_MISSING', units: ['STC'] });
    expect((await post('send', 'reviewer', { missingUnitsAccepted: ['SNN'] })).body).toMatchObject({ code: 'REPORT_UNITS_MISSING', units: ['STC'] });
    await done('send', 'reviewer', { missingUnitsAccepted: ['STC'] });
    expect((await report()).actions.at(-1)).toMatchObject({ action: 'send', missingUnitsAccepted: ['STC'], actorUsername: 'reviewer' });
  });

  it('refuses to sign when a source was reopened after sending, and still when it was approved again (another version)', async () => {
    await reopen('SNN');
    expect((await post('sign', 'signer', { missingUnitsAccepted: ['STC'] })).body).toMatchObject({ statusCode: 409, code: 'REPORT_SOURCES_CHANGED', units: ['SNN'] });
    await approveAgain('SNN');
    expect((await post('sign', 'signer', { missingUnitsAccepted: ['STC'] })).body).toMatchObject({ statusCode: 409, code: 'REPORT_SOURCES_CHANGED', units: ['SNN'] });
    expect((await report()).state).toBe('awaiting_signature');
  });

  it('signs a revision that lacks a unit only when the signer names it', async () => {
    await done('return', 'signer', { comment: 'Tổng hợp lại với số liệu mới của Sở Nông nghiệp.' });
    const r = await consolidate();
    expect(r.revisions.at(-1)!.missingUnits).toEqual(['STC']);
    await done('send', 'reviewer', { missingUnitsAccepted: ['STC'] });
    expect((await post('sign', 'signer', {})).body).toMatchObject({ statusCode: 409, code: 'REPORT_UNITS_MISSING', units: ['STC'] });
    const signed = await done('sign', 'signer', { missingUnitsAccepted: ['STC'] });
    expect((await report()).actions.at(-1)).toMatchObject({ action: 'sign', missingUnitsAccepted: ['STC'], actorUsername: 'signer' });
    // every decision is in the audit log, whose chain holds
    const audited = await ds.query(`SELECT action, after FROM audit_log WHERE entity_type = 'report' AND entity_id = $1 ORDER BY chain_seq`, [reportId]);
    expect(audited.map((a: { action: string }) => a.action)).toEqual(['report.edited', 'report.sent', 'report.returned', 'report.sent', 'report.signed']);
    expect(audited[4].after).toMatchObject({ revision: signed.revision, missingUnitsAccepted: ['STC'] });
    expect(await verifyAuditChain(appDs)).toMatchObject({ ok: true });
  });

  it('records the SHA-256 of the signed files when they are stored: the files downloaded afterwards have it', async () => {
    const n = (await report()).sentRevision!;
    await render(n);
    const docx = await download(n, 'docx');
    expect(await recorded(n, 'docx', 'signed')).toBe(sha256(docx));
    if (!PDF_TOOLS) return;
    const pdf = await download(n, 'pdf');
    expect(await recorded(n, 'pdf', 'signed')).toBe(sha256(pdf));
  });

  (PDF_TOOLS ? it : it.skip)('records the SHA-256 of the issued PDF and DOCX: the files downloaded afterwards have it, and the action names it', async () => {
    const n = (await report()).sentRevision!;
    const issued = (await http().post(`/api/reports/${reportId}/issue`).set('Authorization', await as('clerk')).send({ version: (await report()).version }).expect(200)).body;
    const pdf = await download(n, 'pdf');
    expect(sha256(pdf)).toBe(issued.sha256);
    expect(await recorded(n, 'pdf', 'issued')).toBe(sha256(pdf));
    await render(n);
    const docx = await download(n, 'docx');
    expect(await recorded(n, 'docx', 'issued')).toBe(sha256(docx));
    // and the signed ones stay recorded as they were
    expect(await recorded(n, 'pdf', 'signed')).not.toBe(sha256(pdf));
    await expect(appDs.query(`UPDATE report_files SET layout = '{}' WHERE format = 'pdf' AND rendered_as = 'issued'`)).rejects.toThrow(/never changed/);
  });
});
