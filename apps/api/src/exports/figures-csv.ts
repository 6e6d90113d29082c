import type { FigureExportRow } from '@app/contracts';

/** The long format's columns, in order (the CSV's header, the XLSX's long sheet). */
export const LONG_COLUMNS = [
  'period', 'unit_code', 'unit_name', 'indicator_code', 'indicator_name', 'unit_of_measure',
  'value', 'cumulative', 'plan_pct', 'same_period_pct', 'same_period_style', 'submission_id',
  // added last, so the columns before it keep their places
  'value_status',
] as const;

export function longRow(r: FigureExportRow): Array<string | null> {
  return [r.period, r.unitCode, r.unitName, r.indicatorCode, r.indicatorName, r.unitOfMeasure, r.value, r.cumulative, r.planPct, r.samePeriodPct, r.samePeriodStyle, r.submissionId, r.status];
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function field(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A CSV of rows (UTF-8 with a byte order mark, so Excel reads the Vietnamese names; CRLF line
 * ends). Figures are the API's decimal strings — "." as the point, no grouping — so a program reads
 * them back exactly, and Excel in any locale sees them as text it can convert, never rounded.
 */
export function toCsv(header: readonly string[], rows: Array<Array<string | null>>): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export function figuresCsv(rows: FigureExportRow[]): string {
  return toCsv(LONG_COLUMNS, rows.map(longRow));
}
