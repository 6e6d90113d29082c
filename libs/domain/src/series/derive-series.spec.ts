import { dec, Dec } from '../decimal';
import { decimalTextOrNull } from '../decimal-text';
import { DerivationRule, deriveFigures, PeriodFigure } from '../derived';
import { exactOrNull, parseExact } from '../exact-decimal';
import { ApprovedFigure, deriveExactSeries, deriveSeries } from './derive-series';
import { lastMonths, monthsBetween, parseYearMonth } from './month-range';

const forest: DerivationRule = { hasCumulative: true, hasPlan: true, hasSamePeriod: true, compareOn: 'cumulative' };
const fig = (year: number, month: number, value: string, enteredCumulative: string | null = null): ApprovedFigure<string> => ({
  year, month, value: dec(value), enteredCumulative: enteredCumulative === null ? null : dec(enteredCumulative), source: `s-${year}-${month}`,
});

describe('deriveSeries', () => {
  const figures = [
    fig(2023, 1, '900'), fig(2023, 2, '1000'), fig(2023, 3, '950'), fig(2023, 4, '800'), fig(2023, 5, '700'),
    fig(2024, 1, '1200'), fig(2024, 2, '1100.17'), fig(2024, 3, '1000'), fig(2024, 4, '989'), fig(2024, 5, '710.83'),
  ];
  const plans = new Map<number, Dec>([[2024, dec(9009)]]);
  const points = deriveSeries(forest, figures, plans, { year: 2024, month: 1 }, { year: 2024, month: 6 });

  it('gives each month the cumulative, % of plan and % vs same period that deriveFigures gives the submission view', () => {
    const may = points[4];
    const history = (year: number, below: number) =>
      new Map<number, PeriodFigure>(figures.filter((f) => f.year === year && f.month <= below).map((f) => [f.month, f]));
    const expected = deriveFigures({
      rule: forest, periodNumber: 5, current: figures[9], earlier: history(2024, 4), lastYear: history(2023, 5), annualPlan: dec(9009),
    });
    expect(decimalTextOrNull(may.derived!.cumulative)).toBe('5000');
    expect(decimalTextOrNull(may.derived!.planPct)).toBe(decimalTextOrNull(expected.planPct));
    expect(decimalTextOrNull(may.derived!.samePeriodChangePct)).toBe(decimalTextOrNull(expected.samePeriodChangePct));
    expect(may.source).toBe('s-2024-5');
  });

  it('leaves a month without an approved figure empty, with its plan', () => {
    expect(points[5]).toEqual({ year: 2024, month: 6, value: null, derived: null, plan: dec(9009), source: null });
  });

  it('gives the same figures on exact arithmetic as on decimal.js, to the last decimal', () => {
    const exact = deriveExactSeries(
      forest,
      figures.map((f) => ({ ...f, value: exactOrNull(f.value!.toFixed()), enteredCumulative: null })),
      new Map([[2024, parseExact('9009')]]),
      { year: 2024, month: 1 },
      { year: 2024, month: 6 },
    );
    const texts = (p: { value: unknown; derived: Record<string, unknown> | null }) =>
      [p.value, p.derived?.cumulative, p.derived?.planPct, p.derived?.samePeriodChangePct, p.derived?.samePeriodRatioPct].map((v) => decimalTextOrNull(v as never));
    expect(exact.map((p) => texts(p as never))).toEqual(points.map((p) => texts(p as never)));
  });

  it('takes a typed cumulative where the earlier months are not in the system', () => {
    const [p] = deriveSeries(forest, [fig(2023, 5, '700', '4200')], new Map(), { year: 2023, month: 5 }, { year: 2023, month: 5 });
    expect(p.derived!.cumulativeSource).toBe('entered');
    expect(decimalTextOrNull(p.derived!.cumulative)).toBe('4200');
  });
});

describe('month ranges', () => {
  it('parses YYYY-MM and refuses anything else', () => {
    expect(parseYearMonth('2024-05', 'to')).toEqual({ year: 2024, month: 5 });
    for (const bad of ['2024-5', '2024-13', '24-05', '2024-05-01']) expect(() => parseYearMonth(bad, 'from')).toThrow(/YYYY-MM/);
  });
  it('spans years, refuses reversed or too long ranges', () => {
    expect(monthsBetween({ year: 2023, month: 11 }, { year: 2024, month: 2 }).map((m) => m.month)).toEqual([11, 12, 1, 2]);
    expect(() => monthsBetween({ year: 2024, month: 2 }, { year: 2024, month: 1 })).toThrow();
    expect(() => monthsBetween({ year: 2000, month: 1 }, { year: 2024, month: 1 })).toThrow();
    expect(lastMonths({ year: 2024, month: 5 }, 24)[0]).toEqual({ year: 2022, month: 6 });
  });
});
