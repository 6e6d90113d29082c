import { dec, Dec } from './decimal';
import { deriveFigures, DerivationRule, PeriodFigure } from './derived';
import { formatNumber } from './vn-number';

const fig = (value: string | null, entered: string | null = null): PeriodFigure => ({
  value: value === null ? null : dec(value),
  enteredCumulative: entered === null ? null : dec(entered),
});
const months = (...values: Array<string | null>) => new Map(values.map((v, i) => [i + 1, fig(v)] as [number, PeriodFigure]));
const rule = (over: Partial<DerivationRule> = {}): DerivationRule => ({
  hasCumulative: true,
  hasPlan: true,
  hasSamePeriod: true,
  compareOn: 'cumulative',
  ...over,
});
const show = (d: Dec | null, decimals: number) => (d === null ? null : formatNumber(d, { decimals }));

describe('deriveFigures', () => {
  it('reproduces "Trồng rừng mới … 710,83 ha, lũy kế 5 tháng 5.000 ha, đạt 55,5% kế hoạch"', () => {
    const out = deriveFigures({
      rule: rule({ hasSamePeriod: false }),
      periodNumber: 5,
      current: fig('710.83'),
      earlier: months('1200', '1100.17', '1000', '989'),
      lastYear: new Map(),
      annualPlan: dec(9009),
    });
    expect(show(out.cumulative, 0)).toBe('5.000');
    expect(out.cumulativeSource).toBe('computed');
    expect(show(out.planPct, 1)).toBe('55,5');
    expect(out.samePeriodChangePct).toBeNull();
  });

  it('sums decimals exactly (0,1 + 0,2 = 0,3)', () => {
    const out = deriveFigures({
      rule: rule(),
      periodNumber: 2,
      current: fig('0.2'),
      earlier: months('0.1'),
      lastYear: months('0.1', '0.2'),
      annualPlan: dec('0.6'),
    });
    expect(out.cumulative!.toFixed()).toBe('0.3');
    expect(out.planPct!.toFixed()).toBe('50');
    expect(out.samePeriodChangePct!.toFixed()).toBe('0');
  });

  it('uses the entered cumulative when earlier months are missing, and flags disagreement', () => {
    const missing = deriveFigures({
      rule: rule(),
      periodNumber: 3,
      current: fig('10', '35'),
      earlier: months('10'),
      lastYear: new Map(),
      annualPlan: null,
    });
    expect(missing.cumulative!.toFixed()).toBe('35');
    expect(missing.cumulativeSource).toBe('entered');
    expect(missing.cumulativeMismatch).toBe(false);
    expect(missing.planPct).toBeNull();

    const both = deriveFigures({
      rule: rule(),
      periodNumber: 2,
      current: fig('10', '25'),
      earlier: months('10'),
      lastYear: new Map(),
      annualPlan: null,
    });
    expect(both.cumulative!.toFixed()).toBe('20');
    expect(both.cumulativeMismatch).toBe(true);
  });

  it('compares the month figure with the same month last year when compareOn is value', () => {
    const out = deriveFigures({
      rule: rule({ compareOn: 'value', hasCumulative: false, hasPlan: false }),
      periodNumber: 5,
      current: fig('56945'),
      earlier: new Map(),
      lastYear: new Map([[5, fig('62620')]]),
      annualPlan: null,
    });
    expect(show(out.samePeriodChangePct, 2)).toBe('-9,06');
    expect(show(out.samePeriodRatioPct, 1)).toBe('90,9');
    expect(out.cumulative).toBeNull();
  });

  it('compares cumulatives with last year’s cumulative, from its months or its entered figure', () => {
    const base = {
      rule: rule({ hasPlan: false }),
      periodNumber: 2,
      current: fig('30'),
      earlier: months('20'),
      annualPlan: null,
    };
    expect(deriveFigures({ ...base, lastYear: months('10', '30') }).samePeriodChangePct!.toFixed()).toBe('25');
    expect(
      deriveFigures({ ...base, lastYear: new Map([[2, fig('30', '40')]]) }).samePeriodChangePct!.toFixed(),
    ).toBe('25');
  });

  it('leaves figures null where they are unknown or the base is zero', () => {
    const out = deriveFigures({
      rule: rule(),
      periodNumber: 1,
      current: fig(null),
      earlier: new Map(),
      lastYear: months('0'),
      annualPlan: dec(0),
    });
    expect(out).toMatchObject({ cumulative: null, planPct: null, samePeriodChangePct: null, samePeriodRatioPct: null });
  });
});
