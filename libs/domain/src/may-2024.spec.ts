import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dec, Dec } from './decimal';
import { deriveFigures, PeriodFigure } from './derived';
import { formatNumber } from './vn-number';

/**
 * The derived figures of the Lạng Sơn May 2024 report, recomputed from the demo data (history,
 * plans and the May entries in config/) and printed to the decimal the report prints them with.
 * The expected strings come from the reference report (test/fixtures/may-2024-expected.json).
 */
const root = join(__dirname, '..', '..', '..');
const read = <T>(...p: string[]): T => JSON.parse(readFileSync(join(root, ...p), 'utf8')) as T;

interface Spec {
  code: string;
  kind: string;
  hasCumulative?: boolean;
  hasPlan?: boolean;
  hasSamePeriod?: boolean;
  compareOn?: 'value' | 'cumulative';
}
const form = read<{ sections: Array<{ units: string[]; indicators: Spec[] }> }>('config', 'forms', 'ktxh-monthly.v1.json');
const plans = read<Record<string, Record<string, number>>>('config', 'demo', 'plans.json');
const history = read<{ submissions: Array<{ unit: string; year: number; month: number; values: Record<string, number> }> }>(
  'config', 'demo', 'history.json',
);
const may = read<{ submissions: Array<{ unit: string; values: Array<{ indicatorCode: string; value: unknown }> }> }>(
  'config', 'demo', 'may-2024.json',
);
const expected = read<Array<{ indicatorCode: string; unit: string; field: string; expected: string; decimals: number; sourceText: string }>>(
  'test', 'fixtures', 'may-2024-expected.json',
);

const specs = new Map(form.sections.flatMap((s) => s.indicators.map((i) => [i.code, i] as const)));
const figure = (v: number | undefined): PeriodFigure => ({ value: v === undefined ? null : dec(v), enteredCumulative: null });

function derive(unit: string, code: string) {
  const spec = specs.get(code)!;
  const earlier = new Map<number, PeriodFigure>();
  const lastYear = new Map<number, PeriodFigure>();
  for (const h of history.submissions.filter((x) => x.unit === unit && code in x.values)) {
    if (h.year === 2024 && h.month < 5) earlier.set(h.month, figure(h.values[code]));
    if (h.year === 2023 && h.month <= 5) lastYear.set(h.month, figure(h.values[code]));
  }
  const typed = may.submissions.find((s) => s.unit === unit)?.values.find((v) => v.indicatorCode === code)?.value;
  const current = figure(typeof typed === 'number' ? typed : undefined);
  const plan = plans['2024']?.[code];
  const d = deriveFigures({
    rule: {
      hasCumulative: spec.hasCumulative ?? false,
      hasPlan: spec.hasPlan ?? false,
      hasSamePeriod: spec.hasSamePeriod ?? false,
      compareOn: spec.compareOn ?? 'value',
    },
    periodNumber: 5,
    current,
    earlier,
    lastYear,
    annualPlan: plan === undefined ? null : dec(plan),
  });
  return { ...d, value: current.value };
}

describe('May 2024 figures of the Lạng Sơn report, derived from the demo data', () => {
  it('covers the report’s derived figures', () => {
    const fields = new Set(expected.map((e) => e.field));
    expect([...fields].sort()).toEqual(['cumulative', 'planPct', 'samePeriodChangePct', 'samePeriodRatioPct', 'value']);
    expect(expected.filter((e) => e.field !== 'value').length).toBeGreaterThan(150);
  });

  it.each(expected.map((e) => [`${e.indicatorCode} ${e.field} = ${e.expected}`, e] as const))('%s', (_label, e) => {
    const d = derive(e.unit, e.indicatorCode) as unknown as Record<string, Dec | null>;
    const actual = d[e.field];
    expect(actual).not.toBeNull();
    expect(formatNumber(actual!, { decimals: e.decimals })).toBe(e.expected);
  });
});
