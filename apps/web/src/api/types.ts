/** The API's answers, as the screens read them (see the README's API table). */
import type { ErrorDetail, FigureSource, SubmissionState } from '@app/domain';

export type Role = 'officer' | 'reviewer' | 'signer' | 'admin';
export type { SubmissionState };

export interface Me {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  isLead: boolean;
  email: string | null;
  unit: { id: string; code: string; name: string } | null;
  /** 'YYYY-MM-DD': today in Vietnam on the server's clock (the demo plays May 2024) */
  today: string;
}

export interface LoginAnswer {
  accessToken: string;
  user: { id: string; username: string; role: Role; unitId: string | null };
}

export interface PeriodView {
  id: string;
  type: 'month' | 'quarter' | 'half_year' | 'year';
  year: number;
  number: number;
  label: string;
  cutoffFrom: string;
  cutoffTo: string;
  deadline: string;
  formTemplateId: string;
  submissions: { total: number; draft: number; submitted: number; returned: number; approved: number };
}

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

export type ReviewActionName = 'submit' | 'return' | 'approve' | 'reopen';

export interface RuleView {
  hasCumulative: boolean;
  hasPlan: boolean;
  hasSamePeriod: boolean;
  compareOn: 'value' | 'cumulative';
  samePeriodStyle: 'change' | 'ratio';
  decimals: number | null;
  integerOnly: boolean;
  min: string | null;
  max: string | null;
}

export interface BasisFigure {
  period: number;
  value: string | null;
  enteredCumulative: string | null;
}

export interface DerivedView {
  cumulative: number | null;
  cumulativeSource: 'computed' | 'entered' | null;
  cumulativeMismatch: boolean;
  computedCumulative: number | null;
  planPct: number | null;
  samePeriodChangePct: number | null;
  samePeriodRatioPct: number | null;
  samePeriodBase: number | null;
  lastMonth: number | null;
  plan: number | null;
}

