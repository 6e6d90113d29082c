import { isIsoDate } from './calendar/iso-date';
import type { ErrorCode } from './errors';
import type { IsoDate } from './period';
import { parseNumberText } from './vn-number';

/**
 * One line of a year's plan: the year's target (`effectiveFrom` null, Nghị quyết of the People's
 * Council) or its revision from a date (điều chỉnh kế hoạch), with the decision that made it.
 * `row` is the spreadsheet row (or the position in the list) that problems name.
 */
export interface PlanLineInput {
  row: number;
  indicatorCode: string;
  target: unknown;
  effectiveFrom: string | null;
  decision: string | null;
}

export interface PlanLine {
  indicatorCode: string;
  target: string;
  effectiveFrom: IsoDate | null;
  decision: string | null;
}

export interface PlanProblem {
  code: ErrorCode;
  field: string;
  indicatorCode?: string;
  message: string;
}

/**
 * Checks every line (all problems, each naming its row): a code with a plan in the form, a number,
 * a revision date within the year after its first day, a decision for a revision, a year target
 * for a revised indicator (here or already entered), and no line twice.
 */
export function checkPlanLines(
  year: number,
  lines: PlanLineInput[],
  plannedCodes: ReadonlySet<string>,
  codesWithTarget: ReadonlySet<string>,
  rowWord = 'Dòng',
): { lines: PlanLine[]; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const out: PlanLine[] = [];
  const seen = new Map<string, number>();
  const withTarget = new Set(codesWithTarget);
  for (const l of lines) if (l.effectiveFrom === null && plannedCodes.has(l.indicatorCode)) withTarget.add(l.indicatorCode);
  for (const l of lines) {
    const at = `${rowWord} ${l.row}`;
    const field = `rows[${l.row}]`;
    const add = (code: ErrorCode, message: string) => problems.push({ code, field, indicatorCode: l.indicatorCode, message: `${at}: ${message}` });
    const code = l.indicatorCode.trim();
    if (!plannedCodes.has(code)) {
      add('PLAN_UNKNOWN_INDICATOR', `mã chỉ tiêu "${code}" không có trong biểu mẫu hoặc không có kế hoạch.`);
      continue;
    }
    const parsed = parseNumberText(l.target);
    if (!parsed.ok) add('PLAN_BAD_TARGET', `kế hoạch "${String(l.target ?? '')}" không phải là một số.`);
    const from = l.effectiveFrom === null ? null : l.effectiveFrom.trim();
    if (from !== null) {
      if (!isIsoDate(from) || !from.startsWith(`${year}-`) || from === `${year}-01-01`) {
        add('PLAN_BAD_DATE', `ngày áp dụng "${from}" phải là một ngày trong năm ${year}, sau ngày 01/01 (kế hoạch đầu năm để trống ô này).`);
      }
      if (!l.decision?.trim()) add('PLAN_DECISION_REQUIRED', 'điều chỉnh kế hoạch phải ghi văn bản điều chỉnh.');
      if (!withTarget.has(code)) add('PLAN_WITHOUT_BASE', `chỉ tiêu ${code} chưa có kế hoạch năm ${year} để điều chỉnh.`);
    }
    const key = `${code}@${from ?? ''}`;
    if (seen.has(key)) add('PLAN_DUPLICATE_ROW', `trùng với ${rowWord.toLowerCase()} ${seen.get(key)}.`);
    else seen.set(key, l.row);
    if (parsed.ok) out.push({ indicatorCode: code, target: parsed.text, effectiveFrom: from, decision: l.decision?.trim() || null });
  }
  return { lines: problems.length ? [] : out, problems };
}
