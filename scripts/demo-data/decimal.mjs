// Exact decimal helpers for the demo-data generator: figures are BigInt counts of 10^-scale,
// rounding is half away from zero (what decimal.js ROUND_HALF_UP does in the app).

export const p10 = (n) => 10n ** BigInt(n);
export const sum = (xs) => xs.reduce((a, b) => a + b, 0n);
export const max = (a, b) => (a > b ? a : b);
export const min = (a, b) => (a < b ? a : b);
export const abs = (a) => (a < 0n ? -a : a);

/** "710.83" | 710.83 → 71083n at scale 2. Throws if the figure has more decimals than scale. */
export function toScaled(x, scale) {
  let s = typeof x === 'number' ? numberToPlain(x) : String(x).trim();
  const neg = s.startsWith('-');
  if (neg || s.startsWith('+')) s = s.slice(1);
  const [i, f = ''] = s.split('.');
  const frac = f.replace(/0+$/, '');
  if (frac.length > scale) throw new Error(`${x} has more than ${scale} decimals`);
  const v = BigInt(i || '0') * p10(scale) + BigInt((frac + '0'.repeat(scale)).slice(0, scale) || '0');
  return neg ? -v : v;
}

function numberToPlain(n) {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(12).replace(/\.?0+$/, '');
}

export function decimalsOfNumber(x) {
  const f = numberToPlain(x).split('.')[1] ?? '';
  return f.replace(/0+$/, '').length;
}

/** Plain decimal string, trailing zeros trimmed ("812.5"). */
export function toPlain(v, scale) {
  const neg = v < 0n;
  const a = abs(v).toString().padStart(scale + 1, '0');
  const i = a.slice(0, a.length - scale);
  const f = scale ? a.slice(a.length - scale).replace(/0+$/, '') : '';
  return (neg ? '-' : '') + i + (f ? '.' + f : '');
}

export const toNumber = (v, scale) => Number(toPlain(v, scale));

/** Change the scale; going coarser must be exact. */
export function rescale(v, from, to) {
  if (to >= from) return v * p10(to - from);
  const d = p10(from - to);
  if (v % d !== 0n) throw new Error(`cannot rescale ${toPlain(v, from)} to ${to} decimals`);
  return v / d;
}

