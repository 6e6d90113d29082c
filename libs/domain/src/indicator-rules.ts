import { Dec, dec } from './decimal';
import { ErrorDetail } from './errors';
import { formatNumber, parseNumberText } from './vn-number';

export const INDICATOR_KINDS = ['number', 'percent', 'text'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const MAX_TEXT_LENGTH = 20_000;

export interface IndicatorRule {
  code: string;
  name: string;
  kind: IndicatorKind;
  required: boolean;
  min: Dec | null;
  max: Dec | null;
  integerOnly: boolean;
  /** the "trong đó" total this indicator is a part of */
  parentCode: string | null;
}

export interface CellValue {
  numeric: Dec | null;
  text: string | null;
  enteredCumulative: Dec | null;
}

export type ParsedCell = { ok: true; numeric: Dec | null; text: string | null } | { ok: false; error: ErrorDetail };
/** A parsed cell whose figure is kept as its canonical decimal text (what a save stores). */
export type ParsedCellText = { ok: true; numeric: string | null; text: string | null } | { ok: false; error: ErrorDetail };

/**
 * Turns what a client sent for one indicator into what is stored. Only the shape is checked
 * here (a number where a number belongs, not absurdly large); the indicator's business rules are
 * checked by `checkIndicatorRules`, which a draft may break until it is submitted.
 */
export function parseCell(rule: IndicatorRule, raw: unknown): ParsedCell {
  return withDecimal(parseCellText(rule, raw));
}

/** `parseCell` with the figure as text, for the save's hot path (no decimal built). */
export function parseCellText(rule: IndicatorRule, raw: unknown): ParsedCellText {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return { ok: true, numeric: null, text: null };
  }
  if (rule.kind === 'text') {
    if (typeof raw !== 'string') {
      return fail(rule, 'WRONG_VALUE_KIND', 'Chỉ tiêu này nhận nội dung dạng văn bản.');
    }
    if (raw.length > MAX_TEXT_LENGTH) {
      return fail(rule, 'VALUE_TOO_LARGE', `Nội dung dài quá ${formatNumber(MAX_TEXT_LENGTH)} ký tự.`);
    }
    return { ok: true, numeric: null, text: raw };
  }
  const parsed = parseNumberText(raw);
  if (!parsed.ok) return fail(rule, parsed.code, parsed.message);
  return { ok: true, numeric: parsed.text, text: null };
}

export function parseCumulative(rule: IndicatorRule, raw: unknown): ParsedCell {
  return withDecimal(parseCumulativeText(rule, raw));
}

export function parseCumulativeText(rule: IndicatorRule, raw: unknown): ParsedCellText {
  if (raw === null || raw === undefined || raw === '') return { ok: true, numeric: null, text: null };
  const parsed = parseNumberText(raw);
  if (!parsed.ok) return fail(rule, parsed.code, `Lũy kế: ${parsed.message}`);
  return { ok: true, numeric: parsed.text, text: null };
}

function withDecimal(cell: ParsedCellText): ParsedCell {
  return cell.ok ? { ok: true, numeric: cell.numeric === null ? null : dec(cell.numeric), text: cell.text } : cell;
}

/**
 * Whether `checkIndicatorRules` can say anything about a filled-in figure of this rule while the
 * form is a draft: it has bounds, must be whole, or is a part or the total of a breakdown.
 */
export function hasDraftRules(rule: IndicatorRule, parentCodes: ReadonlySet<string>): boolean {
  return rule.min !== null || rule.max !== null || rule.integerOnly || rule.parentCode !== null || parentCodes.has(rule.code);
}

function fail(rule: IndicatorRule, code: ErrorDetail['code'], message: string): { ok: false; error: ErrorDetail } {
  return { ok: false, error: { indicatorCode: rule.code, code, message: `${rule.name}: ${message}` } };
}

/**
 * The rules a submission must satisfy before it can be submitted: required figures present,
 * bounds, integers, and a breakdown's parts ("trong đó") neither each nor together above the total.
 */
export function checkIndicatorRules(
  rules: readonly IndicatorRule[],
  values: ReadonlyMap<string, CellValue>,
  options: { requireAll: boolean },
): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const push = (rule: IndicatorRule, code: ErrorDetail['code'], message: string) =>
    errors.push({ indicatorCode: rule.code, code, message: `${rule.name}: ${message}` });

  for (const rule of rules) {
    const cell = values.get(rule.code);
    const empty = !cell || (cell.numeric === null && (cell.text === null || cell.text.trim() === ''));
    if (empty) {
      if (options.requireAll && rule.required) push(rule, 'REQUIRED', 'chưa nhập số liệu (bắt buộc).');
      continue;
    }
    if (rule.kind === 'text' || cell.numeric === null) continue;
    const v = cell.numeric;
    if (rule.min !== null && v.lt(rule.min)) push(rule, 'BELOW_MIN', `không được nhỏ hơn ${formatNumber(rule.min)}.`);
    if (rule.max !== null && v.gt(rule.max)) push(rule, 'ABOVE_MAX', `không được lớn hơn ${formatNumber(rule.max)}.`);
    if (rule.integerOnly && !v.isInteger()) push(rule, 'NOT_INTEGER', 'phải là số nguyên.');
  }

  const byCode = new Map(rules.map((r) => [r.code, r]));
  const children = new Map<string, IndicatorRule[]>();
  for (const rule of rules) {
    if (rule.parentCode && byCode.has(rule.parentCode)) {
      children.set(rule.parentCode, [...(children.get(rule.parentCode) ?? []), rule]);
    }
  }
  for (const [parentCode, parts] of children) {
    const parent = byCode.get(parentCode)!;
    for (const field of ['numeric', 'enteredCumulative'] as const) {
      const total = values.get(parentCode)?.[field] ?? null;
      if (total === null) continue;
      const label = field === 'numeric' ? '' : ' (lũy kế)';
      let sum: Dec | null = null;
      for (const part of parts) {
        const v = values.get(part.code)?.[field] ?? null;
        if (v === null) continue;
        sum = sum === null ? v : sum.plus(v);
        if (v.gt(total)) {
          push(part, 'PART_ABOVE_PARENT', `${formatNumber(v)}${label} lớn hơn tổng "${parent.name}" (${formatNumber(total)}).`);
        }
      }
      if (sum !== null && sum.gt(total)) {
        push(
          parent,
          'PARTS_ABOVE_PARENT',
          `tổng các chỉ tiêu "trong đó"${label} (${formatNumber(sum)}) lớn hơn tổng (${formatNumber(total)}).`,
        );
      }
    }
  }
  return errors;
}
