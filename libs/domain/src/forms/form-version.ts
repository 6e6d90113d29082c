import { isAggregation, type Aggregation } from '../aggregation';
import type { ErrorCode } from '../errors';
import type { IndicatorKind } from '../indicator-rules';
import { isPeriodType, type PeriodType } from '../period';

/** One indicator of a form version, as the administrator edits it (and as config/forms/*.json says it). */
export interface FormIndicatorSpec {
  code: string;
  name: string;
  unit?: string | null;
  kind: IndicatorKind;
  parent?: string | null;
  hasCumulative?: boolean;
  hasPlan?: boolean;
  planBasis?: string | null;
  hasSamePeriod?: boolean;
  compareOn?: 'value' | 'cumulative';
  samePeriodStyle?: 'change' | 'ratio';
  aggregation?: Aggregation;
  required?: boolean;
  min?: number | string | null;
  max?: number | string | null;
  integerOnly?: boolean;
  decimals?: number | null;
}

export interface FormSectionSpec {
  code: string;
  title: string;
  reportSection?: string | null;
  /** codes of the units that fill the section */
  units: string[];
  indicators: FormIndicatorSpec[];
}

/** The content of a form version: what a draft holds and what publishing installs. */
export interface FormVersionSpec {
  code: string;
  name: string;
  periodTypes: PeriodType[];
  deadline?: unknown;
  reminders?: unknown;
  sections: FormSectionSpec[];
}

/** What an earlier version said an indicator means (its code stays its identity across versions). */
export interface PublishedIndicator {
  code: string;
  name: string;
  kind: IndicatorKind;
  unit: string | null;
  version: number;
}

export interface FormProblem {
  code: ErrorCode;
  /** where: "sections[1].indicators[2].parent" */
  field: string;
  indicatorCode?: string;
  message: string;
}

const CODE = /^[A-Za-z0-9_.\-/]{1,64}$/;
const KINDS: readonly string[] = ['number', 'percent', 'text'];

/**
 * Every problem that keeps a form version from being published, not just the first: codes unique,
 * parents exist and are filled by the same units, no cycle of parents, known units and period
 * types, and no code that meant something else before (an indicator's code is its identity across
 * versions: a kind or unit of measure may not change under it, and a retired code may come back
 * only as what it was).
 */
