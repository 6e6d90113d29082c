import { FigureValue } from '../exact-decimal';
import { FigureField, MonthSource, Revision } from './content';
import type { ValueStatus } from '../value-status';
import { ReportPeriod, periodWords } from './period-words';
import { capitalise, changePhrase, continueList, numberText, planPhrase, ratioPhrase, withSign, withUnit } from './phrases';

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
  value: FigureValue | null;
  text: string | null;
  cumulative: FigureValue | null;
  planPct: FigureValue | null;
  samePeriodChangePct: FigureValue | null;
  samePeriodRatioPct: FigureValue | null;
  /** the annual plan (target) where there is one: the targets table reads it */
  plan?: FigureValue | null;
  /** a longer period's figure: the months its value, its cumulative and its comparisons were taken from */
  months?: { value: MonthSource[]; cumulative: MonthSource[]; basis: MonthSource[] };
  /** the value's status as its unit stated it (ước / sơ bộ / chính thức) */
  status?: ValueStatus | null;
  /** the value is a later version of an approved figure (an official figure): what it replaced */
  revised?: Revision | null;
}

export type Part =
  | { kind: 'text'; text: string }
  | { kind: 'fig'; text: string; printed: string; percent: boolean; code: string; field: FigureField; value: FigureValue }
  | { kind: 'note' };

export interface PatternContext {
  indicators: ReadonlyMap<string, IndicatorInfo>;
  figures: ReadonlyMap<string, FigureInput>;
  decimals: Record<string, number>;
  period: ReportPeriod;
}

/** The period's words, made once per period object (a report resolves them for thousands of sentences). */
const wordsOf = new WeakMap<ReportPeriod, Record<string, string>>();
function wordsFor(period: ReportPeriod): Record<string, string> {
  let words = wordsOf.get(period);
  if (!words) wordsOf.set(period, (words = periodWords(period)));
  return words;
}

const PLACEHOLDER = /\{(?:([a-z0-9_]+)\.)?([a-zA-Z]+)(?::([a-z]+))?\}/g;

/** The template's "code.field": decimals, by code then field, made once per template (a report looks them up for every figure). */
const overridesOf = new WeakMap<Record<string, number>, Map<string, Partial<Record<string, number>>>>();
function decimalOverrides(decimals: Record<string, number>) {
  let byCode = overridesOf.get(decimals);
  if (!byCode) {
    byCode = new Map();
    for (const [key, n] of Object.entries(decimals)) {
      const dot = key.lastIndexOf('.');
      const code = key.slice(0, dot);
      byCode.set(code, { ...byCode.get(code), [key.slice(dot + 1)]: n });
    }
    overridesOf.set(decimals, byCode);
  }
  return byCode;
}

function decimalsOf(ctx: PatternContext, info: IndicatorInfo, field: FigureField): number {
  const override = decimalOverrides(ctx.decimals).get(info.code)?.[field];
  if (override !== undefined) return override;
  return field === 'value' || field === 'cumulative' ? (info.decimals ?? 0) : 1;
}

function fig(ctx: PatternContext, info: IndicatorInfo, field: FigureField, value: FigureValue | null, percent: boolean, text: (printed: string, d: number) => string): Part | null {
  if (value === null) return null;
  const d = decimalsOf(ctx, info, field);
  // a change is printed without its sign: the verb says it ("giảm 9,06%")
  const printed = numberText(percent ? value.abs() : value, d);
  return { kind: 'fig', text: text(printed, d), printed, percent, code: info.code, field, value };
}

