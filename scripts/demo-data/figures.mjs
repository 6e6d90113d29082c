// Plans, approved history and May-2024 values that reproduce the reference's derived figures exactly.
import {
  p10, sum, max, min, toScaled, toNumber, toPlain, rescale, floorDiv, pctScaled, fmtVN, rng, scaleBy,
  splitByWeights, splitChildren, solveDecreasing, pickNice,
} from './decimal.mjs';
import { fillLaterMonths, laterMonthFiles } from './later-months.mjs';

const INVENTED_NOTE = 'Số tháng 5 do dữ liệu demo tự sinh (báo cáo chỉ nêu số lũy kế).';
const digits = (v) => (v < 0n ? -v : v).toString().length;
const key = (y, m) => `${y}-${m}`;

function makeNode(ind) {
  return { ind, code: ind.code, d: ind.decimals, int: ind.integerOnly, hasCum: ind.hasCumulative, kids: [], h: new Map() };
}

/** Families = trees of "parent" links; one scale per family so parts and totals add exactly. */
function families(nodes, byCode) {
  for (const n of nodes) { n.kids = []; n.parentNode = n.ind.parent ? byCode.get(n.ind.parent) : null; }
  for (const n of nodes) n.parentNode?.kids.push(n);
  const roots = nodes.filter((n) => !n.parentNode);
  for (const r of roots) {
    const members = [];
    const walk = (n) => { members.push(n); n.kids.forEach(walk); };
    walk(r);
    const nonInt = members.filter((m) => !m.int);
    if (nonInt.length && nonInt.length < members.length) throw new Error(`family ${r.code} mixes counts and amounts`);
    const s24 = Math.max(...members.map((m) => m.d));
    const s23 = nonInt.length ? Math.min(...nonInt.map((m) => m.d + 2)) : 0;
    if (s23 < s24) throw new Error(`family ${r.code}: decimals too far apart`);
    r.members = members;
    for (const m of members) {
      Object.assign(m, { root: r, s24, s23, invented: false });
      m.V = m.ind.value ? toScaled(m.ind.value.v, s24) : null;
      m.C = m.ind.cum ? toScaled(m.ind.cum.v, s24) : null;
    }
  }
  return roots;
}

/** May 2024: invents the month figure of indicators stated only cumulatively, keeping every breakdown valid. */
function planMay(n, problems) {
  if (n.V === null && !n.parentNode) {
    const share = rng(`${n.code}:may`).between(0.17, 0.25);
    n.V = min(scaleBy(n.C, share, p10(n.s24 - n.d), 'round'), n.C);
    n.invented = true;
  }
  if (!n.kids.length) return;
  if (!n.hasCum) {
    if (sum(n.kids.map((k) => k.V)) > n.V) problems.push({ node: n, why: `tổng các phần tháng 5/2024 vượt ${n.code}` });
  } else {
    const sumC = sum(n.kids.map((k) => k.C));
    const fixed = n.kids.filter((k) => k.V !== null), free = n.kids.filter((k) => k.V === null);
    const U = n.V - sum(fixed.map((k) => k.V));
    const L = sumC - (n.C - n.V) - sum(fixed.map((k) => k.V));
    if (sumC > n.C || U < 0n || L > U) {
      problems.push({ node: n, why: `số tháng/lũy kế của các phần vượt ${n.code} (tháng 5 hoặc tháng 1–4/2024)` });
      return;
    }
    if (free.length) {
      const Cfree = sum(free.map((k) => k.C));
      let T = n.C === 0n ? 0n : (Cfree * n.V) / n.C;
      T = min(max(T, max(L, 0n)), min(U, Cfree));
      let u = new Set(free.map((k) => k.d)).size === 1 ? p10(n.s24 - free[0].d) : 1n;
      if (floorDiv(T, u) * u < max(L, 0n)) u = 1n;
      const parts = splitByWeights(floorDiv(T, u), free.map((k) => Number(k.C)));
      free.forEach((k, i) => {
        k.V = parts[i] * u;
        k.invented = true;
        if (k.V > k.C) throw new Error(`invented May value of ${k.code} exceeds its cumulative`);
      });
    }
  }
  n.kids.forEach((k) => planMay(k, problems));
}

/** Base of the same-period comparison at scale s23: May 2023 value, or Jan–May 2023 for compareOn=cumulative. */
function cur23(n) {
  return rescale(n.hasCum && n.ind.compareOn === 'cumulative' ? n.C : n.V, n.s24, n.s23);
}

