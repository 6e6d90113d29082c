import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiClient } from './api-client';

interface ReportView {
  id: string;
  state: string;
  version: number;
  revisions: Array<{ number: number; state: string; files: Array<{ format: string; sha256: string; renderedAs: string }> }>;
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
 * edits again and resends; the vice-chairman signs. The issued DOCX and PDF are written to disk.
 */
export async function playSignOff(baseUrl: string, password: string, periodId: string, log: (m: string) => void): Promise<{ docx: string; pdf: string }> {
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
  const signed = await api.call<{ revision: number; numberLine: string; placeDate: string }>(signer, 'POST', `/reports/${report.id}/sign`, { version: sent.version });
  log(`Văn phòng bổ sung và trình lại; Phó Chủ tịch ký ban hành — ${signed.numberLine}, ${signed.placeDate}.`);

  await poll('bản DOCX/PDF đã ký và phụ lục số liệu', async () => {
    const rev = (await get()).revisions.find((r) => r.number === signed.revision);
    return rev && rev.files.length >= 4 && rev.files.every((f) => f.renderedAs === 'issued') ? rev : null;
  });
  const dir = resolve(process.cwd(), '.data', 'reports');
  mkdirSync(dir, { recursive: true });
  const out: Record<string, string> = {};
  for (const format of ['docx', 'pdf', 'json', 'csv'] as const) {
    const res = await fetch(`${baseUrl}/reports/${report.id}/revisions/${signed.revision}/document.${format}`, {
      headers: { authorization: `Bearer ${signer}` },
    });
    if (!res.ok) throw new Error(`Không tải được bản ${format}: ${res.status}`);
    out[format] = join(dir, `${format === 'json' || format === 'csv' ? 'phu-luc-so-lieu' : 'bao-cao-kt-xh'}-thang-5-2024.${format}`);
    writeFileSync(out[format], Buffer.from(await res.arrayBuffer()));
  }
  log(`Báo cáo đã ký: ${out.docx}\n                ${out.pdf}\nPhụ lục số liệu: ${out.json}\n                ${out.csv}`);
  return { docx: out.docx, pdf: out.pdf };
}
