import type { PeriodType, SubmissionState } from '@app/domain';

/** month, quarter, half_year, nine_months, year */
export type { PeriodType };

export interface PeriodView {
  id: string;
  type: PeriodType;
  year: number;
  number: number;
  /** as a title says it: "quý II năm 2024", "6 tháng đầu năm 2024" */
  label: string;
  /** as a list names it: "Quý II/2024", "6 tháng đầu năm 2024" */
  name: string;
  /** the calendar months it covers */
  months: { first: number; last: number };
  cutoffFrom: string;
  cutoffTo: string;
  deadline: string;
  formTemplateId: string;
  submissions: { total: number; draft: number; submitted: number; returned: number; approved: number };
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

/** Counts only: completeness carries no figures. */
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
  /** null once the granting user is gone */
  grantedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A year of the working-day calendar, as the administrator sees it. */
export interface CalendarYearView {
  year: number;
  /** the year's official schedule is known (entered, or in the data file) */
  scheduled: boolean;
  /** entered by the administrator (else from the data file, or not known) */
  entered: boolean;
  decision: string | null;
  /** optimistic lock of an entered year */
  version: number | null;
  daysOff: Array<{ date?: string; from?: string; to?: string; name: string }>;
  makeUpDays: Array<{ date: string; name: string }>;
  lunar: { tet: string; hungKings: string } | null;
}

export interface CalendarOverview {
  years: CalendarYearView[];
  /** the current or next year has no schedule: deadlines there count only weekends and solar holidays */
  missing: number[];
}

/** A deadline the calendar entry moved. */
export interface RecomputedDeadline {
  periodId: string;
  label: string;
  before: string;
  after: string;
  /** the unit of an extension, or null for the period's own deadline */
  unitExtensionId: string | null;
}

export interface CalendarEntryResult {
  year: CalendarYearView;
  recomputed: RecomputedDeadline[];
}
