#!/usr/bin/env node
// Generates the committed demo data of "Tổng hợp" from the Lạng Sơn May-2024 reference extraction:
//   config/demo/units.json, config/forms/ktxh-monthly.v1.json, config/demo/plans.json,
//   config/demo/history.json, config/demo/may-2024.json, test/fixtures/may-2024-expected.json,
//   config/demo/2024-06.json … 2024-12.json (synthetic months after May, made the way the history is)
// then re-reads those files and checks them (exact BigInt decimals); exits 1 on any failure.
// Usage: node scripts/generate-demo-data.mjs [--check]   (--check: only verify the committed files;
//        REFERENCE_DIR overrides ../shared/reference)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildUnits, buildForm, indicatorJson } from './demo-data/form.mjs';
import { buildFigures } from './demo-data/figures.mjs';
import { LATER_MONTHS } from './demo-data/later-months.mjs';
import { toScaled, pctScaled, fmtVN, sum } from './demo-data/decimal.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const refDir = process.env.REFERENCE_DIR ? path.resolve(process.env.REFERENCE_DIR) : path.resolve(repoRoot, '..', 'shared', 'reference');
const FILES = {
  units: 'config/demo/units.json', form: 'config/forms/ktxh-monthly.v1.json', plans: 'config/demo/plans.json',
  history: 'config/demo/history.json', may: 'config/demo/may-2024.json', fixture: 'test/fixtures/may-2024-expected.json',
};
/** June–December 2024: synthetic months after the reference May (scripts/demo-data/later-months.mjs). */
const laterFile = (m) => `config/demo/2024-${String(m).padStart(2, '0')}.json`;
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (rel, data) => {
  const file = path.join(repoRoot, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
};
const in2024 = (u) => u.effectiveFrom <= '2024-05-01' && (u.effectiveTo === null || u.effectiveTo >= '2024-05-31');

function generate() {
  if (!fs.existsSync(path.join(refDir, 'lang-son-2024-05.json'))) {
    console.error(`Reference material not found in ${refDir} (set REFERENCE_DIR).`);
    process.exit(2);
  }
  const reference = readJson(path.join(refDir, 'lang-son-2024-05.json'));
  const departments = readJson(path.join(refDir, 'departments.json'));
  const notes = [];
  const units = buildUnits(departments);
  const units2024 = units.units.filter(in2024).map((u) => u.code);
  const form = buildForm(reference, notes);
  const figs = buildFigures(form, units2024, notes);
  const inds = form.indicators;
  notes.push(
    'Mỗi cặp số tháng + "lũy kế" cùng khái niệm là một chỉ tiêu hasCumulative (giá trị nhập = số tháng, lũy kế do hệ thống cộng). '
      + `Các chỉ tiêu báo cáo chỉ nêu số lũy kế (${inds.filter((i) => i.hasCumulative && !i.value).length} chỉ tiêu, ví dụ enterprises_new, ind_output_*, smuggling_*) cũng là hasCumulative; số tháng 5 do dữ liệu demo tự sinh (có ghi chú trong may-2024.json).`,
    'Chỉ số chỉ nêu % thay đổi (CPI, IIP) là chỉ tiêu kind "percent" mà giá trị chính là % thay đổi; IIP tháng 5 cho hai chỉ tiêu (so với cùng kỳ +0,28% và so với tháng trước −4,19%); IIP ngành chế biến, chế tạo và điện tháng 5 chỉ có % so với tháng trước.',
    `Khoảng "30-35%" (ntm_works_average_progress) là chỉ tiêu kind "text" (giá trị "30-35%"); không bỏ chỉ tiêu nào.`,
    `Số liệu của sự kiện/đợt (scope "event": ${inds.filter((i) => i.event).map((i) => i.code).join(', ')}) có required=false và không có trong history.json (không phát sinh hằng tháng).`,
    'Tỷ lệ (đơn vị "%") là kind "percent" với min 0, max 100; % thay đổi có min/max null. Thứ hạng, số đếm là kind "number" integerOnly.',
    'Mẫu số của các số "x/y" (52/98 công trình, 21/57 cuộc, 13/63 tỉnh…) không là chỉ tiêu riêng; thay đổi tuyệt đối so với cùng kỳ (tăng 65 vụ, tăng 02 dự án…) không là trường hasSamePeriod, nhưng history.json đặt số cùng kỳ 2023 sao cho hiệu số đúng như báo cáo; tương tự số 31/12/2023 của huy động vốn và dư nợ tín dụng (tháng 12/2023) cho đúng +1,84% và +0,2%.',
    'complaints_resolved gộp "đã giải quyết 08/11 đơn thuộc thẩm quyền" (tháng) với "giải quyết được 72/80 đơn khiếu nại, tố cáo" (lũy kế 5 tháng); hai tỷ lệ 72,72% và 90% là hai chỉ tiêu percent riêng (tỷ lệ không cộng dồn được).',
    'public_investment_disbursed: "tăng 5,5%" được tái hiện đúng như in (là % thay đổi của lũy kế), dù báo cáo cũng ghi "cao hơn cùng kỳ 110 tỷ đồng" (≈ +15,6%) — xem SI-20.',
    'trade_turnover_customs: kế hoạch 33% và các kế hoạch 27%/53,5% của xuất/nhập khẩu được tái hiện độc lập; tổng kế hoạch xuất + nhập không bằng kế hoạch tổng (SI-19).',
    'budget_expenditure_development_investment (STC, 234 tỷ, 16,6% dự toán) và public_investment_disbursed_local_budget (SKHDT, 234 tỷ, 16,6% kế hoạch) là hai chỉ tiêu của hai đơn vị, không gộp.',
    'Chữ số 0 đứng đầu của số đếm nhỏ (04, 07…) không được giữ trong "expected" của fixture (định dạng số chuẩn: 4, 7). % thay đổi âm được ghi có dấu ("-9,06" cho "giảm 9,06%").',
    'Số thập phân: decimals = số chữ số thập phân báo cáo in (lớn nhất giữa số tháng và lũy kế); history 2024 dùng tối đa số chữ số của cả "họ" chỉ tiêu cha–con, history 2023 tối đa decimals + 2.',
  );
  if (figs.unreproducible.length) notes.push(`Không tái hiện được: ${figs.unreproducible.join(' ')}`);

  const formJson = {
    code: 'KTXH-THANG', version: 1, name: 'Biểu số liệu tình hình kinh tế - xã hội hằng tháng', periodType: 'month',
    deadline: { rule: 'working_days_after_cutoff', days: 2 },
    reminders: { beforeDeadline: [3, 1], onDeadline: true, overdueEvery: 1, sendFrom: '08:00', review: { remindAfter: 2, escalateAfter: 2 }, digest: { untilWorkingDaysAfterDeadline: 10 } },
    notes,
    sections: form.sections.map((s) => ({ ...s, indicators: s.indicators.map(indicatorJson) })),
  };
  writeJson(FILES.units, units);
  writeJson(FILES.form, formJson);
  writeJson(FILES.plans, figs.plans);
  writeJson(FILES.history, { submissions: figs.history });
  writeJson(FILES.may, { year: 2024, month: 5, submissions: figs.may });
  writeJson(FILES.fixture, figs.fixture);
  for (const f of figs.later) writeJson(laterFile(f.month), f);
  return figs.unreproducible;
}

// ---------------------------------------------------------------- self-check (reads the written files)
function selfCheck() {
  const f = {};
  for (const [k, rel] of Object.entries(FILES)) f[k] = readJson(path.join(repoRoot, rel));
  const fail = [];
  const S = 8; // common scale for exact comparisons
  const units = new Map(f.units.units.map((u) => [u.code, u]));
  const inds = new Map(), unitOf = new Map();
  for (const s of f.form.sections) {
    if (s.units.length !== 1 || !units.has(s.units[0]) || !in2024(units.get(s.units[0]))) fail.push(`section ${s.code}: bad units ${s.units}`);
    if (s.code !== `${s.reportSection}/${s.units[0]}`) fail.push(`section code ${s.code}`);
    for (const i of s.indicators) {
      if (inds.has(i.code)) fail.push(`duplicate indicator code ${i.code}`);
      if (!/^[a-z0-9]+(_[a-z0-9]+)*$/.test(i.code)) fail.push(`code not snake_case ASCII: ${i.code}`);
      inds.set(i.code, i);
      unitOf.set(i.code, s.units[0]);
    }
  }
  for (const u of f.units.units.filter(in2024)) if (!f.form.sections.some((s) => s.units[0] === u.code)) fail.push(`unit ${u.code} fills no section`);
  for (const i of inds.values()) if (i.parent && (!inds.has(i.parent) || unitOf.get(i.parent) !== unitOf.get(i.code))) fail.push(`bad parent ${i.code} → ${i.parent}`);
  const refKeys = new Set(readJson(path.join(refDir, 'lang-son-2024-05.json')).sections.flatMap((s) => s.indicators.map((i) => i.key)));
  const usedKeys = new Set([...inds.values()].flatMap((i) => i.referenceKeys));
  for (const k of usedKeys) if (!refKeys.has(k)) fail.push(`form: unknown reference key ${k}`);
  for (const k of refKeys) if (!usedKeys.has(k)) fail.push(`form: reference indicator ${k} not used`);
  for (const e of f.fixture) if (!inds.get(e.indicatorCode)?.referenceKeys.includes(e.referenceKey)) fail.push(`fixture: ${e.referenceKey} is not a referenceKey of ${e.indicatorCode}`);
  for (const s of f.may.submissions) for (const v of s.values) if (typeof v.value === 'string' && /\[\^\d+\]|<sup>/.test(v.value)) fail.push(`may: footnote marker left in ${v.indicatorCode}`);

  // values[y-m][unit][code] = BigInt at scale S
  const values = {};
  const put = (unit, y, m, code, v) => {
    const i = inds.get(code);
    if (!i) return fail.push(`${unit} ${y}-${m}: unknown indicator ${code}`);
    if (unitOf.get(code) !== unit) fail.push(`${unit} ${y}-${m}: ${code} belongs to ${unitOf.get(code)}`);
    if (i.kind === 'text') return typeof v === 'string' || fail.push(`${code}: text value expected`);
    if (typeof v !== 'number') return fail.push(`${unit} ${y}-${m} ${code}: not a number`);
    let x;
    try { x = toScaled(v, i.decimals + 2); } catch { return fail.push(`${unit} ${y}-${m} ${code}=${v}: more than decimals+2 places`); }
    if (i.integerOnly && !Number.isInteger(v)) fail.push(`${unit} ${y}-${m} ${code}=${v}: not an integer`);
    if (i.min !== null && v < i.min) fail.push(`${unit} ${y}-${m} ${code}=${v} < min`);
    if (i.max !== null && v > i.max) fail.push(`${unit} ${y}-${m} ${code}=${v} > max`);
    ((values[`${y}-${m}`] ??= {})[unit] ??= {})[code] = x * 10n ** BigInt(S - i.decimals - 2);
  };
  for (const s of f.history.submissions) {
    if (!units.has(s.unit)) fail.push(`history: unknown unit ${s.unit}`);
    if (values[`${s.year}-${s.month}`]?.[s.unit]) fail.push(`history: duplicate ${s.unit} ${s.year}-${s.month}`);
    ((values[`${s.year}-${s.month}`] ??= {})[s.unit] ??= {});
    for (const [c, v] of Object.entries(s.values)) put(s.unit, s.year, s.month, c, v);
  }
  for (const s of f.may.submissions) for (const v of s.values) put(s.unit, 2024, 5, v.indicatorCode, v.value);
  for (const m of LATER_MONTHS) {
    const later = readJson(path.join(repoRoot, laterFile(m)));
    if (later.year !== 2024 || later.month !== m) fail.push(`${laterFile(m)}: wrong month`);
    for (const s of later.submissions) {
      ((values[`2024-${m}`] ??= {})[s.unit] ??= {});
      for (const v of s.values) {
        if (typeof v.value === 'string' && /\d/.test(v.value) && v.indicatorCode.startsWith('narrative_')) fail.push(`${laterFile(m)}: ${v.indicatorCode} states a figure`);
        put(s.unit, 2024, m, v.indicatorCode, v.value);
      }
    }
  }
  const months = [...Array(12)].map((_, k) => [2023, k + 1]).concat([1, 2, 3, 4, 5, ...LATER_MONTHS].map((m) => [2024, m]));
  for (const [code, i] of inds) {
    if (i.kind === 'text' || !i.required) continue;
    for (const [y, m] of months) if (values[`${y}-${m}`]?.[unitOf.get(code)]?.[code] === undefined) fail.push(`missing ${code} ${y}-${m}`);
  }
  const get = (code, y, m) => values[`${y}-${m}`]?.[unitOf.get(code)]?.[code];
  const cum = (code, y, m) => sum([...Array(m)].map((_, k) => get(code, y, k + 1) ?? 0n));
  const basis = (code, y) => (inds.get(code).hasCumulative && inds.get(code).compareOn === 'cumulative' ? cum(code, y, 5) : get(code, y, 5));

  for (const e of f.fixture) {
    const i = inds.get(e.indicatorCode);
    if (!i || unitOf.get(e.indicatorCode) !== e.unit) { fail.push(`fixture: bad indicator/unit ${e.indicatorCode}/${e.unit}`); continue; }
    let got;
    if (e.field === 'value') got = fmtVN(get(e.indicatorCode, 2024, 5), S, e.decimals);
    else if (e.field === 'cumulative') got = fmtVN(cum(e.indicatorCode, 2024, 5), S, e.decimals);
    else if (e.field === 'planPct') {
      const p = f.plans['2024'][e.indicatorCode];
      got = p === undefined ? 'no plan' : fmtVN(pctScaled(basis(e.indicatorCode, 2024), toScaled(p, S), e.decimals), e.decimals);
    } else {
      const cur = basis(e.indicatorCode, 2024), last = basis(e.indicatorCode, 2023);
      const pct = e.field === 'samePeriodRatioPct' ? pctScaled(cur, last, e.decimals) : pctScaled(cur - last, last, e.decimals);
      got = fmtVN(pct, e.decimals);
    }
    if (got !== e.expected) fail.push(`fixture ${e.indicatorCode}.${e.field}: derived ${got}, expected ${e.expected}`);
  }
  for (const [code, i] of inds) {
    if (i.hasPlan !== (f.plans['2024'][code] !== undefined) || i.hasPlan !== (f.plans['2023'][code] !== undefined)) fail.push(`plans: ${code} hasPlan=${i.hasPlan}`);
  }
  for (const y of ['2023', '2024']) for (const c of Object.keys(f.plans[y])) if (!inds.has(c) || !(f.plans[y][c] > 0)) fail.push(`plans ${y}: bad ${c}`);

  // breakdown rule: every part ≤ parent and sum of parts ≤ parent, on the value and the cumulative
  const kids = new Map();
  for (const [code, i] of inds) if (i.parent) kids.set(i.parent, [...(kids.get(i.parent) ?? []), code]);
  for (const [p, ks] of kids) {
    for (const [y, m] of months) {
      const measures = [['value', (c) => get(c, y, m)]];
      if (inds.get(p).hasCumulative) measures.push(['cumulative', (c) => cum(c, y, m)]);
      for (const [what, val] of measures) {
        const pv = val(p);
        if (pv === undefined) continue;
        const parts = ks.map(val).filter((x) => x !== undefined);
        if (parts.some((x) => x > pv) || sum(parts) > pv) fail.push(`breakdown ${p} ${y}-${m} ${what}: parts ${fmtVN(sum(parts), S, 3)} > ${fmtVN(pv, S, 3)}`);
      }
    }
  }
  return { fail, counts: { f, inds, kids } };
}

const unreproducible = process.argv.includes('--check') ? [] : generate();
const { fail, counts } = selfCheck();
if (fail.length) {
  console.error(`Self-check FAILED (${fail.length}):\n  ${fail.slice(0, 200).join('\n  ')}`);
  process.exit(1);
}
const byKind = {};
for (const i of counts.inds.values()) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
const narrative = [...counts.inds.keys()].filter((c) => c.startsWith('narrative_')).length;
console.log(`OK: ${counts.f.units.units.length} units, ${counts.f.form.sections.length} sections, indicators ${JSON.stringify(byKind)} (${narrative} narrative), `
  + `${counts.f.history.submissions.length} history submissions, ${counts.f.fixture.length} fixture figures, ${counts.kids.size} breakdown parents.`);
if (unreproducible.length) console.log(`Not reproducible:\n  ${unreproducible.join('\n  ')}`);
