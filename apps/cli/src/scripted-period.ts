import type { PeriodView } from '@app/contracts';
import { formatVnDate, PeriodType } from '@app/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from './api-client';

/** What the units type in the demo's longer periods (config/demo/periods-2024.json). */
export interface DemoPeriodsFile {
  year: number;
  periods: Array<{ type: PeriodType; number: number; submissions: Array<{ unit: string; values: Array<{ indicatorCode: string; value: number | string | null }> }> }>;
}

export function readDemoPeriods(configDir: string): DemoPeriodsFile {
  return JSON.parse(readFileSync(join(configDir, 'demo', 'periods-2024.json'), 'utf8')) as DemoPeriodsFile;
}

type Row = { id: string; unitCode: string; version: number; state: string };

/**
 * A longer period over the real HTTP API: the administrator opens it, the units of its own form
 * (the statistics office's GRDP, the office's and the planning department's paragraphs) fill what
 * the demo data says and submit, and the office approves them. Its figures from the months need no
 * typing: consolidation takes them from the approved months.
 */
export async function playScriptedPeriod(
  baseUrl: string,
  password: string,
  configDir: string,
  period: { type: Exclude<PeriodType, 'month'>; year: number; number: number },
  log: (line: string) => void = () => undefined,
): Promise<{ periodId: string; label: string; name: string; units: number }> {
  const api = new ApiClient(baseUrl);
  const admin = await api.login('admin', password);
  const opened = await api.call<PeriodView>(admin, 'POST', '/periods', period);
  log(`Mở kỳ báo cáo ${opened.label} (chốt số liệu ${formatVnDate(opened.cutoffFrom)} – ${formatVnDate(opened.cutoffTo)}) — hạn nộp ${formatVnDate(opened.deadline)}.`);
  const reviewer = await api.login('reviewer', password);
  const rows = await api.call<Row[]>(reviewer, 'GET', `/submissions?periodId=${opened.id}`);
  const typed = readDemoPeriods(configDir).periods.find((p) => p.type === period.type && p.number === period.number && period.year === 2024);
  for (const s of rows) {
    const officer = await api.login(`officer-${s.unitCode.toLowerCase()}`, password);
    const values = typed?.submissions.find((x) => x.unit === s.unitCode)?.values ?? [];
    const current = await api.call<{ version: number }>(officer, 'GET', `/submissions/${s.id}`);
    const saved = values.length ? await api.call<{ version: number }>(officer, 'PUT', `/submissions/${s.id}/values`, { version: current.version, values }) : current;
    await api.call(officer, 'POST', `/submissions/${s.id}/submit`, { version: saved.version });
  }
  log(`${rows.length} đơn vị (${rows.map((r) => r.unitCode).join(', ')}) nhập số liệu riêng của kỳ và gửi báo cáo.`);
  for (const s of await api.call<Row[]>(reviewer, 'GET', `/submissions?periodId=${opened.id}`)) {
    await api.call(reviewer, 'POST', `/submissions/${s.id}/approve`, { version: s.version });
  }
  log(`Văn phòng đã duyệt ${rows.length}/${rows.length} báo cáo của kỳ ${opened.name}.`);
  return { periodId: opened.id, label: opened.label, name: opened.name, units: rows.length };
}