/** Resolves one placeholder; null when the figure is not there (the segment holding it is dropped). */
export function resolvePlaceholder(ctx: PatternContext, main: string | undefined, code: string | undefined, field: string, mod: string | undefined): Part | null {
  if (field === 'footnote') return { kind: 'note' };
  if (code === undefined) {
    const word = wordsFor(ctx.period)[field];
    if (word !== undefined) return { kind: 'text', text: word };
  }
  const info = ctx.indicators.get(code ?? main ?? '');
  if (!info) return null;
  if (field === 'name') return { kind: 'text', text: info.name };
  const f = ctx.figures.get(info.code);
  if (!f) return null;
  const isPct = info.kind === 'percent' || info.unitOfMeasure === '%';
  const amount = (value: FigureValue | null, which: FigureField): Part | null => {
    if (value === null) return null;
    if (isPct && mod === 'change') return fig(ctx, info, which, value, true, (p) => changePhrase(p, value.isNegative(), null));
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
      return fig(ctx, info, 'planPct', f.planPct, true, (p) => planPhrase(withSign(p, f.planPct!), info.planBasis, mod !== 'short'));
    case 'samePeriod':
      if (info.samePeriodStyle === 'ratio') {
        return fig(ctx, info, 'samePeriodRatioPct', f.samePeriodRatioPct, true, (p) => ratioPhrase(withSign(p, f.samePeriodRatioPct!), mod !== 'short'));
      }
      return fig(ctx, info, 'samePeriodChangePct', f.samePeriodChangePct, true, (p) =>
        changePhrase(p, f.samePeriodChangePct!.isNegative(), mod === 'short' ? null : 'so với cùng kỳ'),
      );
    default:
      return null;
  }
}

type Piece = { text: string } | { code: string | undefined; field: string; mod: string | undefined };
interface ParsedPattern {
  segments: Piece[][];
  /** it speaks of a figure, so it says nothing when none of its figures is there */
  needsFigure: boolean;
  /** its final punctuation */
  end: string | undefined;
}

/** Patterns parsed once: a report renders the same few dozen patterns for thousands of figures. */
const parsed = new Map<string, ParsedPattern>();
function parsePattern(pattern: string): ParsedPattern {
  let p = parsed.get(pattern);
  if (p) return p;
  const segments = pattern.split(', ').map((segment) => {
    const pieces: Piece[] = [];
    let last = 0;
    for (const m of segment.matchAll(PLACEHOLDER)) {
      if (m.index! > last) pieces.push({ text: segment.slice(last, m.index) });
      pieces.push({ code: m[1], field: m[2], mod: m[3] });
      last = m.index! + m[0].length;
    }
    if (last < segment.length) pieces.push({ text: segment.slice(last) });
    return pieces;
  });
  p = { segments, needsFigure: /\{(?:[a-z0-9_]+\.)?(value|cumulative|figure|plan|samePeriod)/.test(pattern), end: pattern.match(/[.;:]$/)?.[0] };
  if (parsed.size > 10_000) parsed.clear(); // templates hold a few hundred; never grow without bound
  parsed.set(pattern, p);
  return p;
}

/**
 * Renders a pattern into parts. Segments are separated by ", " in the pattern; a segment whose
 * figure is missing is left out, so "…, đạt x% kế hoạch" disappears where there is no plan.
 */
export function renderPattern(ctx: PatternContext, pattern: string, main?: string): Part[] | null {
  const { segments, needsFigure, end } = parsePattern(pattern);
  const kept: Part[][] = [];
  let anyFigure = false;
  for (const segment of segments) {
    const parts: Part[] = [];
    let ok = true;
    for (const piece of segment) {
      if ('text' in piece) {
        parts.push({ kind: 'text', text: piece.text });
        continue;
      }
      const part = resolvePlaceholder(ctx, main, piece.code, piece.field, piece.mod);
      if (!part) {
        ok = false;
        break;
      }
      if (part.kind === 'fig') anyFigure = true;
      parts.push(part);
    }
    if (ok) kept.push(parts);
  }
  if (kept.length === 0 || (!anyFigure && needsFigure)) return null;
  // the kept segments joined by ", ", adjacent text merged
  const out: Part[] = [];
  const add = (p: Part) => {
    const last = out[out.length - 1];
    if (p.kind !== 'text') out.push(p);
    else if (last?.kind === 'text') last.text += p.text;
    else out.push({ kind: 'text', text: p.text });
  };
  kept.forEach((parts, i) => {
    if (i > 0) add({ kind: 'text', text: ', ' });
    parts.forEach(add);
  });
  // a dropped last segment may have carried the final punctuation
  const lastPart = out[out.length - 1];
  if (end && !(lastPart.kind === 'text' && lastPart.text.endsWith(end))) add({ kind: 'text', text: end });
  return out;
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
