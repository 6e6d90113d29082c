import { INestApplication } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { Queue } from 'bullmq';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { ConsolidationService } from '../../apps/worker/src/consolidation/consolidation.service';
import { demoPassword, seedDemo } from '../../apps/cli/src/commands';
import { playScriptedMonth, ScriptedMonthResult } from '../../apps/cli/src/scripted-month';
import { createDataSource } from '../../libs/database/src';
import { jobIds, OffsetClock, QUEUES, redisOptions } from '../../libs/queue/src';
import { numberPattern, unpackFigures, vnInstant } from '../../libs/domain/src';
import expected from '../fixtures/may-2024-expected.json';
import { xmlParagraphs, zipEntry } from '../support/docx-text';
import { createTestDatabase } from '../support/test-db';
import { TEST_REDIS_URL } from '../support/test-redis';
import { waitFor } from '../support/wait';
import { startWorkerProcess } from '../support/worker-process';
import { testConfig } from '../support/test-config';

const REDIS_URL = TEST_REDIS_URL;
/**
 * Every worker of this file: a consolidation whose worker died is picked up again within seconds. All of
 * them, since BullMQ skips a stalled check while the last worker's interval has not run out.
 */
const FAST_LOCKS = { WORKER_LOCK_MS: '4000', WORKER_STALLED_MS: '1000' };
const OUTPUT = join(__dirname, '..', 'output');
/** The API's clock: Monday 3 June 2024, 09:00 in Lạng Sơn, running on from there; the report is signed that day, not today. */
const SIGNING_DAY = vnInstant('2024-06-03', '09:00');
const OUTLINE = ['I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 'II. TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 5 VÀ 5 THÁNG NĂM 2024', '1. Về phát triển kinh tế',
  '1.1. Sản xuất nông, lâm nghiệp', '1.2. Phát triển kinh tế cửa khẩu', '1.3. Sản xuất công nghiệp; thương mại, dịch vụ và du lịch',
  '1.4. Đầu tư xây dựng kết cấu hạ tầng và công tác quy hoạch', '1.5. Phát triển doanh nghiệp và thu hút đầu tư', '1.6. Quản lý, điều hành ngân sách nhà nước',
  '2. Lĩnh vực văn hóa - xã hội', '3. Lĩnh vực thông tin truyền thông và chuyển đổi số', '4. Lĩnh vực tài nguyên và môi trường; khoa học và công nghệ',
  '5. Công tác thanh tra, kiểm tra; giải quyết khiếu nại, tố cáo; phòng chống tham nhũng; chống buôn lậu, gian lận thương mại',
  '6. Lĩnh vực quốc phòng, an ninh; đối ngoại', '7. Công tác cải cách hành chính, nội vụ và thi đua khen thưởng', 'III. NHIỆM VỤ TRỌNG TÂM THÁNG 6 NĂM 2024'];

/**
 * The consolidated report end to end, over HTTP, with the real worker in a child process: the
 * scripted May 2024 month is approved, the worker composes the draft and renders it (DOCX, then
 * PDF with LibreOffice); the office edits and sends it; the signer returns it, then signs it.
 */