function interval2023(n) {
  delete n.lo; delete n.hi; n.unreproducible = false;
  const cur = cur23(n);
  if (n.ind.sp) {
    const { style, dec, v } = n.ind.sp;
    const f = (y) => (style === 'change' ? pctScaled(cur - y, y, dec) : pctScaled(cur, y, dec));
    const r = solveDecreasing(f, toScaled(v, dec), cur * 1000n + p10(n.s23 + 3));
    Object.assign(n, { lo: r.lo, hi: r.hi, unreproducible: !r.exact, onHalf: null });
    const num = (style === 'change' ? cur - r.lo : cur) * 100n * p10(dec + 1);
    if (r.exact && r.lo === r.hi && (num / r.lo) % 10n === 5n && num % r.lo === 0n) {
      n.onHalf = `${toPlain(cur, n.s23)} so với ${toPlain(r.lo, n.s23)} = ${toPlain(num / r.lo, dec + 1)}%`;
    }
  } else if (n.ind.absChange) {
    const y = cur - toScaled(n.ind.absChange.v, n.s23);
    if (y > 0n) Object.assign(n, { lo: y, hi: y });
  }
}

/** Chooses the 2023 base of every family member: inside its rounding interval, parts ≤ totals. */
function solve2023(root, problems) {
  root.members.forEach(interval2023);
  const need = (n) => {
    const s = sum(n.kids.map(need));
    n.need = n.lo !== undefined ? max(n.lo, s) : s;
    if (n.hi !== undefined && n.need > n.hi) problems.push({ node: n, why: `tỷ lệ so cùng kỳ của ${n.code} và các phần của nó không thể cùng đúng (năm 2023 tổng các phần > tổng)` });
    return n.need;
  };
  need(root);
  if (problems.length) return;
  const unit = (n) => p10(n.s23 - n.d);
  const pick = (n, hiCap, pref) => {
    if (n.lo !== undefined) return pickNice(n.need, min(n.hi, hiCap), (n.lo + n.hi) / 2n, n.s23 - n.d) ?? n.need;
    return min(max(floorDiv(pref, unit(n)) * unit(n), n.need), hiCap);
  };
  const growth = rng(`${root.code}:yoy`).between(-3, 12);
  root.B = pick(root, p10(40), scaleBy(cur23(root), 100 / (100 + growth), unit(root), 'round'));
  const assign = (n) => {
    let slack = n.B - sum(n.kids.map((k) => k.need));
    const ordered = [...n.kids].sort((a, b) => (a.lo === undefined) - (b.lo === undefined));
    for (const k of ordered) {
      k.B = pick(k, k.need + slack, cur23(n) === 0n ? 0n : (cur23(k) * n.B) / cur23(n));
      slack -= k.B - k.need;
    }
    n.kids.forEach(assign);
  };
  assign(root);
}

/** Month factors relative to May of that year: flows vary ±20 %, season-to-date totals grow until May. */
function monthFactors(root, year) {
  const r = rng(`${root.code}:f${year}`);
  const season = [0.55, 0.75, 0.9, 0.97];
  const f = {};
  for (let m = 1; m <= 12; m++) {
    if (m === 5) f[m] = 1;
    else if (root.ind.scope === 'season') f[m] = m < 5 ? season[m - 1] * r.between(0.97, 1.03) : 1;
    else f[m] = r.between(0.8, 1.2);
  }
  return f;
}

/** Stocks: geometric path through the anchors May 2023 (base), 31/12/2023 (if stated) and May 2024. */
function fillStockPath(n) {
  const anchors = [[5, n.B, n.s23]];
  if (n.ind.decAnchor) {
    const { v, dec } = n.ind.decAnchor;
    const cur = rescale(n.V, n.s24, n.s23);
    const r = solveDecreasing((y) => pctScaled(cur - y, y, dec), toScaled(v, dec), cur * 10n);
    anchors.push([12, pickNice(r.lo, r.hi, (r.lo + r.hi) / 2n, n.s23 - n.d), n.s23]);
  }
  anchors.push([17, n.V, n.s24]);
  const at = (t) => {
    const i = Math.max(0, anchors.findIndex(([t2]) => t2 >= t) - 1);
    const [[t0, v0, s0], [t1, v1, s1]] = [anchors[i], anchors[i + 1]];
    const a = toNumber(v0, s0), b = toNumber(v1, s1);
    return a * (b / a) ** ((t - t0) / (t1 - t0));
  };
  for (let t = 1; t <= 16; t++) {
    const [y, m, s] = t <= 12 ? [2023, t, n.s23] : [2024, t - 12, n.s24];
    const fixed = anchors.find(([ta]) => ta === t);
    n.h.set(key(y, m), fixed ? fixed[1] : toScaled(at(t).toFixed(n.d), s));
  }
}

/** Largest 10^k ≤ 10^kMax dividing all values. */
function commonUnit(values, kMax) {
  for (let k = kMax; k > 0; k--) if (values.every((v) => v % p10(k) === 0n)) return p10(k);
  return 1n;
}

