import type { FormIndicatorSpec, PeriodType, ReminderPolicy, Role } from '@app/domain';
import type { DeadlineRule } from '../entities';
import type { UnitKind } from '../entities';

/** Shapes of the data files under config/ (units, forms, plans, history). */
export interface UnitsFile {
  province: string;
  units: Array<{
    code: string;
    name: string;
    kind: UnitKind;
    parentCode?: string | null;
    effectiveFrom: string;
    effectiveTo?: string | null;
    mergedInto?: string | null;
    email?: string | null;
  }>;
}

/** an indicator as the form file says it: the same shape the administrator edits */
export type { FormIndicatorSpec };

export interface FormFile {
  code: string;
  version: number;
  name: string;
  /** the period types the form serves (or one, `periodType`, as the first forms said it) */
  periodTypes?: PeriodType[];
  periodType?: PeriodType;
  deadline?: DeadlineRule | null;
  /** the reminder policy (config/forms/*.json "reminders"); absent fields take the defaults */
  reminders?: Partial<ReminderPolicy> | null;
  sections: Array<{
    code: string;
    title: string;
    reportSection?: string | null;
    units: string[];
    indicators: FormIndicatorSpec[];
  }>;
}

/** year → indicator code → annual target */
export type PlansFile = Record<string, Record<string, number | string>>;

export interface HistoryFile {
  submissions: Array<{ unit: string; year: number; month: number; values: Record<string, number | string> }>;
}

export interface UserSpec {
  username: string;
  password: string;
  fullName: string;
  role: Role;
  unitCode?: string;
  email?: string | null;
  isLead?: boolean;
  /** a demo account with the published password: a production start disables it */
  isDemo?: boolean;
}