export interface ValueView {
  indicatorCode: string;
  name: string;
  unit: string | null;
  kind: 'number' | 'percent' | 'text';
  sectionCode: string;
  parentCode: string | null;
  required: boolean;
  note: string | null;
  rule: RuleView;
  value: number | string | null;
  cumulativeEntered: number | null;
  derived: DerivedView | null;
  basis: { earlier: BasisFigure[]; lastYear: BasisFigure[]; plan: string | null } | null;
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

export interface SubmissionView {
  id: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  periodId: string;
  period: { type: PeriodView['type']; year: number; number: number; deadline: string };
  /** the unit's own deadline: its extension for the period, else the period's */
  deadline: string;
  extension: { deadline: string; reason: string } | null;
  state: SubmissionState;
  version: number;
  submittedAt: string | null;
  approvedAt: string | null;
  sections: Array<{ code: string; title: string; reportSection: string | null }>;
  values: ValueView[];
  problems: ErrorDetail[];
  reviews: ReviewView[];
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

export interface AuditRow {
  id: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
}

export interface UnitView {
  id: string;
  code: string;
  name: string;
  kind: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  mergedIntoCode: string | null;
}

export interface UserView {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unitId: string | null;
  email: string | null;
  isLead: boolean;
  active: boolean;
  createdAt: string;
}

export interface FormTemplateSummary {
  id: string;
  code: string;
  version: number;
  name: string;
  periodType: string;
  sections: number;
  indicators: number;
  createdAt: string;
}

export interface FormTemplateView {
  id: string;
  code: string;
  version: number;
  name: string;
  periodType: string;
  deadlineRule: { rule: string; days?: number; day?: number } | null;
  sections: Array<{
    code: string;
    title: string;
    reportSection: string | null;
    units: string[];
    indicators: Array<{
      code: string;
      name: string;
      unit: string | null;
      kind: ValueView['kind'];
      parentCode: string | null;
      required: boolean;
      hasCumulative: boolean;
      hasPlan: boolean;
      hasSamePeriod: boolean;
      compareOn: 'value' | 'cumulative';
      min: string | null;
      max: string | null;
      integerOnly: boolean;
      decimals: number | null;
    }>;
  }>;
}

/** Báo cáo tổng hợp */
export type ReportState = 'drafting' | 'awaiting_signature' | 'signed' | 'superseded';
export type RevisionState = 'draft' | 'sent' | 'returned' | 'signed' | 'superseded';

export interface ReportRevisionSummary {
  number: number;
  state: RevisionState;
  trigger: string;
  createdAt: string;
  missingUnits: string[];
  editedSection: string | null;
  /** a PDF 'awaiting_libreoffice' has no sha256 nor size: the worker's machine lacks LibreOffice */
  files: Array<{ format: 'docx' | 'pdf'; sha256: string | null; size: number | null; renderedAs: 'draft' | 'issued'; state: 'ready' | 'awaiting_libreoffice' }>;
}

export interface ReportActionView {
  action: 'send' | 'return' | 'sign';
  revisionNumber: number;
  comment: string | null;
  createdAt: string;
  actorUsername: string | null;
}

export interface ReportSummary {
  id: string;
  periodId: string;
  state: ReportState;
  version: number;
  correctsReportId: string | null;
  sentRevision: number | null;
  documentNumber: string | null;
  documentDate: string | null;
  signedAt: string | null;
  supersededReason: string | null;
  revisions: ReportRevisionSummary[];
  actions: ReportActionView[];
}

/** the provenance of a printed figure, as the worker stores it in the revision */
export type { FigureField, FigureSource } from '@app/domain';

/** A piece of a paragraph: plain text, a figure with its source, or a footnote mark. */
export type RunView = { text: string; source?: FigureSource } | { note: number };

export interface ReportSectionView {
  id: string;
  number: string;
  heading: string;
  level: number;
  style: 'heading' | 'run-in' | 'task';
  paragraphs: RunView[][];
  /** paragraphs separated by a blank line, footnote markers "[^N]" */
  text: string;
  figures: Array<{ paragraph: number; text: string; source: FigureSource | null }>;
}

export interface RevisionContentView {
  number: number;
  header: {
    issuer: string[];
    kind: string;
    title: string[];
    number: string | null;
    numberSuffix: string;
    place: string;
    date: string | null;
    signature: { onBehalf: string; for?: string | null; title: string; name?: string | null };
    recipients: string[];
    archive: string;
  };
  notices: string[];
  sections: ReportSectionView[];
  footnotes: Array<{ number: number; text: string; runs: RunView[] }>;
}

export interface ReportView extends ReportSummary {
  current: RevisionContentView | null;
}

export interface ReportDiff {
  from: number;
  to: number;
  sections: Array<{ id: string; heading: string; changes: Array<{ op: 'equal' | 'insert' | 'delete'; text: string }> }>;
}

export interface SignAnswer {
  id: string;
  state: ReportState;
  version: number;
  revision: number;
  documentNumber: string;
  numberLine: string;
  placeDate: string;
}

/** Hộp thư */
export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  periodId: string | null;
  submissionId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  unread: number;
  items: NotificationItem[];
}

/** Tình hình nộp báo cáo: timeliness judged by the server on its (injected) clock */
export type TimelinessKind = 'on_time' | 'late' | 'pending' | 'overdue';

export interface CompletenessUnit {
  unitId: string;
  unitCode: string;
  unitName: string;
  submissionId: string;
  state: SubmissionState;
  submittedAt: string | null;
  lastSubmittedAt: string | null;
  approvedAt: string | null;
  deadline: string;
  extended: boolean;
  extensionReason: string | null;
  timeliness: TimelinessKind;
  onTime: boolean | null;
  remindersSent: number;
  lastReminderDay: string | null;
}

export interface Completeness {
  periodId: string;
  label: string;
  deadline: string;
  /** the server's today (Vietnam), on its clock */
  today: string;
  totals: { units: number; submitted: number; approved: number; onTime: number; late: number; pending: number; overdue: number; remindersSent: number };
  units: CompletenessUnit[];
}

export interface ExtensionView {
  id: string;
  periodId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  deadline: string;
  reason: string;
  grantedBy: string;
  createdAt: string;
  updatedAt: string;
}