/** Splits each member's total over `months`, parts following the parent's monthly profile. */
function splitFamily(root, months, totalOf, year, seed) {
  const u = commonUnit(root.members.map(totalOf), (year === 2024 ? root.s24 : root.s23) - Math.min(...root.members.map((m) => m.d)));
  const r = rng(`${root.code}:${seed}`);
  const parts = splitByWeights(totalOf(root) / u, months.map(() => r.between(0.8, 1.2)));
  months.forEach((m, i) => root.h.set(key(year, m), parts[i] * u));
  const down = (n) => {
    if (!n.kids.length) return;
    const P = months.map((m) => n.h.get(key(year, m)) / u);
    const res = splitChildren(P, n.kids.map((k) => totalOf(k) / u));
    n.kids.forEach((k, c) => months.forEach((m, i) => k.h.set(key(year, m), res[c][i] * u)));
    n.kids.forEach(down);
  };
  down(root);
}

function fillHistory(root) {
  const M24 = [1, 2, 3, 4], M23a = [1, 2, 3, 4, 5], M23b = [6, 7, 8, 9, 10, 11, 12];
  if (root.hasCum) {
    splitFamily(root, M24, (n) => n.C - n.V, 2024, 'h24');
    splitFamily(root, M23a, (n) => n.B, 2023, 'h23a');
    const u = p10(root.s23 - root.s24);
    root.T7 = scaleBy(root.B, 1.4 * rng(`${root.code}:t7`).between(0.95, 1.2), u, 'round');
    const t7 = (n) => n.kids.forEach((k) => { k.T7 = n.B === 0n ? 0n : floorDiv((n.T7 / u) * k.B, n.B) * u; t7(k); });
    t7(root);
    splitFamily(root, M23b, (n) => n.T7, 2023, 'h23b');
    return;
  }
  if (root.ind.scope === 'as_of_date' && root.members.length === 1) return fillStockPath(root);
  for (const [year, anchor, unit] of [[2024, (n) => n.V, 1n], [2023, (n) => n.B, p10(root.s23 - root.s24)]]) {
    const f = monthFactors(root, year);
    for (let m = 1; m <= (year === 2024 ? 4 : 12); m++) {
      for (const n of root.members) {
        const mode = n === root ? (n.kids.length ? 'ceil' : 'round') : 'floor';
        n.h.set(key(year, m), m === 5 ? anchor(n) : max(0n, scaleBy(anchor(n), f[m], unit, mode)));
      }
    }
  }
}

/** Rates and %-changes: plausible values around the stated one (rates stay within 0–100). */
function fillPercent(n) {
  const r = rng(`${n.code}:pct`);
  n.s24 = n.d; n.s23 = n.ind.sp ? n.d + 2 : n.d;
  n.V = toScaled(n.ind.value.v, n.s24);
  const around = (center, scale, spread) => {
    let x = center + r.between(-spread, spread);
    if (n.ind.rate) x = Math.min(100, Math.max(0, center >= 100 ? 100 - r.between(0, spread) : x));
    return toScaled(x.toFixed(n.d), scale);
  };
  for (let m = 1; m <= 4; m++) n.h.set(key(2024, m), n.ind.rate && n.ind.value.v >= 100 ? n.V : around(n.ind.value.v, n.s24, 1.5));
  if (n.ind.sp) {
    n.C = null; n.hasCum = false;
    interval2023(n);
    n.B = pickNice(n.lo, n.hi, (n.lo + n.hi) / 2n, n.s23 - n.d);
  }
  const c23 = n.B !== undefined ? toNumber(n.B, n.s23) : n.ind.value.v;
  for (let m = 1; m <= 12; m++) n.h.set(key(2023, m), m === 5 && n.B !== undefined ? n.B : around(c23, n.s23, 2));
}

function makePlan(n) {
  const { v, dec, denominator } = n.ind.plan;
  const S = Math.max(n.s24, 2);
  const X = rescale(n.ind.compareOn === 'cumulative' ? n.C : n.V, n.s24, S);
  const f = (p) => pctScaled(X, rescale(p, 2, S), dec);
  const target = toScaled(v, dec);
  let plan;
  if (denominator != null && f(toScaled(denominator, 2)) === target) plan = toScaled(denominator, 2);
  else {
    const r = solveDecreasing(f, target, X * 100000n + 100n);
    if (!r.exact) throw new Error(`no plan reproduces ${n.code} ${v}%`);
    plan = pickNice(r.lo, r.hi, (r.lo + r.hi) / 2n, digits(r.hi));
  }
  const plan23 = scaleBy(plan, rng(`${n.code}:plan23`).between(0.85, 0.98), p10(Math.max(n.int ? 2 : 0, digits(plan) - 3)), 'round');
  return { plan, plan23 };
}

