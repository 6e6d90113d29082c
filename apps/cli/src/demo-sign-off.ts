import type { AppConfig } from '@app/config';
import { LIBREOFFICE_INSTALL } from '@app/domain';
import { LANG_SON_DEMO_PKI, writeDemoPki } from '@app/signing';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiClient } from './api-client';

/**
 * The demo's signing keys: SIGNING_KEYS_FILE when it is set, else a throw-away test CA and
 * certificates made afresh under .data/demo-pki/ ("UBND TỈNH LẠNG SƠN", "Dương Xuân Huyền") —
 * for the demo only, as its README.txt and the log say.
 */
export function prepareDemoSigning(env: AppConfig, log: (m: string) => void): AppConfig {
  if (env.SIGNING_KEYS_FILE) {
    log(`Khóa ký số: ${env.SIGNING_KEYS_FILE}.`);
    return env;
  }
  const dir = resolve(process.cwd(), '.data', 'demo-pki');
  rmSync(dir, { recursive: true, force: true });
  const file = writeDemoPki(dir, LANG_SON_DEMO_PKI);
  log(`Khóa ký số: CA thử nghiệm và chứng thư CHỈ DÙNG CHO DEMO (không có giá trị pháp lý) tạo mới tại ${dir}.`);
  return Object.freeze({ ...env, SIGNING_KEYS_FILE: file });
}

interface ReportView {
  id: string;
  state: string;
  version: number;
  revisions: Array<{ number: number; state: string; files: Array<{ format: string; renderedAs: string; state: 'ready' | 'awaiting_libreoffice' }> }>;
  current: { sections: Array<{ id: string; text: string }> };
}

