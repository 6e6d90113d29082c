import { formatVnDate } from '@app/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from './api-client';

export interface MayFile {
  year: number;
  month: number;
  submissions: Array<{ unit: string; values: Array<{ indicatorCode: string; value: number | string | null; note?: string | null }> }>;
}

/** What each unit types in a demo month: May 2024 (the reference), or a synthetic later month of 2024 (config/demo/2024-MM.json). */
export function readDemoMonth(configDir: string, month: { year: number; month: number } = { year: 2024, month: 5 }): MayFile {
  const file = month.year === 2024 && month.month === 5 ? 'may-2024.json' : `${month.year}-${String(month.month).padStart(2, '0')}.json`;
  return JSON.parse(readFileSync(join(configDir, 'demo', file), 'utf8')) as MayFile;
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

type Row = { id: string; unitCode: string; version: number; state: string };

/**
 * The steps of a month as the people take them, over the real HTTP API: the administrator opens
 * the period, each unit fills its form and submits, the office returns one submission with a
 * comment on one figure, its officer fixes and resubmits, and the office approves.
 */
export class MonthScript {
  readonly month: MayFile;
  period!: { id: string; label: string; deadline: string };
  submissions: Row[] = [];
  returned: ScriptedMonthResult['returned'] = null;
  private slip: { indicatorCode: string; right: number | string | null } | null = null;
  private readonly typed: Map<string, MayFile['submissions'][number]['values']>;
  private reviewer = '';

  constructor(
    readonly api: ApiClient,
    private readonly password: string,
    private readonly log: (line: string) => void,
    configDir: string,
    which?: { year: number; month: number },
    /** the slipped figure and the office's return: the demo's first month shows them, later months go straight */
    private readonly withReturn = true,
  ) {
    this.month = readDemoMonth(configDir, which);
    this.typed = new Map(this.month.submissions.map((s) => [s.unit, s.values]));
  }

  async openPeriod(): Promise<void> {
    const admin = await this.api.login('admin', this.password);
    this.period = await this.api.call(admin, 'POST', '/periods', { type: 'month', year: this.month.year, number: this.month.month });
    this.log(`Mở kỳ báo cáo ${this.period.label} — hạn nộp ${formatVnDate(this.period.deadline)}.`);
    this.reviewer = await this.api.login('reviewer', this.password);
    this.submissions = await this.api.call<Row[]>(this.reviewer, 'GET', `/submissions?periodId=${this.period.id}`);
  }

  /** One unit enters what it typed in the reference month and submits. */
  async fillAndSubmit(unitCode: string): Promise<void> {
    const s = this.row(unitCode);
    const officer = await this.api.login(`officer-${unitCode.toLowerCase()}`, this.password);
    let values = this.typed.get(unitCode) ?? [];
    if (unitCode === RETURNED_UNIT && this.withReturn) {
      // a figure that is neither a "trong đó" part nor a total, so the slip passes the form's rules
      const form = await this.api.call<{ values: Array<{ indicatorCode: string; parentCode: string | null }> }>(officer, 'GET', `/submissions/${s.id}`);
      const parents = new Set(form.values.map((v) => v.parentCode).filter(Boolean));
      const standalone = new Set(form.values.filter((v) => !v.parentCode && !parents.has(v.indicatorCode)).map((v) => v.indicatorCode));
      const first = values.find((v) => standalone.has(v.indicatorCode) && typeof v.value === 'number' && v.value >= 100 && Number.isInteger(v.value));
      if (first) {
        this.slip = { indicatorCode: first.indicatorCode, right: first.value };
        values = values.map((v) => (v === first ? { ...v, value: Math.round(Number(v.value) / 10) } : v));
      }
    }
    const current = await this.api.call<{ version: number }>(officer, 'GET', `/submissions/${s.id}`);
    const saved = await this.api.call<{ version: number }>(officer, 'PUT', `/submissions/${s.id}/values`, { version: current.version, values });
    await this.api.call(officer, 'POST', `/submissions/${s.id}/submit`, { version: saved.version });
  }

  /** The office returns the slipped submission with a comment; its officer fixes the figure and resubmits. */
  async returnAndFix(): Promise<void> {
    const target = this.submissions.find((s) => s.unitCode === RETURNED_UNIT);
    if (!target || !this.slip) return;
    const current = await this.api.call<{ version: number }>(this.reviewer, 'GET', `/submissions/${target.id}`);
    const comment = 'Số liệu thấp bất thường so với cùng kỳ, đề nghị kiểm tra lại.';
    const back = await this.api.call<{ version: number }>(this.reviewer, 'POST', `/submissions/${target.id}/return`, {
      version: current.version,
      reason: 'Đề nghị rà soát lại số liệu trước khi tổng hợp.',
      comments: [{ indicatorCode: this.slip.indicatorCode, text: comment }],
    });
    this.log(`Văn phòng trả lại báo cáo của ${RETURNED_UNIT}, ý kiến ở chỉ tiêu ${this.slip.indicatorCode}: "${comment}"`);
    const officer = await this.api.login(`officer-${RETURNED_UNIT.toLowerCase()}`, this.password);
    const fixed = await this.api.call<{ version: number }>(officer, 'PUT', `/submissions/${target.id}/values`, {
      version: back.version,
      values: [{ indicatorCode: this.slip.indicatorCode, value: this.slip.right }],
    });
    await this.api.call(officer, 'POST', `/submissions/${target.id}/submit`, { version: fixed.version });
    this.log(`${RETURNED_UNIT} đã sửa số liệu và gửi lại.`);
    this.returned = { unitCode: RETURNED_UNIT, submissionId: target.id, indicatorCode: this.slip.indicatorCode, comment };
  }

  /** The office approves what is waiting (all of it, or all but the units named). */
  async approveSubmitted(except: string[] = []): Promise<number> {
    const rows = await this.api.call<Row[]>(this.reviewer, 'GET', `/submissions?periodId=${this.period.id}`);
    const waiting = rows.filter((r) => r.state === 'submitted' && !except.includes(r.unitCode));
    for (const s of waiting) await this.api.call(this.reviewer, 'POST', `/submissions/${s.id}/approve`, { version: s.version });
    return waiting.length;
  }

  async result(): Promise<ScriptedMonthResult> {
    const summary = await this.api.call<{ submissions: { approved: number; total: number } }>(this.reviewer, 'GET', `/periods/${this.period.id}`);
    this.log(`Văn phòng đã duyệt ${summary.submissions.approved}/${summary.submissions.total} báo cáo.`);
    const p = this.period;
    return { periodId: p.id, label: p.label, deadline: p.deadline, units: this.submissions.length, returned: this.returned, approved: summary.submissions.approved };
  }

  private row(unitCode: string): Row {
    const s = this.submissions.find((r) => r.unitCode === unitCode);
    if (!s) throw new Error(`no submission for ${unitCode}`);
    return s;
  }
}

/** The whole month at once (no clock): what the e2e test of the demo data replays. */
export async function playScriptedMonth(
  baseUrl: string,
  password: string,
  configDir: string,
  log: (line: string) => void = () => undefined,
  which?: { year: number; month: number },
): Promise<ScriptedMonthResult> {
  const later = which !== undefined && !(which.year === 2024 && which.month === 5);
  const script = new MonthScript(new ApiClient(baseUrl), password, log, configDir, which, !later);
  await script.openPeriod();
  for (const s of script.submissions) await script.fillAndSubmit(s.unitCode);
  log(`${script.submissions.length} đơn vị đã nhập số liệu và gửi báo cáo.`);
  await script.returnAndFix();
  await script.approveSubmitted();
  return script.result();
}