export function buildFigures(form, units2024, notes) {
  const nodes = form.indicators.filter((i) => i.kind !== 'text').map(makeNode);
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const numeric = nodes.filter((n) => n.ind.kind === 'number');
  let roots;
  for (;;) {
    const problems = [];
    roots = families(numeric, byCode);
    roots.forEach((r) => planMay(r, problems));
    if (!problems.length) roots.forEach((r) => solve2023(r, problems));
    if (!problems.length) break;
    for (const { node, why } of problems) {
      for (const k of node.kids) k.ind.parent = null;
      notes.push(`Bỏ liên kết parent của ${node.kids.map((k) => k.code).join(', ')} (→ ${node.code}) vì số liệu tham chiếu vi phạm quy tắc "phần ≤ tổng": ${why}.`);
    }
  }
  roots.forEach(fillHistory);
  nodes.filter((n) => n.ind.kind === 'percent').forEach(fillPercent);

  const plans = { 2024: {}, 2023: {} };
  for (const n of nodes.filter((x) => x.ind.plan)) {
    const { plan, plan23 } = makePlan(n);
    n.plan = plan;
    plans[2024][n.code] = toNumber(plan, 2);
    plans[2023][n.code] = toNumber(plan23, 2);
  }

  const scaleOf = (n, y) => (y === 2024 ? n.s24 : n.s23);
  const history = [];
  for (const u of units2024) {
    const mine = nodes.filter((n) => n.ind.supplier === u && !n.ind.event);
    for (const [y, last] of [[2023, 12], [2024, 4]]) {
      for (let m = 1; m <= last; m++) {
        history.push({ unit: u, year: y, month: m, values: Object.fromEntries(mine.map((n) => [n.code, toNumber(n.h.get(key(y, m)), scaleOf(n, y))])) });
      }
    }
  }
  history.sort((a, b) => units2024.indexOf(a.unit) - units2024.indexOf(b.unit) || a.year - b.year || a.month - b.month);

  const may = [];
  for (const u of units2024) {
    const values = [];
    for (const s of form.sections.filter((x) => x.units[0] === u)) {
      for (const i of s.indicators) {
        const n = byCode.get(i.code);
        if (n) values.push({ indicatorCode: i.code, value: toNumber(n.V, n.s24), note: n.invented ? INVENTED_NOTE : null });
        else if (i.narrative) { if (i.paragraphs.length) values.push({ indicatorCode: i.code, value: i.paragraphs.join('\n\n'), note: null }); }
        else values.push({ indicatorCode: i.code, value: i.text, note: null });
      }
    }
    may.push({ unit: u, values });
  }

  const fixture = [];
  const unreproducible = [];
  const entry = (n, field, f, expected, referenceKey = f.key) => fixture.push({ indicatorCode: n.code, unit: n.ind.supplier, field, expected,
    decimals: f.dec, referenceKey, sourceText: n.ind.refs.find((r) => r.key === referenceKey)?.source_text ?? f.src });
  for (const n of nodes) {
    const i = n.ind;
    if (i.value && !n.invented) entry(n, 'value', i.value, fmtVN(n.V, n.s24, i.value.dec));
    if (i.cum) for (const k of [i.cum.key, ...i.cum.alsoKeys]) entry(n, 'cumulative', i.cum, fmtVN(n.C, n.s24, i.cum.dec), k);
    if (i.plan) for (const k of [i.plan.key, ...(i.cum?.alsoKeys ?? [])]) entry(n, 'planPct', i.plan, fmtVN(toScaled(i.plan.v, i.plan.dec), i.plan.dec), k);
    if (i.sp) {
      const field = i.sp.style === 'ratio' ? 'samePeriodRatioPct' : 'samePeriodChangePct';
      if (n.unreproducible) unreproducible.push(`${n.code} (${i.sp.key}): "${i.sp.src}" — không có giá trị cùng kỳ ${n.int ? 'nguyên ' : ''}nào cho đúng ${fmtVN(toScaled(i.sp.v, i.sp.dec), i.sp.dec)}%; dữ liệu demo dùng giá trị gần nhất và không đưa vào fixture.`);
      else entry(n, field, i.sp, fmtVN(toScaled(i.sp.v, i.sp.dec), i.sp.dec));
    }
  }
  for (const n of nodes.filter((x) => x.ind.sp && x.onHalf)) {
    notes.push(`${n.code}: giá trị cùng kỳ nguyên duy nhất cho ra đúng ${fmtVN(toScaled(n.ind.sp.v, n.ind.sp.dec), n.ind.sp.dec)}% nằm đúng ranh giới làm tròn (${n.onHalf}); phải làm tròn nửa lên (ROUND_HALF_UP, ra xa 0) bằng số thập phân chính xác.`);
  }
  fillLaterMonths(roots, nodes.filter((n) => n.ind.kind === 'percent'));
  const later = laterMonthFiles(form, units2024, byCode);
  return { plans, history, may, fixture, unreproducible, later };
}
