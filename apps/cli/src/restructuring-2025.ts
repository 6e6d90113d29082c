import type { RestructureResultView, SubmissionView, UnitView, UserView } from '@app/contracts';
import { periodLabel } from '@app/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from './api-client';
import type { HistoryFile } from '@app/database';
import { readDemoMonth } from './scripted-month';

/**
 * Lạng Sơn, 1 March 2025 (Nghị quyết của HĐND tỉnh về thành lập, tổ chức lại các sở): predecessors
 * → successor. A successor not in the data is created; a pair whose predecessors are absent is skipped.
 */
export const LANG_SON_2025: Array<{ from: string[]; to: { code: string; name: string } }> = [
  { from: ['SKHDT'], to: { code: 'STC', name: 'Sở Tài chính' } },
  { from: ['SNN', 'STNMT'], to: { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường' } },
  { from: ['SGTVT'], to: { code: 'SXD', name: 'Sở Xây dựng' } },
  { from: ['STTTT'], to: { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' } },
  { from: ['SLDTBXH'], to: { code: 'SNV', name: 'Sở Nội vụ' } },
  { from: ['BDT'], to: { code: 'SDTTG', name: 'Sở Dân tộc và Tôn giáo' } },
];

export const LANG_SON_2025_DAY = '2025-03-01';

export type RestructureAnswer = RestructureResultView;

/** The request the administrator sends for the 1 March 2025 restructuring, from the units in force the day before. */
export function langSon2025Request(unitsOnEve: UnitView[]) {
  const present = new Set(unitsOnEve.map((u) => u.code));
  const pairs = LANG_SON_2025.map((p) => ({ ...p, from: p.from.filter((c) => present.has(c)) })).filter((p) => p.from.length > 0);
  return {
    effectiveDate: LANG_SON_2025_DAY,
    decision: 'Nghị quyết của HĐND tỉnh Lạng Sơn về việc thành lập, tổ chức lại các sở thuộc UBND tỉnh (hiệu lực từ 01/3/2025)',
    newUnits: pairs.filter((p) => !present.has(p.to.code)).map((p) => ({ code: p.to.code, name: p.to.name, kind: 'department' })),
    transfers: pairs.flatMap((p) => p.from.map((from) => ({ from, to: p.to.code }))),
    close: pairs.flatMap((p) => p.from.map((code) => ({ code, usersTo: p.to.code }))),
  };
}

/** The administrator applies the 1 March 2025 restructuring through the API. */
export async function applyLangSon2025(api: ApiClient, admin: string, log: (line: string) => void): Promise<RestructureAnswer> {
  const eve = await api.call<UnitView[]>(admin, 'GET', '/units?date=2025-02-28');
  const answer = await api.call<RestructureAnswer>(admin, 'POST', '/units/restructurings', langSon2025Request(eve));
  const byTo = new Map<string, Set<string>>();
  for (const l of answer.lineage) byTo.set(l.to, (byTo.get(l.to) ?? new Set()).add(l.from));
  log(`Sắp xếp các sở từ 01/3/2025: ${[...byTo].map(([to, from]) => `${[...from].join(' + ')} → ${to}`).join('; ')}.`);
  log(`  ${answer.lineage.length} chỉ tiêu chuyển sang đơn vị mới; ${answer.users.reduce((n, u) => n + u.usernames.length, 0)} tài khoản chuyển theo đơn vị.`);
  return answer;
}

/**
 * Synthetic figures of a month of 2025 (the demo's, said so in the README): each figure of the same
 * month of 2024 (config/demo), times one growth rate for the month, rounded down to the
 * indicator's decimals — one rate for all keeps every "trong đó" part within its total.
 */
export function syntheticMonthFigures(configDir: string, year: number, month: number): Map<string, number | string> {
  // May 2024's figures stand in for what a month's file lacks (its narratives, say)
  const out = new Map<string, number | string>();
  for (const s of readDemoMonth(configDir).submissions) for (const v of s.values) if (v.value !== null) out.set(v.indicatorCode, v.value);
  if (month !== 5) {
    const history = JSON.parse(readFileSync(join(configDir, 'demo', 'history.json'), 'utf8')) as HistoryFile;
    for (const s of history.submissions.filter((x) => x.year === year - 1 && x.month === month)) for (const [code, value] of Object.entries(s.values)) out.set(code, value);
  }
  return out;
}

export const growthOf = (month: number) => 1 + (3 + month) / 100;

function grown(value: number | string, rule: SubmissionView['values'][number], month: number): number | string | null {
  if (typeof value === 'string' || rule.kind === 'text') return typeof value === 'string' ? value : null;
  if (rule.kind === 'percent') return value;
  const decimals = rule.rule?.integerOnly ? 0 : (rule.rule?.decimals ?? 2);
  const scale = 10 ** decimals;
  let v = Math.floor(value * growthOf(month) * scale) / scale;
  if (rule.rule?.max != null) v = Math.min(v, Number(rule.rule.max));
  return v;
}

type Row = { id: string; unitCode: string; version: number; state: string };

/**
 * A month of 2025, quickly (not day by day): the administrator opens it, each unit's officer enters
 * the synthetic figures of what its form holds and submits, the office approves them all.
 */
export async function playQuickMonth(
  api: ApiClient,
  password: string,
  configDir: string,
  which: { year: number; month: number },
  log: (line: string) => void,
  /** figures of indicators no month of 2024 had (a form version's added ones) */
  extraFigures: ReadonlyMap<string, number> = new Map(),
): Promise<{ periodId: string; approved: number }> {
  const admin = await api.login('admin', password);
  const period = await api.call<{ id: string }>(admin, 'POST', '/periods', { type: 'month', year: which.year, number: which.month });
  const reviewer = await api.login('reviewer', password);
  const rows = await api.call<Row[]>(reviewer, 'GET', `/submissions?periodId=${period.id}`);
  const [users, units] = await Promise.all([api.call<UserView[]>(admin, 'GET', '/users'), api.call<UnitView[]>(admin, 'GET', '/units')]);
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const figures = syntheticMonthFigures(configDir, which.year, which.month);
  for (const [code, value] of extraFigures) figures.set(code, value);
  const tokens = new Map<string, string>();
  for (const row of rows) {
    const officer = users.find((u) => u.role === 'officer' && u.active && u.unitId === unitId.get(row.unitCode));
    if (!officer) throw new Error(`no active officer of ${row.unitCode}`);
    if (!tokens.has(officer.username)) tokens.set(officer.username, await api.login(officer.username, password));
    const token = tokens.get(officer.username)!;
    const form = await api.call<SubmissionView>(token, 'GET', `/submissions/${row.id}`);
    const values = form.values.flatMap((v) => {
      const base = figures.get(v.indicatorCode);
      const value = base === undefined ? null : grown(base, v, which.month);
      return value === null ? [] : [{ indicatorCode: v.indicatorCode, value }];
    });
    const saved = await api.call<{ version: number }>(token, 'PUT', `/submissions/${row.id}/values`, { version: form.version, values });
    await api.call(token, 'POST', `/submissions/${row.id}/submit`, { version: saved.version });
  }
  const waiting = await api.call<Row[]>(reviewer, 'GET', `/submissions?periodId=${period.id}`);
  for (const s of waiting.filter((r) => r.state === 'submitted')) await api.call(reviewer, 'POST', `/submissions/${s.id}/approve`, { version: s.version });
  log(`${periodLabel('month', which.year, which.month)}: ${rows.length} đơn vị nhập số liệu mẫu và gửi, Văn phòng duyệt tất cả.`);
  return { periodId: period.id, approved: waiting.length };
}