/** n/d rounded half away from zero (d ≠ 0). */
export function divRound(n, d) {
  if (d < 0n) { n = -n; d = -d; }
  const q = n / d, r = n % d;
  if (2n * abs(r) >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

export function floorDiv(n, d) {
  const q = n / d;
  return n % d !== 0n && (n < 0n) !== (d < 0n) ? q - 1n : q;
}

export const ceilDiv = (n, d) => -floorDiv(-n, d);

/** round(n / d × 100, decimals) as a BigInt at that scale: the % the app prints. */
export const pctScaled = (n, d, decimals) => divRound(n * 100n * p10(decimals), d);

/** Vietnamese format: "." thousands, "," decimals, exactly `decimals` places (value already at `scale`). */
export function fmtVN(v, scale, decimals = scale) {
  const r = decimals >= scale ? v * p10(decimals - scale) : divRound(v, p10(scale - decimals));
  const neg = r < 0n;
  const a = abs(r).toString().padStart(decimals + 1, '0');
  const i = a.slice(0, a.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const f = decimals ? ',' + a.slice(a.length - decimals) : '';
  return (neg && r !== 0n ? '-' : '') + i + f;
}

/** Numbers printed in Vietnamese text: [{raw, value (plain string), decimals, pct}] */
export function vnTokens(text) {
  const out = [];
  const re = /\d+(?:\.\d{3})*(?:,\d+)?/g;
  let m;
  while ((m = re.exec(text))) {
    const raw = m[0];
    const [i, f = ''] = raw.split(',');
    out.push({
      raw,
      value: i.replace(/\./g, '') + (f ? '.' + f : ''),
      decimals: f.length,
      pct: /^\s*%/.test(text.slice(m.index + raw.length)),
    });
  }
  return out;
}

/** Decimals with which `value` is printed in `text` (optionally only tokens followed by %). */
export function printedDecimals(text, value, { pct = false } = {}) {
  if (value === null || value === undefined) return null;
  const want = toScaled(Math.abs(value), 8);
  const hit = vnTokens(text ?? '').find((t) => (!pct || t.pct) && toScaled(t.value, 8) === want);
  return hit ? hit.decimals : null;
}

/** Deterministic PRNG (mulberry32) seeded from a string. */
export function rng(seedText) {
  let h = 2166136261;
  for (const ch of seedText) h = Math.imul(h ^ ch.codePointAt(0), 16777619);
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, between: (lo, hi) => lo + (hi - lo) * next() };
}

/** Multiply a scaled value by a float factor, rounding down to a multiple of `unit`. */
export function scaleBy(v, factor, unit = 1n, mode = 'floor') {
  const f = BigInt(Math.round(factor * 1e6));
  const n = v * f, d = 1000000n * unit;
  const q = mode === 'ceil' ? ceilDiv(n, d) : mode === 'round' ? divRound(n, d) : floorDiv(n, d);
  return q * unit;
}

/** Split total T (≥ 0) into parts proportional to float weights (largest remainder). */
export function splitByWeights(T, weights) {
  const top = Math.max(...weights.map(Number));
  const W = weights.map((w) => BigInt(Math.max(1, Math.round((Number(w) / (top || 1)) * 1e9))));
  const sw = sum(W);
  const parts = W.map((w) => (T * w) / sw);
  let rem = T - sum(parts);
  const order = W.map((w, i) => ({ i, r: (T * w) % sw })).sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (let k = 0; rem > 0n; k++, rem--) parts[order[k % order.length].i] += 1n;
  return parts;
}

/**
 * Split each child's total over the months following the parent's monthly profile P so that, in every
 * month, the children add up to at most the parent. Requires sum(childTotals) ≤ sum(P).
 */
export function splitChildren(P, childTotals) {
  const Rp = sum(P);
  const slack = P.slice();
  const res = childTotals.map((Rc) => {
    if (Rp === 0n && Rc !== 0n) throw new Error('children need a non-empty parent');
    const parts = P.map((Pm) => (Rp === 0n ? 0n : (Rc * Pm) / Rp));
    parts.forEach((x, m) => (slack[m] -= x));
    return parts;
  });
  childTotals.forEach((Rc, c) => {
    const order = P.map((Pm, m) => ({ m, r: Rp === 0n ? 0n : (Rc * Pm) % Rp })).sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.m - b.m));
    for (let rem = Rc - sum(res[c]); rem > 0n; rem--) {
      const slot = order.find((o) => slack[o.m] > 0n);
      if (!slot) throw new Error('children exceed the parent');
      res[c][slot.m] += 1n;
      slack[slot.m] -= 1n;
    }
  });
  return res;
}

/**
 * The y in [1, hi] with f(y) === target, for f non-increasing in y: {lo, hi, exact: true}.
 * When no y hits the target, the y whose f(y) is closest: {lo: y, hi: y, exact: false}.
 */
export function solveDecreasing(f, target, hi) {
  const firstAtMost = (t) => {
    let lo = 1n, h = hi;
    if (f(h) > t) return hi + 1n;
    while (lo < h) {
      const mid = (lo + h) / 2n;
      if (f(mid) <= t) h = mid; else lo = mid + 1n;
    }
    return lo;
  };
  const a = firstAtMost(target);
  const b = firstAtMost(target - 1n) - 1n;
  if (a <= b && a <= hi) return { lo: a, hi: b, exact: true };
  const cands = [a - 1n, a].filter((y) => y >= 1n && y <= hi);
  const y = cands.reduce((p, c) => (abs(f(c) - target) < abs(f(p) - target) ? c : p));
  return { lo: y, hi: y, exact: false };
}

/** Value in [lo, hi] on the coarsest grid (multiples of 10^k, k ≤ maxK) closest to `pref`. */
export function pickNice(lo, hi, pref, maxK) {
  for (let k = maxK; k >= 0; k--) {
    const u = p10(k);
    const first = ceilDiv(lo, u) * u;
    if (first > hi) continue;
    const last = floorDiv(hi, u) * u;
    const c = min(max(divRound(pref, u) * u, first), last);
    return c;
  }
  return null;
}
