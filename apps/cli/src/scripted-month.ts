import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from './api-client';
import { CONFIG_DIR } from './commands';

export interface MayFile {
  year: number;
  month: number;
  submissions: Array<{ unit: string; values: Array<{ indicatorCode: string; value: number | string | null; note?: string | null }> }>;
}

export function readDemoMonth(): MayFile {
  return JSON.parse(readFileSync(join(CONFIG_DIR, 'demo', 'may-2024.json'), 'utf8')) as MayFile;
}

/** The unit whose first submission the office returns: its officer typed one figure a digit short. */
export const RETURNED_UNIT = 'SNN';

export interface ScriptedMonthResult {
  periodId: string;
  label: string;
  deadline: string;
  units: number;
  returned: { unitCode: string; submissionId: string; indicatorCode: string; comment: string } | null;
  approved: number;
}

/**
 * One month over the real HTTP API, as the people do it: the administrator opens the period,
 * every unit fills its form and submits, the office returns one submission with a comment on
 * one figure, its officer fixes and resubmits, and the office approves them all.
 */
export async function playScriptedMonth(
  baseUrl: string,
  password: string,
  log: (line: string) => void = () => undefined,
): Promise<ScriptedMonthResult> {
  const api = new ApiClient(baseUrl);
  const month = readDemoMonth();
  const admin = await api.login('admin', password);
  const period = await api.call<{ id: string; label: string; deadline: string }>(admin, 'POST', '/periods', {
    type: 'month',
    year: month.year,
    number: month.month,
  });
  log(`Mở kỳ báo cáo ${period.label} — hạn nộp ${period.deadline}.`);

  const reviewer = await api.login('reviewer', password);
  const all = await api.call<Array<{ id: string; unitCode: string; version: number }>>(
    reviewer, 'GET', `/submissions?periodId=${period.id}`,
  );
  const typed = new Map(month.submissions.map((s) => [s.unit, s.values]));
  let slip: { indicatorCode: string; right: number | string | null } | null = null;

  for (const s of all) {
    const officer = await api.login(`officer-${s.unitCode.toLowerCase()}`, password);
    let values = typed.get(s.unitCode) ?? [];
    if (s.unitCode === RETURNED_UNIT) {
      // a figure that is neither a "trong đó" part nor a total, so the slip passes the form's rules
      const form = await api.call<{ values: Array<{ indicatorCode: string; parentCode: string | null }> }>(officer, 'GET', `/submissions/${s.id}`);
      const parents = new Set(form.values.map((v) => v.parentCode).filter(Boolean));
      const standalone = new Set(form.values.filter((v) => !v.parentCode && !parents.has(v.indicatorCode)).map((v) => v.indicatorCode));
      const first = values.find(
        (v) => standalone.has(v.indicatorCode) && typeof v.value === 'number' && v.value >= 100 && Number.isInteger(v.value),
      );
      if (first) {
        slip = { indicatorCode: first.indicatorCode, right: first.value };
        values = values.map((v) => (v === first ? { ...v, value: Math.round(Number(v.value) / 10) } : v));
      }
    }
    const saved = await api.call<{ version: number }>(officer, 'PUT', `/submissions/${s.id}/values`, { version: s.version, values });
    await api.call(officer, 'POST', `/submissions/${s.id}/submit`, { version: saved.version });
  }
  log(`${all.length} đơn vị đã nhập số liệu và gửi báo cáo.`);

  let returned: ScriptedMonthResult['returned'] = null;
  const target = all.find((s) => s.unitCode === RETURNED_UNIT);
  if (target && slip) {
    const current = await api.call<{ version: number }>(reviewer, 'GET', `/submissions/${target.id}`);
    const comment = 'Số liệu thấp bất thường so với cùng kỳ, đề nghị kiểm tra lại.';
    const back = await api.call<{ version: number }>(reviewer, 'POST', `/submissions/${target.id}/return`, {
      version: current.version,
      reason: 'Đề nghị rà soát lại số liệu trước khi tổng hợp.',
      comments: [{ indicatorCode: slip.indicatorCode, text: comment }],
    });
    log(`Văn phòng trả lại báo cáo của ${RETURNED_UNIT}, ý kiến ở chỉ tiêu ${slip.indicatorCode}: "${comment}"`);
    const officer = await api.login(`officer-${RETURNED_UNIT.toLowerCase()}`, password);
    const fixed = await api.call<{ version: number }>(officer, 'PUT', `/submissions/${target.id}/values`, {
      version: back.version,
      values: [{ indicatorCode: slip.indicatorCode, value: slip.right }],
    });
    await api.call(officer, 'POST', `/submissions/${target.id}/submit`, { version: fixed.version });
    log(`${RETURNED_UNIT} đã sửa số liệu và gửi lại.`);
    returned = { unitCode: RETURNED_UNIT, submissionId: target.id, indicatorCode: slip.indicatorCode, comment };
  }

  const pending = await api.call<Array<{ id: string; version: number; state: string }>>(
    reviewer, 'GET', `/submissions?periodId=${period.id}`,
  );
  for (const s of pending.filter((p) => p.state === 'submitted')) {
    await api.call(reviewer, 'POST', `/submissions/${s.id}/approve`, { version: s.version });
  }
  const summary = await api.call<{ submissions: { approved: number; total: number } }>(reviewer, 'GET', `/periods/${period.id}`);
  log(`Văn phòng đã duyệt ${summary.submissions.approved}/${summary.submissions.total} báo cáo.`);
  return {
    periodId: period.id,
    label: period.label,
    deadline: period.deadline,
    units: all.length,
    returned,
    approved: summary.submissions.approved,
  };
}
