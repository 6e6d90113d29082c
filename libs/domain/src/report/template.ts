import type { PeriodType } from '../period';
import type { TargetsTemplate } from './targets';

/**
 * The report template (config/reports/*.json, stored versioned in the database): the outline of
 * the consolidated report, and for each section the units whose narratives it places and the
 * sentence patterns that turn their figures into Vietnamese prose.
 *
 * Pattern placeholders: `{field}` or `{indicator.field}` with an optional `:modifier`.
 *   value, cumulative        "47.393 ha" (`:n` → the number alone, `:change` → "tăng/giảm x%")
 *   plan                     "đạt 55,5% kế hoạch" (basis from the form: kế hoạch / dự toán …; `:short` → "đạt 55,5%")
 *   samePeriod               "tăng 1,7% so với cùng kỳ" / "giảm …" / "bằng x% so với cùng kỳ" (`:short` drops "so với cùng kỳ")
 *   name                     the indicator's name; months, month, year: of the period; footnote: the marker
 * A pattern is a list of comma-separated segments; a segment whose figure is missing is dropped.
 */
export interface ReportTemplate {
  code: string;
  version: number;
  formCode: string;
  /** the period type it reports; absent: any period of its form */
  periodType?: PeriodType;
  name: string;
  notes?: string[];
  document: DocumentTemplate;
  /** decimals the report prints a figure with, where it differs from the default ("code.field": n) */
  decimals: Record<string, number>;
  sections: SectionTemplate[];
}

export interface DocumentTemplate {
  issuer: string[];
  place: string;
  numberSuffix: string;
  kind: string;
  /** title lines, with the period's words (period-words.ts): {month}, {months}, {year}, {nextMonth}, {nextYear}, {quarter} … */
  title: string[];
  /** the same for the first month of a year, when there is no "N tháng đầu năm" (kept: `titleByNumber["1"]` says it too) */
  titleFirstMonth?: string[];
  /** the title of the period with this number, where it differs ("1": January, "12": December; "2": the second half-year) */
  titleByNumber?: Record<string, string[]>;
  signature: { onBehalf: string; for: string | null; title: string };
  recipients: string[];
  archive: string;
}

export interface SectionTemplate {
  id: string;
  /** as printed: "I.", "1.", "1.1.", "" for the run-in "Đánh giá chung" */
  number: string;
  heading: string;
  /** the heading of the period with this number, where it differs ("THÁNG 1 NĂM 2025", "THÁNG 12 VÀ CẢ NĂM 2024") */
  headingByNumber?: Record<string, string>;
  level: 1 | 2 | 3;
  /** how the heading sits: its own line (default), run in before the text in italics, or a bold task number */
  style?: 'heading' | 'run-in' | 'task';
  /** units whose narrative paragraphs this section places, in order */
  units: string[];
  statements?: StatementTemplate[];
  /** the table of the year's main targets, before the units' paragraphs (six-month and annual reports) */
  targets?: TargetsTemplate;
}

export interface StatementTemplate {
  /** the unit whose figures the statement speaks of (where generated sentences go) */
  unit: string;
  /** the main indicator: placeholders without an indicator name refer to it */
  indicator?: string;
  /** the sentence written when the narratives do not already say it */
  sentence: string;
  /**
   * the sentence of the period with this number, where it differs — January has no "lũy kế 1 tháng";
   * null: nothing is said that period
   */
  sentenceByNumber?: Record<string, string | null>;
  /** words the narrative sentence must contain for its figures to count as this statement's */
  context?: string[];
  /** place the footnote at the end of the first narrative sentence containing one of these words */
  anchor?: string[];
  /** after the clause with the word (default) or at the end of its sentence */
  anchorAt?: 'clause' | 'sentence';
  footnote?: FootnoteTemplate;
}

export interface FootnoteTemplate {
  lead: string;
  /** "children" = the indicator's "trong đó" parts in form order */
  items: Array<string | { indicator: string; pattern: string }> | 'children';
  /** pattern of the first item and of the others (lists are elliptical after the first) */
  first?: string;
  item?: string;
  separator?: string;
  /** "(1) ", "(2) " … before each item */
  numbered?: boolean;
  /** sentences after the list */
  tail?: string[];
}
