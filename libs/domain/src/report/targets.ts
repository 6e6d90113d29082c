import { ExactValue, percent, provenanceValue } from '../exact-decimal';
import { FigureField, FigureSource, Run } from './content';
import { FigureInput, IndicatorInfo } from './placeholders';
import { numberText, withUnit } from './phrases';
import { fillPeriod, ReportPeriod } from './period-words';
import { withStatus } from './figure-status';

/**
 * The table of the year's main targets (six-month and annual reports), as numbered paragraphs:
 * each target's plan, the estimate of the period, the share of the plan done and whether it is met,
 * then "x/y chỉ tiêu đạt và vượt".
 */
export interface TargetsTemplate {
  /** the paragraph before the list */
  lead?: string;
  items: TargetItem[];
  /**
   * one target, with {name}, {target}, {estimate}, {done} ("đạt 52,3% kế hoạch") and {met} (the
   * word for met or not met); a rate's (growth) has no {done}
   */
  item: string;
  rateItem?: string;
  /** a target is met at this % of its plan: 100 for the year; the six months' progress, 50 */
  metAtPct: number;
  met: string;
  notMet: string;
  /** after the list: {met}, {total} */
  summary: string;
}

export interface TargetItem {
  indicator: string;
  /** the name the table gives it, where it differs from the indicator's */
  name?: string;
  /** a rate (a growth %, a share) is met when the estimate reaches the target itself */
  kind?: 'amount' | 'rate';
}

type Ctx = {
  indicators: ReadonlyMap<string, IndicatorInfo>;
  figures: ReadonlyMap<string, FigureInput>;
  period: ReportPeriod;
  addFigure: (source: FigureSource) => number;
  sectionId: string;
};

export function targetParagraphs(t: TargetsTemplate, ctx: Ctx): Run[][] {
  const paragraphs: Run[][] = [];
  if (t.lead) paragraphs.push([{ t: 'text', text: fillPeriod(t.lead, ctx.period) }]);
  let met = 0;
  let total = 0;
  for (const item of t.items) {
    const info = ctx.indicators.get(item.indicator);
    const f = ctx.figures.get(item.indicator);
    if (!info || !f || !f.plan) continue;
    const field: FigureField = info.hasCumulative && f.cumulative !== null ? 'cumulative' : 'value';
    const estimate = (field === 'cumulative' ? f.cumulative : f.value) as ExactValue | null;
    if (estimate === null) continue;
    const plan = f.plan as ExactValue;
    const rate = item.kind === 'rate';
    const done = rate ? null : percent(estimate, plan);
    const isMet = rate ? Number(estimate.toFixed(10)) >= Number(plan.toFixed(10)) : done !== null && Number(done.toFixed(10)) >= t.metAtPct;
    total++;
    if (isMet) met++;
    const decimals = info.decimals ?? 0;
    const amount = (v: ExactValue) => (info.kind === 'percent' || info.unitOfMeasure === '%' ? `${numberText(v, decimals)}%` : withUnit(numberText(v, decimals), info.unitOfMeasure));
    const fig = (v: ExactValue, text: string, which: FigureField): Run => {
      const source: FigureSource = { unitCode: f.unitCode, submissionId: f.submissionId, indicatorCode: item.indicator, field: which, value: provenanceValue(v), text, sectionId: ctx.sectionId };
      return { t: 'fig', text, ref: ctx.addFigure(withStatus(source, f, which)) };
    };
    const pattern = rate ? (t.rateItem ?? t.item) : t.item;
    const runs: Run[] = [{ t: 'text', text: `(${total}) ` }];
    for (const piece of pattern.split(/(\{[a-z]+\})/)) {
      if (piece === '{name}') runs.push({ t: 'text', text: item.name ?? info.name });
      else if (piece === '{target}') runs.push({ t: 'text', text: amount(plan) });
      else if (piece === '{estimate}') runs.push(fig(estimate, amount(estimate), field));
      else if (piece === '{done}') {
        if (done) runs.push({ t: 'text', text: 'đạt ' }, fig(done as ExactValue, `${numberText(done, 1)}%`, 'planPct'), { t: 'text', text: ' kế hoạch' });
      } else if (piece === '{met}') runs.push({ t: 'text', text: isMet ? t.met : t.notMet });
      else if (piece) runs.push({ t: 'text', text: fillPeriod(piece, ctx.period) });
    }
    paragraphs.push(merge(runs));
  }
  if (total > 0) paragraphs.push([{ t: 'text', text: fillPeriod(t.summary, ctx.period).replace('{met}', String(met)).replace('{total}', String(total)) }]);
  return paragraphs;
}

function merge(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (r.t === 'text' && last?.t === 'text') last.text += r.text;
    else out.push(r.t === 'text' ? { ...r } : r);
  }
  return out;
}
