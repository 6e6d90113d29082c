import type { ErrorCode } from '../errors';
import { periodWords } from './period-words';
import type { ReportTemplate } from './template';

export interface TemplateProblem {
  code: ErrorCode;
  field: string;
  indicatorCode?: string;
  message: string;
}

/** Placeholders that speak of an indicator (placeholders.ts resolves them). */
const FIGURE_FIELDS = new Set(['value', 'cumulative', 'figure', 'plan', 'samePeriod', 'name', 'footnote']);
const MODIFIERS = new Set(['n', 'change', 'short']);
/** The period's words ({month}, {months}, {year}, …): the same keys for every period. */
const WORDS = new Set(Object.keys(periodWords({ year: 2024, month: 5, type: 'month', number: 5 })));

/**
 * Every sentence pattern of the template checked against the form's indicators and the known
 * placeholders, before it is published rather than at consolidation: an unknown indicator, an
 * unknown field or modifier, a figure placeholder in a statement without a main indicator.
 */
export function checkTemplatePatterns(template: ReportTemplate, indicatorCodes: ReadonlySet<string>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const section of template.sections) {
    for (const [si, st] of (section.statements ?? []).entries()) {
      const at = `sections[${section.id}].statements[${si}]`;
      if (st.indicator !== undefined && !indicatorCodes.has(st.indicator)) {
        problems.push({ code: 'TEMPLATE_UNKNOWN_INDICATOR', field: `${at}.indicator`, indicatorCode: st.indicator, message: `Mục ${section.id}: chỉ tiêu ${st.indicator} không có trong biểu mẫu ${template.formCode}.` });
      }
      const patterns: Array<[string, string]> = [[`${at}.sentence`, st.sentence]];
      for (const [n, p] of Object.entries(st.sentenceByNumber ?? {})) if (p !== null) patterns.push([`${at}.sentenceByNumber.${n}`, p]);
      for (const [field, pattern] of patterns) {
        for (const m of pattern.matchAll(/\{([^{}]*)\}/g)) {
          const p = /^(?:([a-z0-9_]+)\.)?([a-zA-Z]+)(?::([a-z]+))?$/.exec(m[1]);
          const say = (code: ErrorCode, why: string, indicatorCode?: string) =>
            problems.push({ code, field, ...(indicatorCode ? { indicatorCode } : {}), message: `Mục ${section.id}: ${m[0]} ${why}` });
          if (!p) {
            say('TEMPLATE_UNKNOWN_PLACEHOLDER', 'không phải là một ô thay thế hợp lệ.');
            continue;
          }
          const [, code, name, mod] = p;
          if (mod !== undefined && !MODIFIERS.has(mod)) say('TEMPLATE_UNKNOWN_PLACEHOLDER', `có kiểu hiển thị ":${mod}" không tồn tại.`);
          if (code !== undefined) {
            if (!indicatorCodes.has(code)) say('TEMPLATE_UNKNOWN_INDICATOR', `nêu chỉ tiêu ${code} không có trong biểu mẫu ${template.formCode}.`, code);
            else if (!FIGURE_FIELDS.has(name)) say('TEMPLATE_UNKNOWN_PLACEHOLDER', `nêu số liệu "${name}" không tồn tại.`);
          } else if (!WORDS.has(name)) {
            if (!FIGURE_FIELDS.has(name)) say('TEMPLATE_UNKNOWN_PLACEHOLDER', `không phải là số liệu hay từ chỉ kỳ báo cáo nào.`);
            else if (st.indicator === undefined && name !== 'footnote') say('TEMPLATE_UNKNOWN_INDICATOR', 'không nêu chỉ tiêu và câu này không có chỉ tiêu chính.');
          }
        }
      }
    }
  }
  return problems;
}
