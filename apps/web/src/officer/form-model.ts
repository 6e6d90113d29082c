import {
  CellValue,
  checkIndicatorRules,
  Dec,
  decOrNull,
  deriveFigures,
  DerivedFigures,
  ErrorDetail,
  formatNumber,
  IndicatorRule,
  parseCell,
  parseCumulative,
  PeriodFigure,
} from '@app/domain';
import type { BasisFigure, DecimalString, SubmissionView, ValueView } from '@app/contracts';
import type { ValueStatus } from '@app/domain';

/**
 * The officer's form as the screen holds it: what the server has (`base`, as text), what the
 * officer typed (`edits`), and for each row the figures derived from both — with the domain
 * lib's own parse, rules and derivation, so the screen and the server never disagree.
 */
export interface CellText {
  value: string;
  note: string;
  cumulative: string;
  /** ước / sơ bộ / chính thức as the officer marks it ('' not stated) */
  status: '' | ValueStatus;
}
export type CellField = keyof CellText;
export type Edits = Record<string, Partial<CellText>>;

export interface RowModel {
  code: string;
  view: ValueView;
  rule: IndicatorRule;
  /** 1 for a "trong đó" part */
  depth: number;
  earlier: ReadonlyMap<number, PeriodFigure>;
  lastYear: ReadonlyMap<number, PeriodFigure>;
  plan: Dec | null;
  periodNumber: number;
  /** the earlier months are not all in the system: the officer types the cumulative */
  needsCumulative: boolean;
}

export interface SectionModel {
  code: string;
  title: string;
  reportSection: string | null;
  rows: RowModel[];
}

export interface CellState {
  text: CellText;
  /** null when the value or cumulative is not a valid figure */
  cell: CellValue | null;
  /** shape errors (INVALID_NUMBER, VALUE_TOO_LARGE, …) */
  errors: ErrorDetail[];
  derived: DerivedFigures | null;
  dirty: boolean;
}

const figures = (list: BasisFigure[] | undefined) =>
  new Map<number, PeriodFigure>((list ?? []).map((f) => [f.period, { value: decOrNull(f.value), enteredCumulative: decOrNull(f.enteredCumulative) }]));

export function buildRows(view: SubmissionView): RowModel[] {
  const n = view.period.number;
  return view.values.map((v) => {
    const earlier = figures(v.basis?.earlier);
    let complete = true;
    for (let p = 1; p < n; p++) if (earlier.get(p)?.value == null) complete = false;
    return {
      code: v.indicatorCode,
      view: v,
      rule: {
        code: v.indicatorCode,
        name: v.name,
        kind: v.kind,
        required: v.required,
        min: decOrNull(v.rule.min),
        max: decOrNull(v.rule.max),
        integerOnly: v.rule.integerOnly,
        parentCode: v.parentCode,
      },
      depth: v.parentCode ? 1 : 0,
      earlier,
      lastYear: figures(v.basis?.lastYear),
      plan: decOrNull(v.basis?.plan),
      periodNumber: n,
      needsCumulative: v.kind !== 'text' && v.rule.hasCumulative && !complete,
    };
  });
}

export function buildSections(view: SubmissionView, rows: RowModel[]): SectionModel[] {
  return view.sections
    .map((s) => ({ ...s, rows: rows.filter((r) => r.view.sectionCode === s.code) }))
    .filter((s) => s.rows.length > 0);
}

/** A figure's DecimalString as the officer types it: "47.393" from the server is 47,393 (never 47393). */
const asText = (v: DecimalString | null | undefined) => (v === null || v === undefined ? '' : formatNumber(v));

/** The server's value of one row, written as the officer would type it (Vietnamese format). */
export function baseText(v: ValueView): CellText {
  return { value: v.kind === 'text' ? String(v.value ?? '') : asText(v.value), note: v.note ?? '', cumulative: asText(v.cumulativeEntered), status: v.status ?? '' };
}

