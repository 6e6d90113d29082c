import { Dec } from '../decimal';
import { FigureField } from './content';
import { capitalise, changePhrase, continueList, numberText, planPhrase, ratioPhrase, withUnit } from './phrases';

export interface IndicatorInfo {
  code: string;
  unitCode: string;
  name: string;
  unitOfMeasure: string | null;
  kind: 'number' | 'percent' | 'text';
  decimals: number | null;
  parentCode: string | null;
  hasCumulative: boolean;
  planBasis: string | null;
  samePeriodStyle: 'change' | 'ratio';
}

/** One unit's approved figure of one indicator, with what the server derives from it. */
export interface FigureInput {
  submissionId: string;
  unitCode: string;
  value: Dec | null;
  text: string | null;
  cumulative: Dec | null;
  planPct: Dec | null;
  samePeriodChangePct: Dec | null;
  samePeriodRatioPct: Dec | null;
}

export type Part =
  | { kind: 'text'; text: string }
  | { kind: 'fig'; text: string; printed: string; percent: boolean; code: string; field: FigureField; value: Dec }
  | { kind: 'note' };

export interface PatternContext {
  indicators: ReadonlyMap<string, IndicatorInfo>;
  figures: ReadonlyMap<string, FigureInput>;
  decimals: Record<string, number>;
  period: { year: number; month: number };
}

const PLACEHOLDER = /\{(?:([a-z0-9_]+)\.)?([a-zA-Z]+)(?::([a-z]+))?\}/g;

function decimalsOf(ctx: PatternContext, info: IndicatorInfo, field: FigureField): number {
  const override = ctx.decimals[`${info.code}.${field}`];
  if (override !== undefined) return override;
  return field === 'value' || field === 'cumulative' ? (info.decimals ?? 0) : 1;
}

function fig(ctx: PatternContext, info: IndicatorInfo, field: FigureField, value: Dec | null, percent: boolean, text: (printed: string, d: number) => string): Part | null {
  if (value === null) return null;
  const d = decimalsOf(ctx, info, field);
  // a change is printed without its sign: the verb says it ("giảm 9,06%")
  const printed = numberText(percent ? value.abs() : value, d);
  return { kind: 'fig', text: text(printed, d), printed, percent, code: info.code, field, value };
}

/** Resolves one placeholder; null when the figure is not there (the segment holding it is dropped). */
export function resolvePlaceholder(ctx: PatternContext, main: string | undefined, code: string | undefined, field: string, mod: string | undefined): Part | null {
  const { period } = ctx;
  if (field === 'footnote') return { kind: 'note' };
  if (field === 'month' || field === 'months') return { kind: 'text', text: String(period.month) };
  if (field === 'prevMonth') return { kind: 'text', text: String(period.month === 1 ? 12 : period.month - 1) };
  if (field === 'year') return { kind: 'text', text: String(period.year) };
  const info = ctx.indicators.get(code ?? main ?? '');
  if (!info) return null;
  if (field === 'name') return { kind: 'text', text: info.name };
  const f = ctx.figures.get(info.code);
  if (!f) return null;
  const isPct = info.kind === 'percent' || info.unitOfMeasure === '%';
  const amount = (value: Dec | null, which: FigureField): Part | null => {
    if (value === null) return null;
    if (isPct && mod === 'change') return fig(ctx, info, which, value, true, (_p, d) => changePhrase(value, d, null));
    if (isPct) return fig(ctx, info, which, value, false, (p) => `${p}%`);
    return fig(ctx, info, which, value, false, (p) => (mod === 'n' ? p : withUnit(p, info.unitOfMeasure)));
  };
  switch (field) {
    case 'value':
      if (info.kind === 'text') return f.text ? { kind: 'text', text: f.text } : null;
      return amount(f.value, 'value');
    case 'cumulative':
      return amount(f.cumulative, 'cumulative');
    case 'figure':
      return info.hasCumulative ? amount(f.cumulative, 'cumulative') : amount(f.value, 'value');
    case 'plan':
      return fig(ctx, info, 'planPct', f.planPct, true, (_p, d) => planPhrase(f.planPct!, d, info.planBasis, mod !== 'short'));
    case 'samePeriod':
      if (info.samePeriodStyle === 'ratio') {
        return fig(ctx, info, 'samePeriodRatioPct', f.samePeriodRatioPct, true, (_p, d) => ratioPhrase(f.samePeriodRatioPct!, d, mod !== 'short'));
      }
      return fig(ctx, info, 'samePeriodChangePct', f.samePeriodChangePct, true, (_p, d) =>
        changePhrase(f.samePeriodChangePct!, d, mod === 'short' ? null : 'so với cùng kỳ'),
      );
    default:
      return null;
  }
}

/**
 * Renders a pattern into parts. Segments are separated by ", " in the pattern; a segment whose
 * figure is missing is left out, so "…, đạt x% kế hoạch" disappears where there is no plan.
 */
export function renderPattern(ctx: PatternContext, pattern: string, main?: string): Part[] | null {
  const segments = pattern.split(', ');
  const kept: Part[][] = [];
  let anyFigure = false;
  for (const segment of segments) {
    const parts: Part[] = [];
    let last = 0;
    let ok = true;
    for (const m of segment.matchAll(PLACEHOLDER)) {
      if (m.index! > last) parts.push({ kind: 'text', text: segment.slice(last, m.index) });
      const part = resolvePlaceholder(ctx, main, m[1], m[2], m[3]);
      if (!part) {
        ok = false;
        break;
      }
      if (part.kind === 'fig') anyFigure = true;
      parts.push(part);
      last = m.index! + m[0].length;
    }
    if (!ok) continue;
    if (last < segment.length) parts.push({ kind: 'text', text: segment.slice(last) });
    kept.push(parts);
  }
  if (kept.length === 0 || (!anyFigure && /\{(?:[a-z0-9_]+\.)?(value|cumulative|figure|plan|samePeriod)/.test(pattern))) return null;
  const out: Part[] = [];
  kept.forEach((parts, i) => {
    if (i > 0) out.push({ kind: 'text', text: ', ' });
    out.push(...parts);
  });
  // a dropped last segment may have carried the final punctuation
  const end = pattern.match(/[.;:]$/)?.[0];
  const lastPart = out[out.length - 1];
  if (end && !(lastPart.kind === 'text' && lastPart.text.endsWith(end))) out.push({ kind: 'text', text: end });
  return mergeText(out);
}

export function mergeText(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (p.kind === 'text' && prev?.kind === 'text') prev.text += p.text;
    else out.push(p.kind === 'text' ? { ...p } : p);
  }
  return out;
}

export function adjustCase(parts: Part[], how: 'lower' | 'upper'): Part[] {
  const first = parts[0];
  if (!first || first.kind === 'note') return parts;
  const text = how === 'lower' ? continueList(first.text) : capitalise(first.text);
  return [{ ...first, text }, ...parts.slice(1)];
}