describe('the consolidated report of May 2024', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let app: INestApplication;
  let worker: ReturnType<typeof startWorkerProcess>;
  let month: ScriptedMonthResult;
  let reportId: string;
  const prefix = `tonghop-rep-${randomBytes(4).toString('hex')}`;
  type ReportRow = { id: string; state: string; version: number; revisions: Array<{ number: number; missingUnits: string[] }>; correctsReportId: string | null };
  const reason = 'Đính chính số liệu thu ngân sách của Sở Tài chính.';
  let s: { id: string; version: number };
  let next: ReportRow;
  let list: () => Promise<ReportRow[]>;

  const tokens = new Map<string, string>();
  const http = () => request(app.getHttpServer());
  const as = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, (await http().post('/api/auth/login').send({ username, password: demoPassword(testConfig().TONGHOP_CONFIG_DIR) }).expect(200)).body.accessToken);
    return `Bearer ${tokens.get(username)}`;
  };
  const workerEnv = () => ({ databaseUrl: database.url, redisUrl: REDIS_URL, queuePrefix: prefix });
  const revisionsOf = async (trigger: string) => (await ds.query(`SELECT count(*)::int AS n FROM report_revisions WHERE trigger = $1`, [trigger]))[0].n as number;
  const report = async () => (await http().get(`/api/reports/${reportId}`).set('Authorization', await as('reviewer')).expect(200)).body;
  const file = async (n: number, format: string, user = 'reviewer') =>
    waitFor(async () => {
      const res = await http().get(`/api/reports/${reportId}/revisions/${n}/document.${format}`).set('Authorization', await as(user)).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      return res.status === 200 ? res : null;
    }, 90_000, `revision ${n} ${format}`);

  const inboxHas = (username: string, kind: string) =>
    waitFor(async () => {
      const res = await http().get('/api/me/notifications').set('Authorization', await as(username)).expect(200);
      return (res.body.items as Array<{ kind: string; title: string; body: string; link: string; periodId: string; submissionId: string | null }>).find((n) => n.kind === kind);
    }, 30_000, `a ${kind} notification for ${username}`);

  beforeAll(async () => {
    database = await createTestDatabase('reports');
    ds = createDataSource(database.url);
    await ds.initialize();
    await seedDemo(ds, testConfig().TONGHOP_CONFIG_DIR);
    app = await createApp(testConfig(), database.url, { logger: false, clock: new OffsetClock(SIGNING_DAY) });
    await app.listen(0, '127.0.0.1');
    worker = startWorkerProcess(workerEnv(), FAST_LOCKS);
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
    month = await playScriptedMonth(base, demoPassword(testConfig().TONGHOP_CONFIG_DIR), testConfig().TONGHOP_CONFIG_DIR);
    const list = await waitFor(async () => {
      const res = await http().get(`/api/reports?periodId=${month.periodId}`).set('Authorization', await as('reviewer'));
      return res.body.length && res.body[0].revisions.length ? res.body : null;
    }, 60_000, 'the draft consolidated by the worker');
    reportId = list[0].id;
  }, 240_000);
  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await ds?.destroy();
    await database?.drop();
  });

  it('is consolidated by the worker when the last submission is approved, with every figure’s source', async () => {
    const r = await report();
    expect(r).toMatchObject({ periodId: month.periodId, state: 'drafting', revisions: [expect.objectContaining({ number: 1, state: 'draft', missingUnits: [] })] });
    expect(r.revisions[0].trigger).toMatch(/^approved:/);
    const forest = r.current.sections.find((s: { id: string }) => s.id === 'II.1.1').figures.find((f: { text: string }) => f.text === '710,83');
    expect(forest.source).toMatchObject({ unitCode: 'SNN', indicatorCode: 'new_forest_planted', field: 'value', value: '710.83' });
    const [{ id: submissionId }] = await ds.query(`SELECT s.id FROM submissions s JOIN reporting_units u ON u.id = s.unit_id WHERE u.code = 'SNN' AND s.period_id = $1`, [month.periodId]);
    expect(forest.source.submissionId).toBe(submissionId);
  });

  it('golden: the DOCX follows the reference outline and prints every figure of II.1.1–II.1.6 as the reference does', async () => {
    const docx = (await file(1, 'docx')).body as Buffer;
    const body = xmlParagraphs(zipEntry(docx, 'word/document.xml')!);
    const notes = new Map<string, string>();
    for (const m of zipEntry(docx, 'word/footnotes.xml')!.matchAll(/<w:footnote [^>]*w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:footnote>/g)) notes.set(m[1], xmlParagraphs(m[2]).join(' '));
    const headingAt = OUTLINE.map((h) => body.indexOf(h));
    expect(headingAt.every((i) => i >= 0)).toBe(true);
    expect([...headingAt].sort((a, b) => a - b)).toEqual(headingAt);
    expect(body.some((p) => p.startsWith('Đánh giá chung: '))).toBe(true);
    const section = (id: string) => {
      const i = OUTLINE.findIndex((h) => h.startsWith(id.replace('II.', '') + '.'));
      const text = body.slice(headingAt[i], headingAt[i + 1]).join('\n');
      const refs = [...text.matchAll(/\[\^(\d+)\]/g)].map((m) => notes.get(m[1]) ?? '');
      return `${text}\n${refs.join('\n')}`;
    };
    const missing: string[] = [];
    const unitOf = (code: string) => expected.find((e) => e.indicatorCode === code)!;
    void unitOf;
    for (const e of expected) {
      const sectionId = SECTION_OF[e.indicatorCode];
      if (!sectionId) continue;
      const text = section(sectionId);
      const abs = e.expected.replace(/^-/, '');
      const ok =
        e.field === 'planPct' ? text.includes(`đạt ${abs}%`) || text.includes(`đạt ${abs} %`) :
        e.field === 'samePeriodChangePct' ? new RegExp(`(tăng|giảm) ${abs.replace(',', ',')}%`).test(text) :
        e.field === 'samePeriodRatioPct' ? new RegExp(`(bằng|tương đương) ${abs}%`).test(text) :
        numberPattern(abs, false).test(text);
      if (!ok) missing.push(`${sectionId} ${e.indicatorCode}.${e.field} = ${e.expected}`);
    }
    expect(missing).toEqual([]);
    expect(notes.size).toBeGreaterThanOrEqual(16);
    expect([...notes.values()].some((n) => n.startsWith('Trong đó: Diện tích lúa ước đạt 15.560 ha, đạt 103,7% kế hoạch, bằng 99,8% so với cùng kỳ; ngô 14.120 ha'))).toBe(true);
    expect([...notes.values()].some((n) => n.startsWith('Trong đó: Đàn trâu khoảng 56.945 con, giảm 9,06% so với cùng kỳ'))).toBe(true);
  });

  it('refuses bad input with 4xx and stable codes, changing nothing', async () => {
    const reviewer = await as('reviewer');
    const { version } = await report();
    const put = (section: string, body: object) => http().put(`/api/reports/${reportId}/sections/${section}`).set('Authorization', reviewer).send(body);
    expect((await put('II.1.1', { text: 'x' })).body.code).toBe('VALIDATION_FAILED');
    expect((await put('II.1.1', { version, text: '   ' })).body).toMatchObject({ statusCode: 400, code: 'SECTION_TEXT_REQUIRED' });
    expect((await put('II.1.1', { version, text: 'Có chú thích lạ[^99].' })).body).toMatchObject({ statusCode: 400, code: 'UNKNOWN_FOOTNOTE' });
    expect((await put('IX', { version, text: 'Mục không có.' })).body).toMatchObject({ statusCode: 404, code: 'UNKNOWN_SECTION' });
    expect((await put('II.1.1', { version, text: 'a', extra: 1 })).status).toBe(400);
    expect((await http().get('/api/reports/not-a-uuid').set('Authorization', reviewer)).status).toBe(404);
    expect((await http().get(`/api/reports/${reportId}/revisions/abc`).set('Authorization', reviewer)).body.code).toBe('REVISION_NOT_FOUND');
    expect((await http().get(`/api/reports/${reportId}/revisions/99/document.pdf`).set('Authorization', reviewer)).body.code).toBe('REVISION_NOT_FOUND');
    expect((await http().get(`/api/reports/${reportId}/diff?from=x&to=1`).set('Authorization', reviewer)).status).toBe(400);
    expect((await http().post('/api/reports/consolidate').set('Authorization', reviewer).send({ periodId: 'nope' })).status).toBe(400);
    expect((await http().post(`/api/reports/${reportId}/sign`).set('Authorization', await as('signer')).send({ version })).body).toMatchObject({ statusCode: 409, code: 'REPORT_NOT_EDITABLE' });
    expect((await report()).revisions).toHaveLength(1);
  });

  it('office edits, sends; signer returns with a comment; office edits; signer signs: number, files and hashes, then 409', async () => {
    const reviewer = await as('reviewer');
    const signer = await as('signer');
    let r = await report();
    const text = r.current.sections.find((s: { id: string }) => s.id === 'II.1.1').text as string;
    const edited = text.replace('Kiểm soát tốt dịch bệnh trên cây trồng, vật nuôi', 'Kiểm soát tốt dịch bệnh trên cây trồng và vật nuôi');
    const put = (version: number, t: string) => http().put(`/api/reports/${reportId}/sections/II.1.1`).set('Authorization', reviewer).send({ version, text: t });
    const saved = (await put(r.version, edited).expect(200)).body;
    expect(saved.revision).toBe(2);
    const stale = (await put(r.version, edited).expect(409)).body;
    expect(stale).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: saved.version });
    const diff = (await http().get(`/api/reports/${reportId}/diff?from=1&to=2`).set('Authorization', reviewer).expect(200)).body;
    expect(diff.sections.map((s: { id: string }) => s.id)).toEqual(['II.1.1']);
    expect(diff.sections[0].changes.filter((c: { op: string }) => c.op !== 'equal').map((c: { op: string }) => c.op)).toEqual(['delete', 'insert']);
    r = await report();
    expect(r.current.sections.find((s: { id: string }) => s.id === 'II.1.1').figures.find((f: { text: string }) => f.text === '710,83').source.indicatorCode).toBe('new_forest_planted');

    const sent = (await http().post(`/api/reports/${reportId}/send`).set('Authorization', reviewer).send({ version: r.version }).expect(200)).body;
    // the worker tells the signers, with a link to the report page
    const toSign = await inboxHas('signer', 'report.sent');
    expect(toSign).toMatchObject({ title: 'Trình ký: báo cáo tổng hợp tháng 5 năm 2024', periodId: month.periodId, submissionId: null });
    expect(toSign.link).toMatch(new RegExp(`/reports/${reportId}$`));
    expect((await put(sent.version, edited).expect(409)).body.code).toBe('REPORT_NOT_EDITABLE');
    expect((await http().post(`/api/reports/${reportId}/return`).set('Authorization', signer).send({ version: sent.version }).expect(400)).body.code).toBe('RETURN_COMMENT_REQUIRED');
    const back = (await http().post(`/api/reports/${reportId}/return`).set('Authorization', signer).send({ version: sent.version, comment: 'Đề nghị bổ sung đánh giá về sâu bệnh.' }).expect(200)).body;
    expect(back.state).toBe('drafting');
    expect((await inboxHas('reviewer', 'report.returned')).body).toContain('Ý kiến: Đề nghị bổ sung đánh giá về sâu bệnh.');
    const again = (await put(back.version, `${edited} Theo dõi chặt chẽ tình hình sâu bệnh trên cây trồng.`).expect(200)).body;
    const sent2 = (await http().post(`/api/reports/${reportId}/send`).set('Authorization', reviewer).send({ version: again.version }).expect(200)).body;
    const signed = (await http().post(`/api/reports/${reportId}/sign`).set('Authorization', signer).send({ version: sent2.version }).expect(200)).body;
    expect(signed).toMatchObject({ state: 'signed', revision: again.revision });
    expect(signed.documentNumber).toBeUndefined(); // the number is the records office's
    // the worker renders the document (number and date blank) and applies the vice-chairman's signature
    await waitFor(async () => {
      const rev = (await report()).revisions.find((x: { number: number }) => x.number === again.revision);
      return rev.files.some((f: { format: string; renderedAs: string }) => f.format === 'pdf' && f.renderedAs === 'signed') || null;
    }, 120_000, 'the signed PDF');
    expect((await inboxHas('clerk', 'report.signed')).title).toBe('Đã ký, chờ phát hành: báo cáo tổng hợp tháng 5 năm 2024');
    const signedPdf = (await file(again.revision, 'pdf', 'clerk')).body as Buffer;
    const beforeIssue = pdfsig(signedPdf, 'report-signed-only.pdf');
    expect(beforeIssue.match(/Signature is Valid/g)).toHaveLength(1);
    expect(beforeIssue).toContain('Signer Certificate Common Name: Dương Xuân Huyền');
    expect(pdfText(signedPdf)).toContain('Số: /BC-UBND');

    r = await report();
    expect((await http().post(`/api/reports/${reportId}/issue`).set('Authorization', signer).send({ version: r.version })).status).toBe(403);
    const issued = (await http().post(`/api/reports/${reportId}/issue`).set('Authorization', await as('clerk')).send({ version: r.version }).expect(200)).body;
    expect(issued).toMatchObject({ state: 'issued', revision: again.revision, documentNumber: '01', numberLine: 'Số: 01/BC-UBND', documentDate: '2024-06-03', replacedReportId: null });
    // dated by the injected clock: the real one would print today's date
    expect(issued.placeDate).toBe('Lạng Sơn, ngày 03 tháng 6 năm 2024');
    expect((await http().post(`/api/reports/${reportId}/issue`).set('Authorization', await as('clerk')).send({ version: issued.version })).body.code).toBe('REPORT_NOT_SIGNED');

    // the issued PDF as the signer downloads it: the very file recorded (its SHA-256 in the list, in the download's
    // header, on the issue action and in Postgres), the signed file byte for byte plus one update with two signatures
    const download = await file(again.revision, 'pdf', 'signer');
    const issuedPdf = download.body as Buffer;
    expect(download.headers['content-type']).toBe('application/pdf');
    const sha256 = createHash('sha256').update(issuedPdf).digest('hex');
    r = await report();
    const pdfFile = r.revisions.find((x: { number: number }) => x.number === again.revision).files.find((f: { format: string }) => f.format === 'pdf');
    const [stored] = await ds.query(
      `SELECT f.sha256, f.size FROM report_files f JOIN report_revisions rv ON rv.id = f.revision_id WHERE rv.report_id = $1 AND rv.number = $2 AND f.format = 'pdf'`,
      [reportId, again.revision],
    );
    expect({ list: pdfFile.sha256, header: download.headers['x-content-sha256'], stored: stored.sha256, action: issued.sha256, size: Number(stored.size), renderedAs: pdfFile.renderedAs })
      .toEqual({ list: sha256, header: sha256, stored: sha256, action: sha256, size: issuedPdf.length, renderedAs: 'issued' });
    expect(r.actions.find((a: { action: string }) => a.action === 'issue').sha256).toBe(sha256);
    expect(issuedPdf.subarray(0, signedPdf.length).equals(signedPdf)).toBe(true);

    // the annex of its figures beside it, rendered again with the number once issued, with the same discipline:
    // recorded SHA-256, sent in the header; every printed figure of the revision with its code, exact value, unit of measure and source
    const files = await waitFor(async () => {
      const rev = (await report()).revisions.find((x: { number: number }) => x.number === again.revision);
      return rev.files.length === 4 && rev.files.every((f: { renderedAs: string }) => f.renderedAs === 'issued') ? rev.files : null;
    }, 90_000, 'the issued DOCX and annex');
    const [{ figures: packed }] = await ds.query(`SELECT figures FROM report_revisions WHERE report_id = $1 AND number = $2`, [reportId, again.revision]);
    const printed = unpackFigures(packed);
    for (const format of ['json', 'csv']) {
      const annex = await file(again.revision, format, 'signer');
      const hash = createHash('sha256').update(annex.body as Buffer).digest('hex');
      expect({ list: files.find((f: { format: string }) => f.format === format).sha256, header: annex.headers['x-content-sha256'] }).toEqual({ list: hash, header: hash });
      if (format === 'csv') expect((annex.body as Buffer).toString('utf8').trim().split('\r\n')).toHaveLength(printed.length + 1);
      else {
        const doc = JSON.parse((annex.body as Buffer).toString('utf8'));
        expect(doc.report).toMatchObject({ renderedAs: 'issued', documentNumber: '01', documentDate: '2024-06-03', period: { year: 2024, number: 5 } });
        expect(doc.figures).toHaveLength(printed.length);
        expect(doc.figures).toContainEqual(expect.objectContaining({
          indicatorCode: 'new_forest_planted', field: 'value', value: '710.83', unitOfMeasure: 'ha', indicatorName: 'Trồng rừng mới', source: expect.objectContaining({ unitCode: 'SNN' }),
        }));
      }
    }

    // poppler: two valid signatures, the signers' names, the last one over the whole document
    const out = pdfsig(issuedPdf, 'report-signed.pdf');
    expect(out.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect(out).toContain('Signer Certificate Common Name: Dương Xuân Huyền');
    expect(out).toContain('Signer Certificate Common Name: UBND TỈNH LẠNG SƠN');
    expect(out.match(/Signature Type: ETSI\.CAdES\.detached/g)).toHaveLength(2);
    expect(out.split('Signature #2')[1]).toContain('Total document signed');
    const text2 = pdfText(issuedPdf);
    for (const s of ['ỦY BAN NHÂN DÂN', 'TỈNH LẠNG SƠN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO',
      'Tình hình kinh tế - xã hội tháng 5 và 5 tháng đầu năm,', 'nhiệm vụ trọng tâm tháng 6 năm 2024',
      'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Dương Xuân Huyền', 'Nơi nhận:', 'Đánh giá chung:', ...OUTLINE]) {
      expect(text2).toContain(s);
    }
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(OUTPUT, 'report-signed.pdf'), join(OUTPUT, 'report-page-1')]);

    // the verify routes: this report's file, and the file dropped by anyone signed in
    const verified = (await http().get(`/api/reports/${reportId}/verify`).set('Authorization', await as('clerk')).expect(200)).body;
    expect(verified).toMatchObject({ sha256, issuedHere: true, intact: true, document: { reportId, documentNumber: '01', numberLine: 'Số: 01/BC-UBND', documentDate: '2024-06-03', state: 'issued' } });
    expect(verified.signatures).toEqual([
      expect.objectContaining({ commonName: 'Dương Xuân Huyền', intact: true, trusted: true, coversWholeDocument: false }),
      expect.objectContaining({ commonName: 'UBND TỈNH LẠNG SƠN', intact: true, trusted: true, coversWholeDocument: true }),
    ]);
    const dropped = (await http().post('/api/documents/verify').set('Authorization', await as('officer-snn')).set('Content-Type', 'application/pdf').send(issuedPdf).expect(200)).body;
    expect(dropped).toMatchObject({ issuedHere: true, intact: true, document: { numberLine: 'Số: 01/BC-UBND' } });
    expect(dropped.summary).toContain('Văn bản do hệ thống phát hành: Số: 01/BC-UBND ngày 03/06/2024, còn nguyên vẹn');
    // one byte altered inside what both signatures cover: neither poppler nor the route accepts it
    const altered = Buffer.from(issuedPdf);
    altered[Math.floor(signedPdf.indexOf('stream') + 40)] ^= 0x01;
    const alteredOut = pdfsig(altered, 'report-altered.pdf');
    expect(alteredOut).not.toContain('Signature is Valid');
    const rejected = (await http().post('/api/documents/verify').set('Authorization', await as('officer-snn')).set('Content-Type', 'application/pdf').send(altered).expect(200)).body;
    expect(rejected).toMatchObject({ issuedHere: false, intact: false });
    expect(rejected.signatures.map((c: { intact: boolean }) => c.intact)).toEqual([false, false]);
    expect(rejected.summary).toContain('Tệp đã bị sửa đổi sau khi ký');
    expect((await http().post('/api/documents/verify').set('Authorization', await as('officer-snn')).set('Content-Type', 'application/pdf').send(Buffer.from('not a pdf'))).body.code).toBe('PDF_REQUIRED');

    r = await report();
    expect(r).toMatchObject({ state: 'issued', documentNumber: '01', documentDate: '2024-06-03' });
    expect(new Date(r.signedAt).getTime() - SIGNING_DAY.getTime()).toBeGreaterThanOrEqual(0);
    expect(new Date(r.signedAt).getTime() - SIGNING_DAY.getTime()).toBeLessThan(3_600_000);
    expect(r.actions.map((a: { action: string }) => a.action)).toEqual(['send', 'return', 'send', 'sign', 'issue']);
    expect(r.actions[1].comment).toBe('Đề nghị bổ sung đánh giá về sâu bệnh.');
    // distributed to "Nơi nhận": every user's inbox, the units' officers included
    expect((await inboxHas('officer-snn', 'report.issued')).title).toBe('Phát hành: Số: 01/BC-UBND ngày 03/06/2024 — báo cáo tổng hợp tháng 5 năm 2024');
    expect((await put(r.version, edited).expect(409)).body.code).toBe('REPORT_LOCKED');
    // the issued DOCX follows, with its number
    await waitFor(async () => {
      const rev = (await report()).revisions.find((x: { number: number }) => x.number === again.revision);
      return rev.files.find((f: { format: string; renderedAs: string }) => f.format === 'docx' && f.renderedAs === 'issued') ?? null;
    }, 60_000, 'the issued DOCX');
    expect(xmlParagraphs(zipEntry((await file(again.revision, 'docx')).body as Buffer, 'word/document.xml')!).join('\n')).toContain('Số: 01/BC-UBND');
    // four renderings wait on LibreOffice in turn (two edits, the sent one, the signed one): ~20 s each on 2 busy cores
  }, 240_000);

  it('a correction after issue starts a replacement that names the issued report and why; the issued one stays in force', async () => {
    const reviewer = await as('reviewer');
    [s] = await ds.query(`SELECT s.id, s.version FROM submissions s JOIN reporting_units u ON u.id = s.unit_id WHERE u.code = 'STC' AND s.period_id = $1`, [month.periodId]);
    let r = await report();
    const correct = (body: object, user = reviewer) => http().post(`/api/reports/${reportId}/corrections`).set('Authorization', user).send(body);
    expect((await correct({ version: r.version, submissionIds: [s.id] }).expect(400)).body.code).toBe('CORRECTION_REASON_REQUIRED');
    expect((await correct({ version: r.version, reason: 'x' }).expect(400)).body.code).toBe('CORRECTION_SUBMISSIONS_REQUIRED');
    expect((await correct({ version: r.version, reason: 'x', submissionIds: [s.id] }, await as('signer'))).status).toBe(403);
    await correct({ version: r.version, reason, submissionIds: [s.id] }).expect(200);
    // the issued report stays in force while its replacement is worked on
    r = await report();
    expect(r.state).toBe('issued');
    expect(r.actions.map((a: { action: string }) => a.action).slice(-1)).toEqual(['correct']);
    list = () => http().get(`/api/reports?periodId=${month.periodId}`).set('Authorization', reviewer).then((x) => x.body as ReportRow[]);
    next = await waitFor(async () => (await list()).find((x) => x.id !== reportId && x.revisions.length > 0) ?? null, 60_000, 'the replacement draft');
    expect(next).toMatchObject({ state: 'drafting', correctsReportId: reportId, correctionReason: reason });
    expect(next.revisions[0].missingUnits).toEqual(['STC']);
    const draft = (await http().get(`/api/reports/${next.id}`).set('Authorization', reviewer).expect(200)).body;
    expect(draft.current.header.replaces).toEqual({ number: '01', numberSuffix: 'BC-UBND', date: '2024-06-03', reason });
  }, 120_000);

  it('consolidates a trigger once, however often it runs, together or one after the other', async () => {
    const service = new ConsolidationService(ds);
    const job = { periodId: month.periodId, trigger: `request:${randomUUID()}`, actorId: null };
    const together = await Promise.all([service.consolidate(job), service.consolidate(job)]);
    const after = await service.consolidate(job);
    expect(together.filter((o) => 'revision' in o)).toHaveLength(1);
    expect(after).toEqual({ skipped: expect.stringMatching(/already gave revision/) });
    expect(await revisionsOf(job.trigger)).toBe(1);
  });

  it('rolls a draft back when its report is sent for signature while the draft is composed', async () => {
    // the test holds the drafting report's row, as a sending transaction would: the consolidation composes its draft,
    // then waits on its own UPDATE of that row; the report is sent (its state changed) and the hold released
    const [{ id: drafting }] = await ds.query(`SELECT id FROM reports WHERE period_id = $1 AND state = 'drafting'`, [month.periodId]);
    const hold = ds.createQueryRunner();
    await hold.connect();
    await hold.startTransaction();
    try {
      await hold.query(`SELECT id FROM reports WHERE id = $1 FOR NO KEY UPDATE`, [drafting]);
      const job = { periodId: month.periodId, trigger: `request:${randomUUID()}`, actorId: null };
      const outcome = new ConsolidationService(ds).consolidate(job);
      await waitFor(async () => {
        const [{ n }] = await ds.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE reports SET version = version + 1%'`,
        );
        return n > 0 || null;
      }, 60_000, 'the consolidation waiting on the report row');
      await hold.query(`UPDATE reports SET state = 'awaiting_signature' WHERE id = $1`, [drafting]);
      await hold.commitTransaction();
      expect(await outcome).toEqual({ skipped: expect.stringMatching(/left drafting/) });
      expect(await revisionsOf(job.trigger)).toBe(0);
    } finally {
      if (hold.isTransactionActive) await hold.rollbackTransaction();
      await hold.release();
      await ds.query(`UPDATE reports SET state = 'drafting' WHERE id = $1`, [drafting]); // as it was, for the tests after
    }
  });

  it('a worker killed mid-consolidation leaves no revision; the job, picked up again, leaves exactly one', async () => {
    // The test holds the period's current report row (FOR NO KEY UPDATE, which the revision's foreign key check
    // does not wait for): the consolidation writes its revision, then waits on its own UPDATE of that row, inside
    // its open transaction. The worker is killed there, mid-job every time, without timing guesses.
    const hold = ds.createQueryRunner();
    await hold.connect();
    await hold.startTransaction();
    let stalled: number | undefined;
    let trigger = '';
    try {
      const [{ pid }] = await hold.query(`SELECT pg_backend_pid() AS pid`);
      await hold.query(`SELECT id FROM reports WHERE period_id = $1 ORDER BY created_at DESC LIMIT 1 FOR NO KEY UPDATE`, [month.periodId]);
      const { requestId } = (await http().post('/api/reports/consolidate').set('Authorization', await as('reviewer')).send({ periodId: month.periodId }).expect(202)).body;
      trigger = `request:${requestId}`;
      // a transaction that has written (it has an xid) and waits for the row the test holds: the worker's, at its commit
      stalled = await waitFor(async () => {
        const rows: Array<{ pid: number }> = await ds.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL AND $1 = ANY(pg_blocking_pids(pid))`,
          [pid],
        );
        return rows[0]?.pid;
      }, 60_000, 'the consolidation to write its revision and wait on the report row');
      await worker.kill();
      expect(await revisionsOf(trigger)).toBe(0);
    } finally {
      await hold.rollbackTransaction();
      await hold.release();
    }
    // its Postgres session, let go, finds its client gone and rolls back: still no revision
    await waitFor(async () => (await ds.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [stalled])).length === 0, 30_000, 'the killed worker’s session to end');
    expect(await revisionsOf(trigger)).toBe(0);
    worker = startWorkerProcess(workerEnv(), FAST_LOCKS);
    await waitFor(async () => (await revisionsOf(trigger)) > 0, 60_000, 'the stalled job to run again');
    const q = new Queue(QUEUES.consolidation, { connection: redisOptions(REDIS_URL), prefix });
    const job = await q.getJob(jobIds.consolidation(month.periodId, trigger));
    await waitFor(async () => (await job!.getState()) === 'completed', 30_000, 'the job to complete');
    await q.close();
    expect(await revisionsOf(trigger)).toBe(1);
  });

  it('authorizes each route by role: office edits and sends, signer signs or returns, officers see nothing', async () => {
    const routes: Array<[string, string, object | undefined, string[]]> = [
      ['get', `/api/reports?periodId=${month.periodId}`, undefined, ['reviewer', 'signer', 'clerk', 'admin']],
      ['get', `/api/reports/${reportId}`, undefined, ['reviewer', 'signer', 'clerk', 'admin']],
      ['get', `/api/reports/${reportId}/revisions/1/document.html`, undefined, ['reviewer', 'signer', 'clerk', 'admin']],
      ['put', `/api/reports/${reportId}/sections/II.1.1`, { version: 0, text: 'x' }, ['reviewer']],
      ['post', `/api/reports/${reportId}/send`, { version: 0 }, ['reviewer']],
      ['post', `/api/reports/${reportId}/return`, { version: 0, comment: 'x' }, ['signer']],
      ['post', `/api/reports/${reportId}/sign`, { version: 0 }, ['signer']],
      ['post', `/api/reports/${reportId}/issue`, { version: 0 }, ['clerk']],
      ['post', `/api/reports/${reportId}/corrections`, { version: 0, reason: 'x', submissionIds: [randomUUID()] }, ['reviewer']],
      ['get', `/api/reports/${reportId}/verify`, undefined, ['reviewer', 'signer', 'clerk', 'admin']],
      ['post', '/api/reports/consolidate', { periodId: month.periodId }, ['reviewer']],
    ];
    const wrong: string[] = [];
    for (const [method, url, body, allowed] of routes) {
      for (const user of ['officer-snn', 'reviewer', 'signer', 'clerk', 'admin']) {
        const req = (http() as unknown as Record<string, (u: string) => request.Test>)[method](url).set('Authorization', await as(user));
        const res = await (body ? req.send(body) : req);
        const denied = res.status === 403;
        if (denied === allowed.includes(user) || res.status >= 500) wrong.push(`${method} ${url} as ${user}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect((await http().get(`/api/reports/${reportId}`)).status).toBe(401);
  });


  // last: once the replacement is issued, the period has no report in progress left for the tests above
  it('the replacement, issued, replaces the issued report: its document names the replaced number and date', async () => {
    const reviewer = await as('reviewer');
    let r = await report();
    // the unit resubmits, the office approves: the replacement is complete, sent, signed and issued as "Số: 02"
    const officer = await as('officer-stc');
    const [{ version: sv }] = await ds.query(`SELECT version FROM submissions WHERE id = $1`, [s.id]);
    const resubmitted = (await http().post(`/api/submissions/${s.id}/submit`).set('Authorization', officer).send({ version: sv }).expect(200)).body;
    await http().post(`/api/submissions/${s.id}/approve`).set('Authorization', reviewer).send({ version: resubmitted.version }).expect(200);
    next = await waitFor(async () => {
      const x = (await list()).find((y) => y.id === next.id)!;
      return x.revisions.some((v) => v.missingUnits.length === 0) ? x : null;
    }, 60_000, 'the complete replacement');
    // the tests above consolidated this period too (a request, a killed worker's job): a draft of theirs may still
    // be landing, so the office does what the screen does on 409 VERSION_CONFLICT — reads the report again and sends
    let sending!: request.Response;
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = (await http().get(`/api/reports/${next.id}`).set('Authorization', reviewer).expect(200)).body;
      sending = await http().post(`/api/reports/${next.id}/send`).set('Authorization', reviewer).send({ version: current.version });
      if (sending.status !== 409) break;
    }
    expect({ status: sending.status, body: sending.status === 200 ? null : sending.body }).toEqual({ status: 200, body: null });
    const sent = sending.body;
    const signed = (await http().post(`/api/reports/${next.id}/sign`).set('Authorization', await as('signer')).send({ version: sent.version }).expect(200)).body;
    await waitFor(async () => {
      const x = (await http().get(`/api/reports/${next.id}`).set('Authorization', reviewer)).body;
      return x.revisions.find((v: { number: number }) => v.number === signed.revision).files.some((f: { format: string; renderedAs: string }) => f.format === 'pdf' && f.renderedAs === 'signed') || null;
    }, 300_000, 'the replacement’s signed PDF').catch((e) => {
      throw new Error(`${(e as Error).message}\n--- worker ---\n${worker.output().slice(-4000)}`);
    });
    expect((await report()).state).toBe('issued'); // signed is not enough
    const issued = (await http().post(`/api/reports/${next.id}/issue`).set('Authorization', await as('clerk')).send({ version: signed.version }).expect(200)).body;
    expect(issued).toMatchObject({ documentNumber: '02', numberLine: 'Số: 02/BC-UBND', replacedReportId: reportId });
    r = await report();
    expect(r).toMatchObject({ state: 'replaced', replacedByReportId: next.id });
    expect(r.actions.map((a: { action: string }) => a.action).slice(-1)).toEqual(['replace']);

    // the replacement's document says it, in its text
    const res = await http().get(`/api/reports/${next.id}/revisions/${signed.revision}/document.pdf`).set('Authorization', reviewer).buffer(true).parse((x, cb) => {
      const chunks: Buffer[] = [];
      x.on('data', (c: Buffer) => chunks.push(c));
      x.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdfText(res.body as Buffer)).toContain(`Báo cáo này thay thế Báo cáo số 01/BC-UBND ngày 03/6/2024 của Ủy ban nhân dân tỉnh Lạng Sơn. Lý do: ${reason}`);
    expect(pdfsig(res.body as Buffer, 'report-replacement.pdf').match(/Signature is Valid/g)).toHaveLength(2);
    // the replaced file, verified again, says so
    const old = (await http().get(`/api/reports/${reportId}/verify`).set('Authorization', reviewer).expect(200)).body;
    expect(old).toMatchObject({ issuedHere: true, intact: true, document: { state: 'replaced', replacedByReportId: next.id } });
    expect(old.summary).toContain('đã bị thay thế');
  }, 600_000);
});

/** poppler's pdfsig on a PDF written to test/output/ (for a person to look at too) */
function pdfsig(pdf: Buffer, name: string): string {
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(join(OUTPUT, name), pdf);
  try {
    return execFileSync('pdfsig', [join(OUTPUT, name)], { encoding: 'utf8' });
  } catch (e) {
    // pdfsig exits non-zero when a signature does not verify; what it printed is the answer
    return String((e as { stdout?: string }).stdout ?? '');
  }
}

function pdfText(pdf: Buffer): string {
  mkdirSync(OUTPUT, { recursive: true });
  const path = join(OUTPUT, 'report-text.pdf');
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Sections of the golden comparison (II.1.1–II.1.6), from the form's sections. */
const SECTION_OF: Record<string, string> = Object.fromEntries(
  (require('../../config/forms/ktxh-monthly.v1.json') as { sections: Array<{ reportSection: string; indicators: Array<{ code: string }> }> }).sections
    .filter((s) => /^II\.1\.[1-6]$/.test(s.reportSection))
    .flatMap((s) => s.indicators.map((i) => [i.code, s.reportSection])),
);
