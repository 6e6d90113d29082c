import type { Aggregation, FormVersionSpec, PeriodType } from '@app/domain';
import type { DecimalString } from './decimal-string';

export type { Aggregation };

export type IndicatorKind = 'number' | 'percent' | 'text';
export type CompareOn = 'value' | 'cumulative';
/** "tăng/giảm x%" or "bằng x%" so với cùng kỳ */
export type SamePeriodStyle = 'change' | 'ratio';

export interface FormTemplateSummary {
  id: string;
  code: string;
  version: number;
  name: string;
  /** the period types it serves */
  periodTypes: PeriodType[];
  sections: number;
  indicators: number;
  createdAt: string;
}

export interface FormIndicatorView {
  code: string;
  name: string;
  unit: string | null;
  kind: IndicatorKind;
  parentCode: string | null;
  required: boolean;
  hasCumulative: boolean;
  hasPlan: boolean;
  planBasis: string | null;
  hasSamePeriod: boolean;
  compareOn: CompareOn;
  samePeriodStyle: SamePeriodStyle;
  /** how a longer period's figure comes from the months, or `period`: entered for the period */
  aggregation: Aggregation;
  min: DecimalString | null;
  max: DecimalString | null;
  integerOnly: boolean;
  decimals: number | null;
}

export interface FormTemplateView {
  id: string;
  code: string;
  version: number;
  name: string;
  periodTypes: PeriodType[];
  deadlineRule: { rule: string; days?: number; day?: number } | null;
  sections: Array<{ code: string; title: string; reportSection: string | null; units: string[]; indicators: FormIndicatorView[] }>;
}

export type { FormVersionSpec, FormSectionSpec, FormIndicatorSpec } from '@app/domain';

/** A problem that keeps a form version from being published (every one is listed). */
export interface FormProblemView {
  code: string;
  field: string;
  indicatorCode?: string;
  message: string;
}

/** The draft of a form's next version, being edited by the administrator. */
export interface FormDraftView {
  id: string;
  formCode: string;
  /** the published version it was started from */
  baseVersion: number;
  /** optimistic lock: send it back when saving or publishing */
  version: number;
  updatedAt: string;
  body: FormVersionSpec;
  /** what publishing would refuse now */
  problems: FormProblemView[];
}

/** A year's plan of one indicator: the year target and its revisions (điều chỉnh kế hoạch). */
export interface PlanView {
  indicatorCode: string;
  name: string;
  unit: string | null;
  /** null: no target entered for the year */
  target: string | null;
  revisions: Array<{ effectiveFrom: string; target: string; decision: string }>;
}

export interface YearPlansView {
  year: number;
  plans: PlanView[];
}
