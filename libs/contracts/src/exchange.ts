import type { DecimalString } from './decimal-string';
import type { SamePeriodStyle } from './forms';

/**
 * The exchange document: a period's approved figures as sent to an upper-level reporting system,
 * indicator values by code, period and reporting body. Versioned (`formatVersion`); its JSON Schema
 * is config/exchange/period-figures.v1.schema.json.
 */
export interface ExchangeDocument {
  format: 'tonghop.period-figures';
  formatVersion: '1.0';
  /** "<reporting body>-<period>-v<version>", e.g. "20-2024-05-v2" */
  documentId: string;
  /** this period's export version: a new one only when a figure changed (a correction after approval) */
  version: number;
  previous: { version: number; documentId: string; sha256: string } | null;
  generatedAt: string;
  reportingBody: { code: string; scheme: string; name: string };
  period: { type: 'month'; year: number; number: number; code: string };
  figures: ExchangeFigure[];
  /** what differs from the previous version (empty for the first) */
  changes: ExchangeChange[];
}

export interface ExchangeFigures {
  value: DecimalString;
  cumulative: DecimalString | null;
  planPct: DecimalString | null;
  samePeriodPct: DecimalString | null;
}

export interface ExchangeFigure extends ExchangeFigures {
  indicatorCode: string;
  indicatorName: string;
  unitOfMeasure: string | null;
  samePeriodStyle: SamePeriodStyle;
  /** the reporting unit (sở, ban, ngành) whose approved submission the figure comes from */
  reportingUnit: { code: string; name: string };
  source: { submissionId: string; approvedAt: string | null };
}

export interface ExchangeChange {
  kind: 'added' | 'removed' | 'changed';
  reportingUnit: string;
  indicatorCode: string;
  before: ExchangeFigures | null;
  after: ExchangeFigures | null;
}
