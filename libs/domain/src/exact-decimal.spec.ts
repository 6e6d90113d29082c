import { Dec, dec } from './decimal';
import { deriveExactFigures, deriveFigures, DerivationRule, percentOf, PeriodFigure } from './derived';
import { equals, ExactValue, Fixed, lessHundred, parseExact, percent, Percent, plus, provenanceValue } from './exact-decimal';
import { formatNumber } from './vn-number';
import { seededRandom } from '../../../test/support/seeded-random';

const rnd = seededRandom(20240531);
const int = (n: number) => Math.floor(rnd() * n);
const digits = (n: number) => Array.from({ length: n }, () => int(10)).join('');

/** A stored figure as Postgres prints numeric(24,6): up to 16 integer digits, 0–6 decimals, trailing zeros, negatives. */
function figureText(): string {
  const pick = rnd();
  const intDigits = pick < 0.1 ? 0 : pick < 0.2 ? 14 + int(3) : 1 + int(9);
  const decimals = int(7);
  const intPart = intDigits === 0 ? '0' : String(1 + int(9)) + digits(intDigits - 1);
  const frac = decimals === 0 ? '' : `.${digits(decimals)}${rnd() < 0.3 ? '000' : ''}`;
  const text = `${intPart}${frac}`;
  return rnd() < 0.2 && /[1-9]/.test(text) ? `-${text}` : text; // Postgres never prints a negative zero
}

/** Figures that sit on rounding boundaries: x.xx5, x.5, with the decimals printed one fewer. */
function tieText(): string {
  const decimals = 1 + int(5);
  return `${rnd() < 0.3 ? '-' : ''}${int(100_000)}.${digits(decimals - 1)}5`; // never zero: it ends in 5
}

const HALF_UP = Dec.ROUND_HALF_UP;
const same = (exact: ExactValue, reference: Dec, label: string) => {
  for (let d = 0; d <= 6; d++) {
    const got = exact.toFixed(d, HALF_UP);
    const want = reference.toFixed(d, HALF_UP);
    if (got !== want) throw new Error(`${label}: toFixed(${d}) ${got} ≠ decimal.js ${want}`);
    const gotAbs = exact.abs().toFixed(d, HALF_UP);
    const wantAbs = reference.abs().toFixed(d, HALF_UP);
    if (gotAbs !== wantAbs) throw new Error(`${label}: abs().toFixed(${d}) ${gotAbs} ≠ decimal.js ${wantAbs}`);
    if (formatNumber(exact, { decimals: d }) !== formatNumber(reference, { decimals: d })) throw new Error(`${label}: formatNumber(${d})`);
  }
  // decimal.js has a negative zero (0 / -5); nothing prints its sign, and a stored numeric is never one
  expect([label, exact.isZero(), !exact.isZero() && exact.isNegative()]).toEqual([label, reference.isZero(), !reference.isZero() && reference.isNegative()]);
};