export function checkFormVersion(spec: FormVersionSpec, history: PublishedIndicator[], knownUnits: ReadonlySet<string>): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (code: ErrorCode, field: string, message: string, indicatorCode?: string) =>
    problems.push(indicatorCode === undefined ? { code, field, message } : { code, field, indicatorCode, message });

  if (!spec.name?.trim()) add('FORM_FIELD_INVALID', 'name', 'Tên biểu mẫu không được để trống.');
  if (!Array.isArray(spec.periodTypes) || spec.periodTypes.length === 0) add('FORM_FIELD_INVALID', 'periodTypes', 'Biểu mẫu phải dùng cho ít nhất một loại kỳ.');
  for (const t of spec.periodTypes ?? []) if (!isPeriodType(t)) add('FORM_FIELD_INVALID', 'periodTypes', `Loại kỳ "${String(t)}" không tồn tại.`);
  if (!Array.isArray(spec.sections) || spec.sections.length === 0) add('FORM_FIELD_INVALID', 'sections', 'Biểu mẫu phải có ít nhất một phần.');

  const sectionCodes = new Set<string>();
  const where = new Map<string, { field: string; place: string; units: string; parent: string | null }>();
  for (const [s, section] of (spec.sections ?? []).entries()) {
    const sf = `sections[${s}]`;
    if (!CODE.test(section.code ?? '')) add('FORM_FIELD_INVALID', `${sf}.code`, `Mã phần "${section.code ?? ''}" không hợp lệ.`);
    else if (sectionCodes.has(section.code)) add('FORM_DUPLICATE_SECTION', `${sf}.code`, `Mã phần ${section.code} bị trùng.`);
    sectionCodes.add(section.code);
    if (!section.title?.trim()) add('FORM_FIELD_INVALID', `${sf}.title`, `Phần ${section.code} chưa có tên.`);
    for (const unit of section.units ?? []) {
      if (!knownUnits.has(unit)) add('FORM_UNKNOWN_UNIT', `${sf}.units`, `Phần ${section.code} giao cho đơn vị ${unit} không tồn tại hoặc đã giải thể.`);
    }
    const units = [...(section.units ?? [])].sort().join(',');
    for (const [i, ind] of (section.indicators ?? []).entries()) {
      const f = `${sf}.indicators[${i}]`;
      if (!CODE.test(ind.code ?? '')) {
        add('FORM_FIELD_INVALID', `${f}.code`, `Mã chỉ tiêu "${ind.code ?? ''}" không hợp lệ (chữ, số, _ . - /).`);
        continue;
      }
      if (where.has(ind.code)) {
        add('FORM_DUPLICATE_CODE', `${f}.code`, `Mã chỉ tiêu ${ind.code} đã dùng ở ${where.get(ind.code)!.place}.`, ind.code);
        continue;
      }
      where.set(ind.code, { field: f, place: `phần ${section.code}, dòng ${i + 1}`, units, parent: ind.parent ?? null });
      if (!ind.name?.trim()) add('FORM_FIELD_INVALID', `${f}.name`, `Chỉ tiêu ${ind.code} chưa có tên.`, ind.code);
      if (!KINDS.includes(ind.kind)) add('FORM_FIELD_INVALID', `${f}.kind`, `Chỉ tiêu ${ind.code}: loại "${String(ind.kind)}" không hợp lệ.`, ind.code);
      if (ind.aggregation !== undefined && !isAggregation(ind.aggregation)) {
        add('FORM_FIELD_INVALID', `${f}.aggregation`, `Chỉ tiêu ${ind.code}: cách cộng dồn "${String(ind.aggregation)}" không hợp lệ.`, ind.code);
      } else if (ind.hasCumulative && ind.aggregation !== undefined && ind.aggregation !== 'flow') {
        add('FORM_FIELD_INVALID', `${f}.aggregation`, `Chỉ tiêu ${ind.code} có số lũy kế nên phải cộng dồn theo tháng (flow).`, ind.code);
      }
    }
  }

  for (const [code, at] of where) {
    if (at.parent === null) continue;
    const parent = where.get(at.parent);
    if (!parent) add('FORM_MISSING_PARENT', `${at.field}.parent`, `Chỉ tiêu ${code} thuộc chỉ tiêu ${at.parent} không có trong biểu mẫu.`, code);
    else if (parent.units !== at.units) add('FORM_PARENT_OTHER_UNIT', `${at.field}.parent`, `Chỉ tiêu ${code} và chỉ tiêu mẹ ${at.parent} phải do cùng đơn vị báo cáo.`, code);
  }
  const reported = new Set<string>();
  for (const start of where.keys()) {
    const seen: string[] = [];
    for (let c: string | null = start; c !== null && where.has(c); c = where.get(c)!.parent) {
      if (seen.includes(c)) {
        const cycle = seen.slice(seen.indexOf(c));
        const key = [...cycle].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          add('FORM_CYCLE', `${where.get(c)!.field}.parent`, `Chỉ tiêu mẹ – con tạo vòng: ${[...cycle, c].join(' → ')}.`, c);
        }
        break;
      }
      seen.push(c);
    }
  }

  const latest = history.length ? Math.max(...history.map((h) => h.version)) : 0;
  const lastMeaning = new Map<string, PublishedIndicator>();
  for (const h of [...history].sort((a, b) => a.version - b.version)) lastMeaning.set(h.code, h);
  for (const [code, at] of where) {
    const before = lastMeaning.get(code);
    if (!before) continue;
    const ind = specOf(spec, code)!;
    const unit = ind.unit ?? null;
    if (before.version < latest) {
      if (before.name !== ind.name || before.kind !== ind.kind || before.unit !== unit) {
        add('FORM_CODE_REUSED', `${at.field}.code`, `Mã ${code} là chỉ tiêu "${before.name}" đã bỏ từ phiên bản ${before.version + 1}; không dùng lại mã này cho chỉ tiêu khác.`, code);
      }
    } else if (before.kind !== ind.kind || before.unit !== unit) {
      add('FORM_MEANING_CHANGED', `${at.field}.code`, `Chỉ tiêu ${code} đổi loại hoặc đơn vị tính (${before.unit ?? before.kind} → ${unit ?? ind.kind}): hãy bỏ mã cũ và đặt mã mới.`, code);
    }
  }
  return problems;
}

function specOf(spec: FormVersionSpec, code: string): FormIndicatorSpec | undefined {
  for (const s of spec.sections) for (const i of s.indicators) if (i.code === code) return i;
  return undefined;
}
