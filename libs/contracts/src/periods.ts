import type { SubmissionState } from '@app/domain';

export type PeriodType = 'month' | 'quarter' | 'half_year' | 'year';

export interface PeriodView {
  id: string;
  type: PeriodType;
  year: number;
  number: number;
  label: string;
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