/** Two texts mean the same figure ("1234,5" = "1.234,5")? Compared on the parsed value. */
function sameFigure(a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  const pa = parseCumulative(PLAIN_RULE, a);
  const pb = parseCumulative(PLAIN_RULE, b);
  return pa.ok && pb.ok && (pa.numeric === null ? pb.numeric === null : pb.numeric !== null && pa.numeric.eq(pb.numeric));
}
const PLAIN_RULE: IndicatorRule = { code: '', name: '', kind: 'number', required: false, min: null, max: null, integerOnly: false, parentCode: null };

export function isDirty(row: RowModel, base: CellText, text: CellText): boolean {
  const valueChanged = row.rule.kind === 'text' ? text.value !== base.value : !sameFigure(text.value, base.value);
  return valueChanged || text.note !== base.note || text.status !== base.status || !sameFigure(text.cumulative, base.cumulative);
}

const cache = new WeakMap<RowModel, { base: CellText; edit: Partial<CellText> | undefined; state: CellState }>();

/** One row's state; recomputed only when that row's own text changes (typing stays O(1) per keystroke). */
export function cellState(row: RowModel, base: CellText, edit: Partial<CellText> | undefined): CellState {
  const hit = cache.get(row);
  if (hit && hit.base === base && hit.edit === edit) return hit.state;
  const text: CellText = { ...base, ...edit };
  const errors: ErrorDetail[] = [];
  const value = parseCell(row.rule, text.value);
  if (!value.ok) errors.push(value.error);
  const cumulative = row.needsCumulative ? parseCumulative(row.rule, text.cumulative) : { ok: true as const, numeric: null, text: null };
  if (!cumulative.ok) errors.push(cumulative.error);
  const cell = value.ok && cumulative.ok ? { numeric: value.numeric, text: value.text, enteredCumulative: cumulative.numeric } : null;
  let derived: DerivedFigures | null = null;
  if (row.rule.kind !== 'text') {
    derived = deriveFigures({
      rule: row.view.rule,
      periodNumber: row.periodNumber,
      current: { value: cell?.numeric ?? null, enteredCumulative: cell?.enteredCumulative ?? null },
      earlier: row.earlier,
      lastYear: row.lastYear,
      annualPlan: row.plan,
    });
  }
  const state = { text, cell, errors, derived, dirty: isDirty(row, base, text) };
  cache.set(row, { base, edit, state });
  return state;
}

/** Rule problems across the form (bounds, integers, "trong đó" parts above their total; required ones on submit). */
export function ruleProblems(rows: RowModel[], states: ReadonlyMap<string, CellState>, requireAll: boolean): Map<string, ErrorDetail[]> {
  const cells = new Map<string, CellValue>();
  for (const [code, s] of states) if (s.cell) cells.set(code, s.cell);
  const out = new Map<string, ErrorDetail[]>();
  for (const p of checkIndicatorRules(rows.map((r) => r.rule), cells, { requireAll })) {
    if (p.indicatorCode) out.set(p.indicatorCode, [...(out.get(p.indicatorCode) ?? []), p]);
  }
  return out;
}

export interface SaveItem {
  indicatorCode: string;
  value: string | null;
  note?: string | null;
  cumulative?: string | null;
  status?: ValueStatus | null;
}

const figureOut = (d: Dec | null) => (d === null ? null : formatNumber(d)); // "47,393" is never misread as 47393

/** The changed, valid rows as PUT /values items, and the texts they were made from (the new base once saved). */
export function saveItems(rows: RowModel[], bases: Record<string, CellText>, states: ReadonlyMap<string, CellState>) {
  const items: SaveItem[] = [];
  const sent: Record<string, CellText> = {};
  for (const row of rows) {
    const s = states.get(row.code);
    if (!s || !s.dirty || !s.cell) continue;
    const base = bases[row.code];
    const item: SaveItem = { indicatorCode: row.code, value: row.rule.kind === 'text' ? s.cell.text : figureOut(s.cell.numeric) };
    if (s.text.note !== base.note) item.note = s.text.note.trim() === '' ? null : s.text.note;
    if (s.text.status !== base.status) item.status = s.text.status === '' ? null : s.text.status;
    if (row.needsCumulative && !sameFigure(s.text.cumulative, base.cumulative)) item.cumulative = figureOut(s.cell.enteredCumulative);
    items.push(item);
    sent[row.code] = s.text;
  }
  return { items, sent };
}
