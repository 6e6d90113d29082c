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
