import type { ValueStatus } from '../value-status';

/** A composed report: what is stored in a revision, rendered to DOCX/HTML, and edited by the office. */
export interface ReportContent {
  header: ReportHeader;
  sections: ContentSection[];
  /** footnote id → its text; numbered in order of first reference when rendered */
  footnotes: Record<string, Run[]>;
  /** remarks for the office shown on drafts only (missing units, figures that disagree) */
  notices: string[];
}

export interface ReportHeader {
  issuer: string[];
  place: string;
  numberSuffix: string;
  /** "57" once signed; null on drafts ("Số:     /BC-UBND") */
  number: string | null;
  /** ISO date of signing; null on drafts */
  date: string | null;
  kind: string;
  title: string[];
  signature: { onBehalf: string; for: string | null; title: string; name: string | null };
  recipients: string[];
  archive: string;
  /** a replacement: the issued report it replaces, and why (printed under the title) */
  replaces?: { number: string; numberSuffix: string; date: string; reason: string } | null;
}

export interface ContentSection {
  id: string;
  number: string;
  heading: string;
  level: 1 | 2 | 3;
  style: 'heading' | 'run-in' | 'task';
  paragraphs: Run[][];
}

export type Run = TextRun | FigureRun | NoteRun;
export interface TextRun {
  t: 'text';
  text: string;
  /** a number the office typed in an edited section that no approved submission gives: shown as "typed by the office" */
  typed?: true;
}
export interface FigureRun {
  t: 'fig';
  text: string;
  /** index into the revision's figure list (provenance) */
  ref: number;
}
export interface NoteRun {
  t: 'note';
  id: string;
}

export type FigureField = 'value' | 'cumulative' | 'planPct' | 'samePeriodChangePct' | 'samePeriodRatioPct';

/** Provenance of one printed figure: which approved submission, which indicator, which value. */
export interface FigureSource {
  unitCode: string;
  submissionId: string;
  indicatorCode: string;
  field: FigureField;
  /** the exact decimal the figure was printed from; a percentage (a quotient that rarely ends) to 10 decimals */
  value: string;
  text: string;
  sectionId: string;
  /**
   * a figure of a longer period: the months it was taken from, each with its approved submission
   * and value — the months a summed figure sums, the month a stock or a last-reported figure is of
   */
  months?: MonthSource[];
  /**
   * ước / sơ bộ / chính thức: the value's own (a month's report, a figure entered for the period), or
   * that of its months (a sum is official only when every month is); absent: never stated (an estimate)
   */
  status?: ValueStatus;
  /** the value is a later version of an approved figure: what the reports printed before */
  revised?: Revision;
}

/** What a later version (an official figure) replaced. */
export interface Revision {
  previousValue: string | null;
  previousStatus: ValueStatus | null;
}

/** One month a longer period's figure was taken from. */
export interface MonthSource {
  month: number;
  submissionId: string;
  /** the month's exact approved figure */
  value: string;
  status?: ValueStatus;
  revised?: Revision;
}
