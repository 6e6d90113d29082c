import type { ErrorDetail, SubmissionState, ValueStatus } from '@app/domain';
import type { DecimalString } from './decimal-string';
import type { Aggregation, CompareOn, IndicatorKind, SamePeriodStyle } from './forms';
import type { PeriodType } from './periods';

export type { SubmissionState };
export type ReviewActionName = 'submit' | 'return' | 'approve' | 'reopen';

export interface SubmissionListItem {
  id: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  periodId: string;
  state: SubmissionState;
  version: number;
  submittedAt: string | null;
  approvedAt: string | null;
  updatedAt: string;
  lastAction: { action: ReviewActionName; at: string; actorName: string } | null;
  /** the unit's own deadline: its extension for the period, else the period's */
  deadline: string;
  extended: boolean;
  extensionReason: string | null;
}

/** An indicator's rules, so a screen checks and derives as the officer types (with the domain lib). */
export interface RuleView {
  hasCumulative: boolean;
  hasPlan: boolean;
  hasSamePeriod: boolean;
  compareOn: CompareOn;
  samePeriodStyle: SamePeriodStyle;
  decimals: number | null;
  /** how a longer period's figure comes from the months, or `period`: entered for the period */
  aggregation: Aggregation;
  integerOnly: boolean;
  min: DecimalString | null;
  max: DecimalString | null;
}

/** One earlier period's figure, from which derived figures are computed. */
export interface BasisFigure {
  period: number;
  value: DecimalString | null;
  enteredCumulative: DecimalString | null;
  /** provenance: the approved submission the figure comes from, and its unit (a predecessor's, before a restructuring) */
  submissionId?: string;
  unitId?: string;
}

export interface BasisView {
  earlier: BasisFigure[];
  lastYear: BasisFigure[];
  plan: DecimalString | null;
}

/** The figures the server derived; percentages to 10 decimals, rounded for print by the reader. */
export interface DerivedView {
  cumulative: DecimalString | null;
  cumulativeSource: 'computed' | 'entered' | null;
  cumulativeMismatch: boolean;
  computedCumulative: DecimalString | null;
  planPct: DecimalString | null;
  samePeriodChangePct: DecimalString | null;
  samePeriodRatioPct: DecimalString | null;
  samePeriodBase: DecimalString | null;
  lastMonth: DecimalString | null;
  plan: DecimalString | null;
}

export interface ValueView {
  indicatorCode: string;
  name: string;
  unit: string | null;
  kind: IndicatorKind;
  sectionCode: string;
  parentCode: string | null;
  required: boolean;
  note: string | null;
  /** ước / sơ bộ / chính thức as the unit marked it; null: not stated (an estimate) */
  status: ValueStatus | null;
  rule: RuleView;
  /** a figure (number and percent indicators) as a DecimalString, or a text indicator's text */
  value: DecimalString | string | null;
  cumulativeEntered: DecimalString | null;
  /** null for text indicators */
  derived: DerivedView | null;
  basis: BasisView | null;
}

export interface ReviewView {
  id: string;
  action: ReviewActionName;
  reason: string | null;
  comments: Array<{ indicatorCode: string; text: string }>;
  submissionVersion: number;
  createdAt: string;
  actorUsername: string;
  actorName: string;
}

export interface SectionView {
  code: string;
  title: string;
  reportSection: string | null;
}

export interface SubmissionView {
  id: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  periodId: string;
  period: { type: PeriodType; year: number; number: number; deadline: string };
  /** the unit's own deadline: its extension for the period, else the period's */
  deadline: string;
  extension: { deadline: string; reason: string } | null;
  state: SubmissionState;
  version: number;
  submittedAt: string | null;
  approvedAt: string | null;
  sections: SectionView[];
  values: ValueView[];
  problems: ErrorDetail[];
  reviews: ReviewView[];
  /**
   * a longer period (quarter, six months, nine months, year): the unit's figures of the monthly form
   * computed from its approved months by each indicator's rule, shown beside those typed for the
   * period; null for a month
   */
  fromMonths: MonthFigureView[] | null;
  /**
   * a longer period: where each of its months stands for this unit (its monthly submission's state, or
   * null when the month has not been opened), so the officer sees which months the figures wait for; null for a month
   */
  monthStates: MonthStateView[] | null;
  /** later versions of its approved figures (official figures sent after approval), newest first */
  figureRevisions: FigureRevisionView[];
}

/** A later version of one approved figure: its value and status, what it replaced, who sent and decided it. */
export interface FigureRevisionView {
  id: string;
  submissionId: string;
  indicatorCode: string;
  value: DecimalString | null;
  cumulative: DecimalString | null;
  status: ValueStatus;
  previousValue: DecimalString | null;
  previousStatus: ValueStatus | null;
  reason: string;
  state: 'submitted' | 'approved' | 'returned';
  submittedAt: string;
  submittedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  returnReason: string | null;
}

/** One month of a longer period, for one unit: its monthly submission's state; null state when the month is not opened. */
export interface MonthStateView {
  month: number;
  state: SubmissionState | null;
  submissionId: string | null;
}

/** One of the unit's figures of a longer period, computed from its approved months (read-only). */
export interface MonthFigureView {
  indicatorCode: string;
  name: string;
  unit: string | null;
  kind: IndicatorKind;
  sectionCode: string;
  /** flow (summed), stock (end of period), average, to_date (last reported) */
  aggregation: Aggregation;
  value: DecimalString | null;
  cumulative: DecimalString | null;
  planPct: DecimalString | null;
  samePeriodChangePct: DecimalString | null;
  samePeriodRatioPct: DecimalString | null;
  /** the months the value was taken from, with their approved figures */
  months: Array<{ month: number; value: DecimalString | null }>;
  /** months the rule needed that are not approved yet */
  missingMonths: number[];
}

export interface SaveAnswer {
  id: string;
  version: number;
  warnings: ErrorDetail[];
}

export interface TransitionAnswer {
  id: string;
  state: SubmissionState;
  version: number;
}

/**
 * One audit entry. In `values.updated` entries, `before`/`after` hold `values` (code → a figure as a
 * DecimalString, or a text indicator's text), `cumulative` (code → DecimalString) and `notes`.
 */
export interface AuditRow {
  id: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
}
