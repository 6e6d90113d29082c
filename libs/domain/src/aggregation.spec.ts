import { aggregateWith, AggregationRule, deriveExactPeriodFigures, derivePeriodFigures, MonthFigure } from './aggregation';
import { decimalJs } from './arithmetic';
import { dec, Dec } from './decimal';
import { deriveFigures } from './derived';
import { parseExact } from './exact-decimal';

/** month → figure, from a list starting at `from` (null: the month is not approved) */
const months = (from: number, ...values: Array<string | null>): Map<number, MonthFigure> =>
  new Map(values.map((v, i) => [from + i, { value: v === null ? null : dec(v), enteredCumulative: null, ref: `s${from + i}` }]));
const rule = (over: Partial<AggregationRule>): AggregationRule => ({ aggregation: 'flow', hasCumulative: false, hasPlan: false, hasSamePeriod: false, compareOn: 'value', ...over });
const text = (d: Dec | null) => (d === null ? null : d.toFixed());
const Q2 = { first: 4, last: 6 };
const H1 = { first: 1, last: 6 };

describe('aggregation rules (hand-computed)', () => {
  describe('flow: the sum of the months', () => {
    it('sums the quarter’s three months exactly: 100 + 120,5 + 79,5 = 300', () => {
      const a = aggregateWith(decimalJs, 'flow', Q2, months(4, '100', '120.5', '79.5'));
      expect(text(a.value)).toBe('300');
      expect(a.months).toEqual([4, 5, 6]);
    });

    it('is unknown when a month is missing, and says which', () => {
      const a = aggregateWith(decimalJs, 'flow', Q2, months(4, '100', null, '79.5'));
      expect(a.value).toBeNull();
      expect(a.missing).toEqual([5]);
    });

    it('gives the half-year its figure, cumulative, % of plan and % vs same period', () => {
      // 10+20+30+40+50+60 = 210; plan 420 → 50%; last year 6 × 10 = 60 → bằng 350%, tăng 250%
      const d = derivePeriodFigures({
        rule: rule({ hasCumulative: true, hasPlan: true, hasSamePeriod: true, compareOn: 'cumulative' }),
        months: H1,
        thisYear: months(1, '10', '20', '30', '40', '50', '60'),
        lastYear: months(1, '10', '10', '10', '10', '10', '10'),
        annualPlan: dec(420),
      });
      expect([text(d.value), text(d.cumulative), text(d.planPct), text(d.samePeriodRatioPct), text(d.samePeriodChangePct)]).toEqual(['210', '210', '50', '350', '250']);
      expect(d.valueMonths).toEqual([1, 2, 3, 4, 5, 6]);
      expect(d.basisMonths).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('gives the second quarter its three months and the cumulative its six', () => {
      // Q2 = 40+50+60 = 150; Jan–Jun = 210; plan 600: on the cumulative 35%, on the quarter 25%
      const input = { months: Q2, thisYear: months(1, '10', '20', '30', '40', '50', '60'), lastYear: months(1, '5', '5', '5', '25', '25', '25'), annualPlan: dec(600) };
      const onCumulative = derivePeriodFigures({ ...input, rule: rule({ hasCumulative: true, hasPlan: true, hasSamePeriod: true, compareOn: 'cumulative' }) });
      expect([text(onCumulative.value), text(onCumulative.cumulative), text(onCumulative.planPct)]).toEqual(['150', '210', '35']);
      // last year Jan–Jun = 90: 210 / 90 = 233,33…%
      expect(onCumulative.samePeriodRatioPct!.toFixed(4)).toBe('233.3333');
      const onQuarter = derivePeriodFigures({ ...input, rule: rule({ hasCumulative: true, hasPlan: true, hasSamePeriod: true, compareOn: 'value' }) });
      expect(text(onQuarter.planPct)).toBe('25');
      // last year's Q2 = 75: 150 / 75 = 200% → tăng 100%
      expect(text(onQuarter.samePeriodChangePct)).toBe('100');
      expect(onQuarter.basisMonths).toEqual([4, 5, 6]);
    });

    it('falls back on the cumulative typed with the last month when earlier months are not in the system', () => {
      const thisYear = months(1, null, null, '30');
      thisYear.get(3)!.enteredCumulative = dec(75);
      const d = derivePeriodFigures({ rule: rule({ hasCumulative: true }), months: { first: 1, last: 3 }, thisYear, lastYear: new Map(), annualPlan: null });
      expect(d.value).toBeNull();
      expect(text(d.cumulative)).toBe('75');
      expect(d.cumulativeSource).toBe('entered');
      expect(d.cumulativeMonths).toEqual([3]);
    });

    it('gives a month what deriveFigures gives it', () => {
      const thisYear = months(1, '1200', '1100.17', '1000', '989', '710.83');
      const lastYear = months(1, '900', '900', '900', '900', '900');
      const r = rule({ hasCumulative: true, hasPlan: true, hasSamePeriod: true, compareOn: 'cumulative' });
      const d = derivePeriodFigures({ rule: r, months: { first: 5, last: 5 }, thisYear, lastYear, annualPlan: dec(9009) });
      const m = deriveFigures({ rule: r, periodNumber: 5, current: thisYear.get(5)!, earlier: thisYear, lastYear, annualPlan: dec(9009) });
      expect([text(d.value), text(d.cumulative), text(d.planPct), text(d.samePeriodChangePct)]).toEqual(['710.83', text(m.cumulative), text(m.planPct), text(m.samePeriodChangePct)]);
      expect(text(d.cumulative)).toBe('5000');
    });
  });

  describe('stock: the value at the end of the period', () => {
    it('takes June’s herd for the half-year, and compares it with last June', () => {
      // 56.945 head at the end of June 2024 against 62.620 a year earlier: −9,06%
      const d = derivePeriodFigures({
        rule: rule({ aggregation: 'stock', hasSamePeriod: true }),
        months: H1,
        thisYear: months(1, '58000', '57800', '57500', '57300', '57100', '56945'),
        lastYear: months(1, '63000', '62900', '62800', '62700', '62650', '62620'),
        annualPlan: null,
      });
      expect(text(d.value)).toBe('56945');
      expect(d.valueMonths).toEqual([6]);
      expect(d.samePeriodChangePct!.toFixed(2)).toBe('-9.06');
    });

    it('is unknown when the last month is not there', () => {
      expect(aggregateWith(decimalJs, 'stock', Q2, months(4, '5', '6', null))).toEqual({ value: null, months: [], missing: [6] });
    });
  });

  describe('average: the mean of the months', () => {
    it('averages the quarter’s CPI changes: (3,1 + 3,5 + 4,0) / 3 = 3,5333…', () => {
      const a = aggregateWith(decimalJs, 'average', Q2, months(4, '3.1', '3.5', '4.0'));
      expect(a.value!.toFixed(10)).toBe('3.5333333333');
      expect(a.months).toEqual([4, 5, 6]);
    });

    it('gives the same quotient in exact arithmetic, rounded once for print', () => {
      const exactMonths = new Map([4, 5, 6].map((m, i) => [m, { value: parseExact(['3.1', '3.5', '4.0'][i]), enteredCumulative: null, ref: m }]));
      const d = deriveExactPeriodFigures({ rule: rule({ aggregation: 'average' }), months: Q2, thisYear: exactMonths, lastYear: new Map(), annualPlan: null });
      expect(d.value!.toFixed(10)).toBe('3.5333333333');
      expect(d.value!.toFixed(1)).toBe('3.5');
    });

    it('is unknown when a month is missing', () => {
      expect(aggregateWith(decimalJs, 'average', Q2, months(4, '3.1', null, '4.0')).value).toBeNull();
    });
  });

  describe('to date: the last reported figure', () => {
    it('takes the latest month that reported: August when September is not in', () => {
      const a = aggregateWith(decimalJs, 'to_date', { first: 1, last: 9 }, months(1, '1', '2', '3', '4', '5', '6', '7', '8.25', null));
      expect(text(a.value)).toBe('8.25');
      expect(a.months).toEqual([8]);
    });

    it('takes the last month when it reported (IIP since January, as the statistics office gives it)', () => {
      expect(text(aggregateWith(decimalJs, 'to_date', Q2, months(4, '6.1', '5.9', '6.3')).value)).toBe('6.3');
    });

    it('is unknown when no month of the period reported', () => {
      expect(aggregateWith(decimalJs, 'to_date', Q2, months(1, '1', '2', '3')).value).toBeNull();
    });
  });

  describe('period: entered for the period by its unit', () => {
    it('takes the entered figure, never the months, and compares it with the plan and last year’s', () => {
      // GRDP growth 8,27% against a target of 8,5% → 97,29…%; last year's 7,5% → bằng 110,27%
      const d = derivePeriodFigures({
        rule: rule({ aggregation: 'period', hasPlan: true, hasSamePeriod: true, compareOn: 'cumulative', hasCumulative: true }),
        months: { first: 1, last: 3 },
        thisYear: months(1, '99', '99', '99'),
        lastYear: new Map(),
        entered: dec('8.27'),
        enteredLastYear: dec('7.5'),
        annualPlan: dec('8.5'),
      });
      expect(text(d.value)).toBe('8.27');
      expect(d.valueMonths).toEqual([]);
      expect(d.cumulative).toBeNull();
      expect(d.planPct!.toFixed(2)).toBe('97.29');
      expect(d.samePeriodRatioPct!.toFixed(2)).toBe('110.27');
    });

    it('is unknown until the unit enters it', () => {
      const d = derivePeriodFigures({ rule: rule({ aggregation: 'period' }), months: H1, thisYear: months(1, '1'), lastYear: new Map(), annualPlan: null });
      expect(d.value).toBeNull();
    });
  });
});
