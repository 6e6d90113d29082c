// Builds the unit registry and the monthly form template (KTXH-THANG v1) from the reference extraction.
import { printedDecimals, decimalsOfNumber } from './decimal.mjs';

const MERGED_2025 = { SKHDT: 'STC', SGTVT: 'SXD', STNMT: 'SNNMT', SNN: 'SNNMT', STTTT: 'SKHCN', SLDTBXH: 'SNV', BDT: 'SDTTG' };
const NEW_2025 = [
  { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường' },
  { code: 'SDTTG', name: 'Sở Dân tộc và Tôn giáo' },
];

export function buildUnits(departments) {
  const unit = (code, name, kind, from, to, mergedInto) =>
    ({ code, name, kind, parentCode: null, effectiveFrom: from, effectiveTo: to, mergedInto, email: `${code.toLowerCase()}@langson.demo` });
  const units = departments.units.map((u) =>
    unit(u.code, u.name_vi, u.type, '2008-01-01', MERGED_2025[u.code] ? '2025-02-28' : null, MERGED_2025[u.code] ?? null));
  for (const n of NEW_2025) units.push(unit(n.code, n.name, 'department', '2025-03-01', null, null));
  return { province: departments.province, units };
}

// Indices reported only as % changes → one percent indicator per stated change.
const PCT_CHANGES = {
  iip_month: [['iip_yoy_change_month', 'Chỉ số sản xuất công nghiệp (IIP) tháng báo cáo so với cùng kỳ (tăng +, giảm −)', 'yoy'],
    ['iip_mom_change_month', 'Chỉ số sản xuất công nghiệp (IIP) tháng báo cáo so với tháng trước (tăng +, giảm −)', 'mom']],
  iip_month_manufacturing: [['iip_manufacturing_mom_change_month', 'IIP ngành chế biến, chế tạo so với tháng trước (tăng +, giảm −)', 'mom']],
  iip_month_electricity: [['iip_electricity_mom_change_month', 'IIP ngành sản xuất và phân phối điện so với tháng trước (tăng +, giảm −)', 'mom']],
  iip_ytd: [['iip_yoy_change_ytd', 'IIP từ đầu năm so với cùng kỳ (tăng +, giảm −)', 'yoy']],
  iip_ytd_mining: [['iip_mining_yoy_change_ytd', 'IIP ngành khai khoáng từ đầu năm so với cùng kỳ (tăng +, giảm −)', 'yoy']],
  iip_ytd_manufacturing: [['iip_manufacturing_yoy_change_ytd', 'IIP ngành chế biến, chế tạo từ đầu năm so với cùng kỳ (tăng +, giảm −)', 'yoy']],
  iip_ytd_electricity: [['iip_electricity_yoy_change_ytd', 'IIP ngành sản xuất và phân phối điện từ đầu năm so với cùng kỳ (tăng +, giảm −)', 'yoy']],
  iip_ytd_water_waste: [['iip_water_waste_yoy_change_ytd', 'IIP ngành cung cấp nước, quản lý và xử lý nước thải từ đầu năm so với cùng kỳ (tăng +, giảm −)', 'yoy']],
  cpi_month_yoy: [['cpi_yoy_change_month', 'Chỉ số giá tiêu dùng (CPI) tháng báo cáo so với cùng kỳ (tăng +, giảm −)', 'yoy']],
  cpi_ytd_avg_yoy: [['cpi_avg_yoy_change_ytd', 'CPI bình quân từ đầu năm so với cùng kỳ (tăng +, giảm −)', 'yoy']],
};
// Month + cumulative twins whose keys do not pair by suffix, and duplicates of one figure.
const EXPLICIT_MERGES = [
  { code: 'merit_allowance_recipients', name: 'Người có công và thân nhân được chi trả trợ cấp thường xuyên', month: 'merit_allowance_recipients_month', ytd: ['merit_allowance_payments_ytd'],
    note: 'merit_allowance_recipients_month (3.571 người trong tháng) và merit_allowance_payments_ytd (18.005 lượt từ đầu năm) được gộp thành một chỉ tiêu có lũy kế: số lượt chi trả từ đầu năm là tổng số người được trả trợ cấp thường xuyên của các tháng.' },
  { code: 'public_investment_disbursed_central_ntp', month: null, ytd: ['public_investment_disbursed_central_ntp_ytd', 'ntp_capital_disbursed_ytd'],
    note: 'public_investment_disbursed_central_ntp_ytd (chú thích 11) và ntp_capital_disbursed_ytd (thân báo cáo) là cùng một số liệu (312 tỷ đồng, 32,7%): một chỉ tiêu, hai referenceKeys; không cộng hai lần.' },
];
// Stated "for the 5 months" but not a sum of monthly flows (9 of 13 products grew): a plain value.
const NOT_ADDITIVE = new Set(['main_industrial_products_increased_count']);
const UNIT_OVERRIDES = Object.fromEntries(['individual_decisions', 'plans', 'official_letters', 'reports', 'conclusion_notices']
  .map((k) => [`ppc_documents_${k}_month`, 'văn bản']));
const COUNT_WORDS = new Set(('văn bản|quyết định|kế hoạch|công văn|báo cáo|thông báo|cuộc họp|con|lượt con|sản phẩm|công trình|dự án|trung tâm|trạm|' +
  'thứ hạng|doanh nghiệp|chi nhánh|văn phòng đại diện|hợp tác xã|huy chương|giải|trường|huyện|thành phố|đoàn|cơ sở|lượt|lượt người|học viên|' +
  'người|tài khoản|giao dịch|hộ|vị trí|hồ sơ|tổ chức|giấy|đề án|mỏ|nhiệm vụ|đề tài|cuộc|cá nhân|đơn|vụ|đối tượng|đường|bị can|tập thể').split('|'));
const TASK_TITLES = ['chỉ đạo, điều hành chung; quy hoạch tỉnh', 'sản xuất nông, lâm nghiệp; phòng, chống thiên tai', 'kinh tế cửa khẩu',
  'đầu tư công, giải phóng mặt bằng, chương trình mục tiêu quốc gia', 'công nghiệp, thương mại, dịch vụ, du lịch',
  'môi trường kinh doanh, doanh nghiệp, thu hút đầu tư', 'quản lý ngân sách nhà nước', 'văn hóa - xã hội',
  'thông tin, truyền thông, chuyển đổi số', 'tài nguyên, môi trường; khoa học và công nghệ', 'quốc phòng, an ninh, đối ngoại',
  'cải cách hành chính, nội vụ, thanh tra'];
const KEYWORDS = {
  VPUB: ['văn bản', 'cuộc họp', 'chỉ đạo', 'hành chính công'], SKHDT: ['đầu tư công', 'quy hoạch tỉnh', 'doanh nghiệp', 'giải ngân', 'PCI'],
  SNN: ['nông nghiệp', 'nông thôn mới', 'vụ Đông Xuân', 'chăn nuôi', 'thủy lợi', 'thiên tai', 'rừng'], SCT: ['công nghiệp', 'thương mại', 'xuất khẩu'],
  STC: ['ngân sách', 'dự toán'], SXD: ['quy hoạch đô thị', 'quy hoạch xây dựng', 'nhà ở'], SGTVT: ['giao thông', 'Quốc lộ', 'vận tải', 'cao tốc'],
  STNMT: ['đất đai', 'sử dụng đất', 'môi trường', 'khoáng sản', 'tài nguyên'], SKHCN: ['khoa học', 'công nghệ', 'sở hữu trí tuệ'],
  STTTT: ['chuyển đổi số', 'báo chí', 'thông tin', 'truyền thông'], SGDDT: ['giáo dục', 'học sinh', 'trường', 'thi '],
  SYT: ['y tế', 'sức khỏe', 'khám', 'dịch bệnh'], SLDTBXH: ['lao động', 'việc làm', 'người có công', 'giảm nghèo', 'trẻ em'],
  SVHTTDL: ['văn hóa', 'du lịch', 'thể thao', 'di sản'], SNV: ['cải cách hành chính', 'công chức', 'thi đua', 'khen thưởng', 'tổ chức bộ máy'],
  SNGV: ['đối ngoại', 'hợp tác quốc tế', 'Quảng Tây', 'Trung Quốc', 'hội đàm'], BDT: ['dân tộc', 'tôn giáo'], TTT: ['thanh tra', 'khiếu nại', 'tố cáo', 'tham nhũng'],
  BQLKKT: ['cửa khẩu', 'khu kinh tế', 'thông quan'], HQ: ['hải quan', 'xuất nhập khẩu'], CTK: ['chỉ số', 'CPI'], CTHUE: ['thuế', 'thu nội địa'],
  KBNN: ['kho bạc', 'thanh toán'], NHNN: ['ngân hàng', 'tín dụng', 'lãi suất'], QLTT: ['quản lý thị trường', 'buôn lậu', 'hàng giả'],
  CA: ['an ninh', 'trật tự', 'tội phạm', 'tai nạn giao thông', 'cháy'], BCHQS: ['quốc phòng', 'dân quân', 'diễn tập', 'huấn luyện'],
  BDBP: ['biên giới', 'cột mốc'], UBNDH: ['các huyện', 'cấp xã'],
};

const sentenceCase = (s) => (s === s.toLocaleUpperCase('vi') ? s.toLocaleLowerCase('vi').replace(/^./u, (c) => c.toLocaleUpperCase('vi')) : s);
const stripCum = (name) => name.replace(/\s*\(lũy kế\)\s*$/u, '');
const isCount = (unit) => unit !== null && unit.split(', ').every((w) => COUNT_WORDS.has(w));

/** A stated figure: where it comes from and how many decimals the report prints. */
function fig(ref, value, pct = false) {
  const dec = printedDecimals(ref.source_text, value, { pct });
  return { key: ref.key, v: value, dec: dec ?? decimalsOfNumber(Math.abs(value)), src: ref.source_text, printed: dec !== null };
}

/** Indicator "groups": each becomes one form indicator (month + cumulative twins merged). */
function groupIndicators(refs, notes) {
  const byKey = new Map(refs.map((r) => [r.key, r]));
  const used = new Set();
  const groups = [];
  const explicit = new Map();
  for (const m of EXPLICIT_MERGES) [m.month, ...m.ytd].filter(Boolean).forEach((k) => explicit.set(k, m));
  for (const r of refs) {
    if (used.has(r.key)) continue;
    if (PCT_CHANGES[r.key]) {
      used.add(r.key);
      for (const [code, name, which] of PCT_CHANGES[r.key]) groups.push({ code, name, pctChange: which, refs: [r], single: r });
      continue;
    }
    const m = explicit.get(r.key);
    if (m) {
      const month = m.month ? byKey.get(m.month) : null;
      const ytds = m.ytd.map((k) => byKey.get(k));
      [month, ...ytds].filter(Boolean).forEach((x) => used.add(x.key));
      groups.push({ code: m.code, name: m.name ?? stripCum((month ?? ytds[0]).name), month, ytd: ytds[0], dupYtd: ytds.slice(1), refs: [month, ...ytds].filter(Boolean) });
      notes.push(m.note);
      continue;
    }
    const stem = r.key.replace(/_(month|ytd)$/, '');
    const twin = r.key.endsWith('_month') ? byKey.get(`${stem}_ytd`) : null;
    const mergeable = twin && !used.has(twin.key) && twin.scope === 'cumulative_ytd' && twin.unit === r.unit && r.unit !== '%'
      && twin.likely_source_department === r.likely_source_department;
    if (mergeable) {
      used.add(r.key); used.add(twin.key);
      groups.push({ code: stem, name: r.name, month: r, ytd: twin, dupYtd: [], refs: [r, twin] });
    } else if (r.scope === 'cumulative_ytd' && r.value !== null && r.unit !== '%' && !NOT_ADDITIVE.has(r.key)) {
      used.add(r.key);
      groups.push({ code: stem, name: stripCum(r.name), month: null, ytd: r, dupYtd: [], refs: [r] });
    } else {
      used.add(r.key);
      groups.push({ code: r.key, name: r.name, single: r, refs: [r] });
    }
  }
  return groups;
}

/** Turns a group into the form indicator plus the stated figures the data generator needs. */
function toIndicator(g) {
  const first = g.refs[0];
  const base = { code: g.code, name: g.name, supplier: first.likely_source_department, sectionId: first.sectionId, refs: g.refs, event: false };
  if (g.pctChange) {
    const r = g.single;
    const v = g.pctChange === 'yoy' ? r.yoy_pct_change : r.change_vs.pct_change;
    const value = fig(r, Math.abs(v), true);
    value.v = v;
    return { ...base, unit: '%', kind: 'percent', rate: false, hasCumulative: false, compareOn: 'value', value, decimals: value.dec,
      integerOnly: false, min: null, max: null, required: true };
  }
  if (g.single && g.single.value === null) {
    const r = g.single;
    return { ...base, unit: null, kind: 'text', text: `${r.value_range.join('-')}${r.unit}`, required: false, decimals: null };
  }
  const unit = UNIT_OVERRIDES[first.key] ?? first.unit;
  const hasCumulative = !g.single;
  const month = g.single ?? g.month;
  const carrier = [g.ytd, g.month, g.single].find((r) => r && (r.plan_pct !== null || r.yoy_pct_change !== null || r.yoy_ratio_pct !== null)) ?? null;
  const ind = { ...base, unit, kind: unit === '%' ? 'percent' : 'number', rate: unit === '%', hasCumulative, event: first.scope === 'event', scope: first.scope };
  ind.value = month ? fig(month, month.value) : null;
  ind.cum = g.ytd ? { ...fig(g.ytd, g.ytd.value), alsoKeys: g.dupYtd.map((r) => r.key) } : null;
  ind.compareOn = hasCumulative && (!carrier || carrier !== month) ? 'cumulative' : 'value';
  if (carrier?.plan_pct != null) {
    ind.plan = { ...fig(carrier, carrier.plan_pct, true), basis: carrier.plan_basis?.replace(/\s*\(.*$/, '') || 'kế hoạch', denominator: carrier.denominator };
  }
  const sp = carrier && (carrier.yoy_ratio_pct ?? carrier.yoy_pct_change);
  if (sp != null) {
    const style = carrier.yoy_ratio_pct != null ? 'ratio' : 'change';
    ind.sp = { ...fig(carrier, Math.abs(sp), true), style };
    ind.sp.v = sp;
  }
  const abs = [g.ytd, month].find((r) => r?.yoy_abs_change != null);
  if (!ind.sp && abs) ind.absChange = { key: abs.key, v: abs.yoy_abs_change, src: abs.source_text };
  if (month?.change_vs?.baseline === '2023-12-31') {
    ind.decAnchor = { ...fig(month, Math.abs(month.change_vs.pct_change), true) };
    ind.decAnchor.v = month.change_vs.pct_change;
  }
  const figures = [ind.value, ind.cum].filter(Boolean);
  ind.decimals = Math.max(...figures.map((f) => f.dec));
  ind.integerOnly = ind.kind === 'number' && isCount(unit) && figures.every((f) => Number.isInteger(f.v));
  ind.min = 0;
  ind.max = ind.rate ? 100 : null;
  ind.required = !ind.event;
  ind.parentKey = g.refs.map((r) => r.breakdown_of).find(Boolean) ?? null;
  return ind;
}

function narrative(sectionId, unitCode) {
  return { code: `narrative_${unitCode.toLowerCase()}_${sectionId.replace(/\./g, '_').toLowerCase()}`, name: 'Tình hình, kết quả nổi bật',
    supplier: unitCode, sectionId, kind: 'text', unit: null, required: false, decimals: null, refs: [], narrative: true };
}

/**
 * How a longer period's figure comes from the months: a figure with a cumulative, or a month's count,
 * is a flow (summed); a figure at a date is a stock (the period's last month); the CPI of the month is
 * averaged ("bình quân"); anything else — indices and rates since January, a season so far, ranks —
 * is the last reported.
 */
function aggregationOf(i) {
  if (i.kind === 'text') return 'to_date';
  if (i.hasCumulative) return 'flow';
  if (AVERAGED.has(i.code)) return 'average';
  if (i.kind === 'percent') return 'to_date';
  if (i.scope === 'as_of_date') return 'stock';
  if (i.scope === 'month') return 'flow';
  return 'to_date';
}
const AVERAGED = new Set(['cpi_yoy_change_month']);

/** JSON shape of one form indicator. */
export function indicatorJson(i) {
  const num = i.kind !== 'text';
  return {
    code: i.code, name: i.name, unit: i.unit, kind: i.kind, parent: i.parent ?? null,
    hasCumulative: !!i.hasCumulative, hasPlan: !!i.plan, planBasis: i.plan ? i.plan.basis : null, hasSamePeriod: !!i.sp,
    compareOn: i.compareOn ?? 'value', samePeriodStyle: i.sp?.style ?? 'change', aggregation: aggregationOf(i), required: i.required,
    min: num ? i.min : null, max: num ? i.max : null, integerOnly: !!i.integerOnly, decimals: i.decimals,
    referenceKeys: i.refs.map((r) => r.key),
  };
}

/**
 * Assigns each paragraph of a report section to the unit that fits it best: 3 points per own indicator quoted in it,
 * 1 per topic keyword, 3 for the section's primary (first-listed) unit; ties go to the earlier-listed unit.
 */
function assignParagraphs(section, unitCodes, indicators) {
  const out = new Map();
  for (const p of section.paragraphs) {
    const text = p.text.toLocaleLowerCase('vi');
    const score = (u) => (u === unitCodes[0] ? 3 : 0) + 3 * indicators.filter((i) => i.supplier === u && i.refs.some((r) => r.located_in === 'body' && p.text.includes(r.source_text))).length
      + (KEYWORDS[u] ?? []).reduce((n, kw) => n + text.split(kw.toLocaleLowerCase('vi')).length - 1, 0);
    const best = unitCodes.reduce((a, u) => (score(u) > score(a) ? u : a), unitCodes[0]);
    out.set(best, [...(out.get(best) ?? []), p.text.replace(/\[\^\d+\]/g, '').replace(/ {2,}/g, ' ').trim()]);
  }
  return out;
}

export function buildForm(reference, notes) {
  const refs = reference.sections.flatMap((s) => s.indicators.map((i) => ({ ...i, sectionId: s.id })));
  const indicators = groupIndicators(refs, notes).map(toIndicator);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  if (byCode.size !== indicators.length) throw new Error('duplicate indicator codes');
  const codeOfKey = new Map(indicators.flatMap((i) => i.refs.map((r) => [r.key, i.code])));
  const dropped = [];
  for (const i of indicators) {
    if (!i.parentKey || i.kind === 'text') continue;
    const p = byCode.get(codeOfKey.get(i.parentKey));
    const why = i.kind !== 'number' || p.kind !== 'number' ? 'không phải số cộng được (chỉ số % thay đổi)'
      : p.supplier !== i.supplier ? `khác đơn vị (${i.supplier} ≠ ${p.supplier})`
        : p.unit !== i.unit ? `khác đơn vị tính (${i.unit} ≠ ${p.unit})`
          : p.hasCumulative !== i.hasCumulative ? 'một chỉ tiêu có lũy kế, một không' : null;
    if (why) dropped.push(`${i.code} → ${p.code}: ${why}`);
    else i.parent = p.code;
  }
  if (dropped.length) notes.push(`Quan hệ "trong đó" của tài liệu tham chiếu không đưa vào "parent" vì: ${dropped.join('; ')}.`);
  notes.push('Đơn vị tính của các loại văn bản con (quyết định cá biệt, kế hoạch, công văn, báo cáo, thông báo kết luận) ghi là "văn bản" để cùng thước đo với tổng số văn bản đi.');

  const sections = [];
  const skipped = [];
  reference.sections.forEach((s) => {
    if (!s.paragraphs.length && !s.indicators.length) return skipped.push(s.id);
    const own = indicators.filter((i) => i.sectionId === s.id);
    const unitCodes = [...new Set([...s.likely_source_department_codes, ...own.map((i) => i.supplier)])];
    const paragraphs = assignParagraphs(s, unitCodes, own);
    const taskNo = s.kind === 'narrative_tasks' ? Number(s.id.split('.')[1]) : null;
    const title = taskNo ? `Nhiệm vụ trọng tâm tháng tới: ${TASK_TITLES[taskNo - 1]}` : sentenceCase(s.heading);
    for (const u of unitCodes) {
      const n = { ...narrative(s.id, u), paragraphs: paragraphs.get(u) ?? [] };
      sections.push({ code: `${s.id}/${u}`, title, reportSection: s.id, units: [u], indicators: [...own.filter((i) => i.supplier === u), n] });
    }
  });
  notes.push(`Các mục chỉ là đề mục (${skipped.join(', ')}: không có đoạn văn, không có số liệu riêng) không có mục biểu mẫu; các mục III.1–III.12 (nhiệm vụ tháng tới) không có tiêu đề trong báo cáo nên tiêu đề mục biểu mẫu được đặt theo nội dung nhiệm vụ.`);
  return { sections, indicators };
}
