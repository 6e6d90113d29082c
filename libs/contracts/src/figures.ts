import type { ValueStatus } from '@app/domain';
import type { DecimalString } from './decimal-string';
import type { CompareOn, SamePeriodStyle } from './forms';

/** An indicator of the monthly form (chỉ tiêu), as the catalogue lists it: `GET /indicators`. */
export interface IndicatorCatalogueItem {
  code: string;
  name: string;
  unitOfMeasure: string | null;
  kind: 'number' | 'percent';
  parentCode: string | null;
  form: { code: string; version: number };
  section: { code: string; title: string; reportSection: string | null };
  /** the reporting units that fill it */
  units: Array<{ id: string; code: string; name: string }>;
  rule: {
    hasCumulative: boolean;
    hasPlan: boolean;
    planBasis: string | null;
    hasSamePeriod: boolean;
    compareOn: CompareOn;
    samePeriodStyle: SamePeriodStyle;
    integerOnly: boolean;
    decimals: number | null;
  };
}

/** Where a point of a series comes from: the unit's approved submission of that month. */
export interface FigureOrigin {
  submissionId: string;
  periodId: string;
  approvedAt: string | null;
}

/** One month of a series: the approved figure and what the submission view derives from it. */
export interface SeriesPointView {
  /** "2024-05" */
  period: string;
  year: number;
  month: number;
  /** null: no approved figure for the month */
  value: DecimalString | null;
  cumulative: DecimalString | null;
  cumulativeSource: 'computed' | 'entered' | null;
  plan: DecimalString | null;
  planPct: DecimalString | null;
  samePeriodBase: DecimalString | null;
  samePeriodChangePct: DecimalString | null;
  samePeriodRatioPct: DecimalString | null;
  source: FigureOrigin | null;
}

export interface UnitSeriesView {
  unit: { id: string; code: string; name: string };
  points: SeriesPointView[];
}

/** `GET /indicators/:code/series?from=&to=&unit=`: one series per unit the caller may see. */
export interface IndicatorSeriesView {
  indicator: IndicatorCatalogueItem;
  from: string;
  to: string;
  series: UnitSeriesView[];
}

/** A row of the long exports (CSV, the XLSX's long sheet): one approved figure with its derived figures. */
export interface FigureExportRow {
  period: string;
  unitCode: string;
  unitName: string;
  indicatorCode: string;
  indicatorName: string;
  unitOfMeasure: string | null;
  value: DecimalString;
  cumulative: DecimalString | null;
  planPct: DecimalString | null;
  /** "so với cùng kỳ" as the report states it: the change (tăng/giảm x%) or the ratio (bằng x%), per the indicator's style */
  samePeriodPct: DecimalString | null;
  samePeriodStyle: SamePeriodStyle;
  submissionId: string;
  /** ước / sơ bộ / chính thức as marked (an approved official figure replaces an estimate); null: not stated */
  status: ValueStatus | null;
}

/**
 * A cell of the dashboard's heat map: on time, late, not yet due, overdue (missing), or `recorded`:
 * approved history imported without a workflow (no date of submission to judge).
 */
export type TimelinessCell = 'on_time' | 'late' | 'pending' | 'overdue' | 'recorded';

/** `GET /dashboard/timeliness?year=&through=`: unit × month. */
export interface TimelinessMatrix {
  year: number;
  months: number[];
  /** the server's today (Vietnam), on its clock */
  today: string;
  units: Array<{
    unitId: string;
    unitCode: string;
    unitName: string;
    cells: Array<{ month: number; periodId: string; submissionId: string; state: string; timeliness: TimelinessCell }>;
  }>;
}