describe('exact decimals against decimal.js', () => {
  it('parses stored figures exactly, falling back to decimal.js beyond 15 digits', () => {
    for (let i = 0; i < 6_000; i++) {
      const text = i % 3 === 0 ? tieText() : figureText();
      const exact = parseExact(text);
      const reference = dec(text);
      expect(exact.toFixed()).toBe(reference.toFixed());
      same(exact, reference, text);
    }
    expect(parseExact('1234.500000')).toEqual(new Fixed(12345, 1));
    expect(parseExact('12345678901234567.5')).toBeInstanceOf(Dec);
    expect(parseExact('1e5')).toBeInstanceOf(Dec);
  });

  it('rounds x.xx5 half away from zero as formatNumber does', () => {
    expect(formatNumber(parseExact('710.825'), { decimals: 2 })).toBe('710,83');
    expect(formatNumber(parseExact('-710.825'), { decimals: 2 })).toBe('-710,83');
    expect(formatNumber(parseExact('0.05'), { decimals: 1 })).toBe('0,1');
    expect(formatNumber(parseExact('-0.04'), { decimals: 1 })).toBe('0,0');
    expect(formatNumber(parseExact('47393'), { decimals: 0 })).toBe('47.393');
  });

  it('adds and compares exactly, also where the sum leaves the safe integers', () => {
    for (let i = 0; i < 10_000; i++) {
      const a = figureText();
      const b = i % 4 === 0 ? a : figureText();
      const sum = plus(parseExact(a), parseExact(b));
      expect(sum.toFixed()).toBe(dec(a).plus(dec(b)).toFixed());
      expect(equals(parseExact(a), parseExact(b))).toBe(dec(a).eq(dec(b)));
    }
    expect(plus(parseExact('9007199254740991'), parseExact('1'))).toBeInstanceOf(Dec);
    expect(equals(parseExact('1.50'), parseExact('1.5'))).toBe(true);
  });

  it('prints a percentage and its change from the same quotient as decimal.js, ties included', () => {
    let ties = 0;
    for (let i = 0; i < 9_000; i++) {
      let part: string;
      let whole: string;
      if (i % 3 === 0) {
        // part / whole × 100 lands exactly on a tie such as 97,85 or 12,5
        const decimals = int(3);
        const tie = dec(`${int(300)}${decimals ? `.${digits(decimals - 1)}` : ''}5`.replace(/^(\d+)5$/, '$1.5'));
        whole = String(1 + int(100_000));
        part = tie.times(whole).div(100).toFixed();
        if (rnd() < 0.3) part = `-${part}`;
        ties++;
      } else {
        part = figureText();
        whole = rnd() < 0.1 ? `-${figureText().replace('-', '')}` : figureText();
      }
      if (dec(whole).isZero()) continue;
      const ratio = percent(parseExact(part), parseExact(whole))!;
      const reference = percentOf(dec(part), dec(whole))!;
      same(ratio, reference, `${part} / ${whole}`);
      const change = lessHundred(ratio);
      const changeReference = reference.minus(100);
      same(change, changeReference, `${part} / ${whole} − 100`);
      expect(provenanceValue(ratio)).toBe(provenanceValue(reference));
      expect(provenanceValue(change)).toBe(provenanceValue(changeReference));
    }
    expect(ties).toBe(3_000);
    expect(percent(parseExact('5'), parseExact('0'))).toBeNull();
    expect(percent(parseExact('1'), parseExact('8'))).toEqual(new Percent(100, 8));
    expect(formatNumber(percent(parseExact('1'), parseExact('8'))!, { decimals: 0 })).toBe('13');
    expect(formatNumber(lessHundred(percent(parseExact('7'), parseExact('8'))!).abs(), { decimals: 0 })).toBe('13');
  });

  it('keeps provenance short: the figure as entered, a percentage to 10 decimals', () => {
    expect(provenanceValue(parseExact('710.830000'))).toBe('710.83');
    expect(percentOf(dec(5000), dec(9009))!.toFixed()).toBe('55.5000555000555000555000555000555000555');
    expect(provenanceValue(percent(parseExact('5000'), parseExact('9009'))!)).toBe('55.5000555001');
    expect(provenanceValue(percentOf(dec(5000), dec(9009))!)).toBe('55.5000555001');
    expect(provenanceValue(percent(parseExact('1'), parseExact('4'))!)).toBe('25');
  });
});

describe('deriveExactFigures', () => {
  const rules: DerivationRule[] = [];
  for (const hasCumulative of [true, false])
    for (const compareOn of ['value', 'cumulative'] as const) rules.push({ hasCumulative, hasPlan: true, hasSamePeriod: true, compareOn });

  it('derives what deriveFigures derives, on random histories with gaps and typed cumulatives', () => {
    for (let i = 0; i < 1_500; i++) {
      const n = 1 + int(12);
      const texts = () => new Map(Array.from({ length: n }, (_, k) => [k + 1, rnd() < 0.05 ? null : figureText()] as const));
      const thisYear = texts();
      const lastYear = texts();
      const entered = rnd() < 0.3 ? figureText() : null;
      const plan = rnd() < 0.1 ? '0' : figureText();
      const asDec = (m: Map<number, string | null>) => new Map([...m].map(([k, v]) => [k, { value: v === null ? null : dec(v), enteredCumulative: k === 1 && entered ? dec(entered) : null } as PeriodFigure]));
      const asExact = (m: Map<number, string | null>) =>
        new Map([...m].map(([k, v]) => [k, { value: v === null ? null : parseExact(v), enteredCumulative: k === 1 && entered ? parseExact(entered) : null } as PeriodFigure<ExactValue>]));
      const rule = rules[i % rules.length];
      const current = thisYear.get(n) ?? null;
      const reference = deriveFigures({
        rule, periodNumber: n, current: { value: current === null ? null : dec(current), enteredCumulative: entered ? dec(entered) : null },
        earlier: asDec(thisYear), lastYear: asDec(lastYear), annualPlan: dec(plan),
      });
      const exact = deriveExactFigures({
        rule, periodNumber: n, current: { value: current === null ? null : parseExact(current), enteredCumulative: entered ? parseExact(entered) : null },
        earlier: asExact(thisYear), lastYear: asExact(lastYear), annualPlan: parseExact(plan),
      });
      expect([exact.cumulativeSource, exact.cumulativeMismatch]).toEqual([reference.cumulativeSource, reference.cumulativeMismatch]);
      for (const key of ['cumulative', 'computedCumulative', 'planPct', 'samePeriodChangePct', 'samePeriodRatioPct', 'samePeriodBase'] as const) {
        const got = exact[key];
        const want = reference[key];
        expect([key, got === null]).toEqual([key, want === null]);
        if (got && want) {
          same(got, want, `${key} #${i}`);
          expect(provenanceValue(got)).toBe(provenanceValue(want));
        }
      }
    }
  });
});
