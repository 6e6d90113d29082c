import { dec, Dec } from '../decimal';
import { deriveFigures, PeriodFigure } from '../derived';
import { ComposeInput } from './compose';
import { FigureInput, IndicatorInfo } from './placeholders';
import { ReportTemplate } from './template';

/** The shapes of the config/ files the demo and the tests build a composition from. */
export interface FormFileLike {
  sections: Array<{
    units: string[];
    indicators: Array<{
      code: string; name: string; unit: string | null; kind: 'number' | 'percent' | 'text'; parent: string | null;
      hasCumulative: boolean; hasPlan: boolean; planBasis: string | null; hasSamePeriod: boolean;
      compareOn: 'value' | 'cumulative'; samePeriodStyle: 'change' | 'ratio'; decimals: number | null;
    }>;
  }>;
}
export interface DemoFiles {
  form: FormFileLike;
  plans: Record<string, Record<string, number>>;
  history: { submissions: Array<{ unit: string; year: number; month: number; values: Record<string, number> }> };
  month: { year: number; month: number; submissions: Array<{ unit: string; values: Array<{ indicatorCode: string; value: unknown }> }> };
  unitNames?: Record<string, string>;
}

/**
 * A composition input straight from the demo files, every unit approved, without a database:
 * for the unit tests of the sentences and for the benchmark. The worker builds the same input from
 * the approved submissions in Postgres.
 */
export function composeInputFromFiles(template: ReportTemplate, files: DemoFiles, options: { withoutNarratives?: boolean } = {}): ComposeInput {
  const { year, month } = files.month;
  const indicators = new Map<string, IndicatorInfo>();
  const rules = new Map<string, FormFileLike['sections'][number]['indicators'][number]>();
  for (const s of files.form.sections) {
    for (const i of s.indicators) {
      rules.set(i.code, i);
      indicators.set(i.code, {
        code: i.code, unitCode: s.units[0], name: i.name, unitOfMeasure: i.unit, kind: i.kind, decimals: i.decimals,
        parentCode: i.parent, hasCumulative: i.hasCumulative, planBasis: i.planBasis, samePeriodStyle: i.samePeriodStyle,
      });
    }
  }
  const history = new Map<string, { earlier: Map<number, PeriodFigure>; lastYear: Map<number, PeriodFigure> }>();
  for (const h of files.history.submissions) {
    for (const [code, v] of Object.entries(h.values)) {
      let e = history.get(code);
      if (!e) history.set(code, (e = { earlier: new Map(), lastYear: new Map() }));
      const f = { value: dec(v), enteredCumulative: null };
      if (h.year === year && h.month < month) e.earlier.set(h.month, f);
      if (h.year === year - 1 && h.month <= month) e.lastYear.set(h.month, f);
    }
  }
  const figures = new Map<string, FigureInput>();
  for (const s of files.month.submissions) {
    for (const v of s.values) {
      const rule = rules.get(v.indicatorCode);
      if (!rule) continue;
      if (rule.kind === 'text') {
        if (options.withoutNarratives && v.indicatorCode.startsWith('narrative_')) continue;
        figures.set(v.indicatorCode, blank(s.unit, typeof v.value === 'string' ? v.value : null, null));
        continue;
      }
      if (typeof v.value !== 'number') continue;
      const h = history.get(v.indicatorCode);
      const plan = files.plans[String(year)]?.[v.indicatorCode];
      const d = deriveFigures({
        rule, periodNumber: month, current: { value: dec(v.value), enteredCumulative: null },
        earlier: h?.earlier ?? new Map(), lastYear: h?.lastYear ?? new Map(), annualPlan: plan === undefined ? null : dec(plan),
      });
      figures.set(v.indicatorCode, { ...blank(s.unit, null, dec(v.value)), cumulative: d.cumulative, planPct: d.planPct, samePeriodChangePct: d.samePeriodChangePct, samePeriodRatioPct: d.samePeriodRatioPct });
    }
  }
  const units = [...new Set(files.form.sections.map((s) => s.units[0]))].map((code) => ({ code, name: files.unitNames?.[code] ?? code, approved: true }));
  return { template, period: { year, month }, indicators, figures, units };
}

function blank(unitCode: string, text: string | null, value: Dec | null): FigureInput {
  return { submissionId: `demo-${unitCode}`, unitCode, value, text, cumulative: null, planPct: null, samePeriodChangePct: null, samePeriodRatioPct: null };
}