async function poll<T>(what: string, check: () => Promise<T | null>, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Hết thời gian chờ: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The end of the month: the worker has consolidated the approved submissions into a draft; the
 * office edits a paragraph and sends it; the vice-chairman returns it with a comment; the office
 * edits again and resends; the vice-chairman signs (the worker applies his digital signature); the
 * records office issues it (number, date, the body's signature). The issued DOCX and PDF are
 * written to disk, and poppler's pdfsig, when installed, shows the two signatures. Without
 * LibreOffice on the machine the signed PDF waits for it (pdf: null): the demo writes the DOCX,
 * says how to get LibreOffice, and the records office's step waits for the PDF.
 */
export async function playSignOff(baseUrl: string, password: string, periodId: string, log: (m: string) => void): Promise<{ docx: string; pdf: string | null }> {
  const api = new ApiClient(baseUrl);
  const reviewer = await api.login('reviewer', password);
  const signer = await api.login('signer', password);
  const list = await poll('bản dự thảo báo cáo tổng hợp', async () => {
    const reports = await api.call<Array<{ id: string; revisions: unknown[] }>>(reviewer, 'GET', `/reports?periodId=${periodId}`);
    return reports.find((r) => r.revisions.length > 0) ?? null;
  });
  const get = () => api.call<ReportView>(reviewer, 'GET', `/reports/${list.id}`);
  let report = await get();
  log(`\nWorker đã tổng hợp bản dự thảo số ${report.revisions.length} của báo cáo tổng hợp từ các báo cáo đã duyệt.`);

  const section = (r: ReportView) => r.current.sections.find((s) => s.id === 'II.1.1')!;
  const edited = section(report).text.replace('Kiểm soát tốt dịch bệnh', 'Kiểm soát tốt tình hình dịch bệnh');
  let saved = await api.call<{ version: number }>(reviewer, 'PUT', `/reports/${report.id}/sections/II.1.1`, { version: report.version, text: edited });
  let sent = await api.call<{ version: number }>(reviewer, 'POST', `/reports/${report.id}/send`, { version: saved.version });
  log('Văn phòng sửa một đoạn của mục 1.1 và trình ký.');
  const comment = 'Đề nghị bổ sung nội dung theo dõi sâu bệnh trên cây trồng.';
  const back = await api.call<{ version: number }>(signer, 'POST', `/reports/${report.id}/return`, { version: sent.version, comment });
  log(`Phó Chủ tịch trả lại: "${comment}"`);
  report = await get();
  saved = await api.call<{ version: number }>(reviewer, 'PUT', `/reports/${report.id}/sections/II.1.1`, {
    version: back.version,
    text: `${section(report).text} Theo dõi chặt chẽ tình hình sâu bệnh, chủ động phòng trừ kịp thời.`,
  });
  sent = await api.call<{ version: number }>(reviewer, 'POST', `/reports/${report.id}/send`, { version: saved.version });
  const signed = await api.call<{ revision: number; version: number }>(signer, 'POST', `/reports/${report.id}/sign`, { version: sent.version });
  log('Văn phòng bổ sung và trình lại; Phó Chủ tịch ký số — báo cáo "đã ký, chờ phát hành".');
  return issueAndDownload(api, baseUrl, { reportId: report.id, revision: signed.revision, version: signed.version }, password, 'bao-cao-kt-xh-thang-5-2024', log);
}

/**
 * After the signature: waits for the worker's signed PDF, has the records office issue it (number,
 * date, the body's signature) and writes the issued PDF and DOCX to .data/reports/. Without
 * LibreOffice the signed PDF waits for it: the DOCX is written, the way to get LibreOffice said, and
 * the issue waits (pdf: null).
 */
async function issueAndDownload(
  api: ApiClient,
  baseUrl: string,
  signed: { reportId: string; revision: number; version: number },
  password: string,
  fileBase: string,
  log: (m: string) => void,
): Promise<{ docx: string; pdf: string | null; numberLine: string | null; placeDate: string | null }> {
  const reader = await api.login('signer', password);
  const revisionNow = async () => (await api.call<ReportView>(reader, 'GET', `/reports/${signed.reportId}`)).revisions.find((r) => r.number === signed.revision);
  const signedFiles = await poll('bản PDF có chữ ký số của người ký', async () => {
    const rev = await revisionNow();
    const pdf = rev?.files.find((f) => f.format === 'pdf');
    return pdf && (pdf.renderedAs === 'signed' || pdf.state === 'awaiting_libreoffice') ? rev! : null;
  });
  const dir = resolve(process.cwd(), '.data', 'reports');
  mkdirSync(dir, { recursive: true });
  const download = async (format: 'docx' | 'pdf' | 'json' | 'csv') => {
    const res = await fetch(`${baseUrl}/reports/${signed.reportId}/revisions/${signed.revision}/document.${format}`, { headers: { authorization: `Bearer ${reader}` } });
    if (!res.ok) throw new Error(`Không tải được bản ${format}: ${res.status}`);
    const file = join(dir, `${format === 'json' || format === 'csv' ? fileBase.replace('bao-cao-kt-xh', 'phu-luc-so-lieu') : fileBase}.${format}`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    return file;
  };
  if (signedFiles.files.some((f) => f.format === 'pdf' && f.state === 'awaiting_libreoffice')) {
    const docx = await download('docx');
    log(`Báo cáo đã ký: ${docx}`);
    log(
      `Bản PDF chờ LibreOffice (PDF waiting for LibreOffice): máy này chưa có LibreOffice. Cài bằng lệnh\n  ${LIBREOFFICE_INSTALL}\n` +
        'rồi chạy lại npm run demo (một worker khởi động khi đã có LibreOffice tạo bản PDF từ bản DOCX đã ký, có chữ ký số; văn thư phát hành sau đó).',
    );
    return { docx, pdf: null, numberLine: null, placeDate: null };
  }
  const clerk = await api.login('clerk', password);
  const issued = await api.call<{ numberLine: string; placeDate: string; sha256: string; version: number }>(clerk, 'POST', `/reports/${signed.reportId}/issue`, { version: signed.version });
  log(`Văn thư cấp số, ghi ngày, ký số của cơ quan và phát hành — ${issued.numberLine}, ${issued.placeDate}.`);
  log(`  SHA-256 của bản PDF phát hành (ghi cùng thao tác phát hành): ${issued.sha256}`);
  await poll('bản DOCX/PDF đã phát hành và phụ lục số liệu', async () => {
    const rev = await revisionNow();
    return rev && rev.files.length >= 4 && rev.files.every((f) => f.renderedAs === 'issued') ? rev : null;
  });
  const out = { docx: await download('docx'), pdf: await download('pdf') };
  const annex = { json: await download('json'), csv: await download('csv') };
  log(`Báo cáo đã phát hành: ${out.pdf} (văn bản điện tử có hai chữ ký số)\n                      ${out.docx} (bản DOCX không ký)`);
  log(`Phụ lục số liệu: ${annex.json}\n                 ${annex.csv}`);
  try {
    const sig = execFileSync('pdfsig', [out.pdf], { encoding: 'utf8' });
    const names = [...sig.matchAll(/Signer Certificate Common Name: (.*)/g)].map((m) => m[1]);
    const valid = (sig.match(/Signature is Valid/g) ?? []).length;
    log(`pdfsig: ${valid}/${names.length} chữ ký hợp lệ (${names.join('; ')}); CA thử nghiệm của demo không được máy này tin cậy, nên pdfsig ghi "issuer isn't Trusted".`);
  } catch {
    log('(cài poppler-utils để kiểm tra chữ ký bằng pdfsig)');
  }
  return { ...out, numberLine: issued.numberLine, placeDate: issued.placeDate };
}

/**
 * A later report of the demo year goes straight through: the worker's draft is sent and signed, the
 * records office issues it (the number follows the year's sequence), and the issued DOCX and PDF are
 * written to .data/reports/.
 */
export async function playQuickSignOff(
  baseUrl: string,
  password: string,
  periodId: string,
  fileBase: string,
  log: (m: string) => void,
): Promise<{ numberLine: string | null; placeDate: string | null; docx: string; pdf: string | null }> {
  const api = new ApiClient(baseUrl);
  const reviewer = await api.login('reviewer', password);
  const signer = await api.login('signer', password);
  const list = await poll('bản dự thảo báo cáo tổng hợp', async () => {
    const reports = await api.call<Array<{ id: string; revisions: unknown[] }>>(reviewer, 'GET', `/reports?periodId=${periodId}`);
    return reports.find((r) => r.revisions.length > 0) ?? null;
  });
  const report = await api.call<ReportView>(reviewer, 'GET', `/reports/${list.id}`);
  const sent = await api.call<{ version: number }>(reviewer, 'POST', `/reports/${report.id}/send`, { version: report.version });
  const signed = await api.call<{ revision: number; version: number }>(signer, 'POST', `/reports/${report.id}/sign`, { version: sent.version });
  log('Phó Chủ tịch ký số.');
  return issueAndDownload(api, baseUrl, { reportId: report.id, revision: signed.revision, version: signed.version }, password, fileBase, log);
}
