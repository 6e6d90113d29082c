import type { FigureSource } from '@app/domain';

/** What the annex says of its report: the revision, and once signed its number and date. */
export interface AnnexReport {
  reportId: string;
  revision: number;
  renderedAs: 'draft' | 'signed' | 'issued';
  period: { type: string; year: number; number: number };
  documentNumber: string | null;
  documentDate: string | null;
}

export type IndicatorLabels = ReadonlyMap<string, { name: string; unitOfMeasure: string | null }>;

const CSV_COLUMNS = ['section_id', 'printed_text', 'indicator_code', 'indicator_name', 'unit_of_measure', 'field', 'value', 'unit_code', 'submission_id'] as const;

function rows(figures: FigureSource[], labels: IndicatorLabels) {
  return figures.map((f) => ({
    sectionId: f.sectionId,
    printedText: f.text,
    indicatorCode: f.indicatorCode,
    indicatorName: labels.get(f.indicatorCode)?.name ?? null,
    unitOfMeasure: labels.get(f.indicatorCode)?.unitOfMeasure ?? null,
    /** value, cumulative, planPct, samePeriodChangePct or samePeriodRatioPct */
    field: f.field,
    /** the exact decimal the figure was printed from (a percentage to 10 decimals) */
    value: f.value,
    source: { unitCode: f.unitCode, submissionId: f.submissionId },
  }));
}

/**
 * The annex of a report's figures, machine-readable: every printed figure with its indicator code,
 * the exact value it was printed from, its unit of measure and its source (the unit's approved
 * submission), in the order the report prints them. JSON and CSV, stored beside the DOCX and PDF
 * with their SHA-256; an issued annex, like the issued document, is never replaced.
 */
export function annexJson(report: AnnexReport, figures: FigureSource[], labels: IndicatorLabels): Buffer {
  const doc = { format: 'tonghop.report-figures', formatVersion: '1.0', report, figures: rows(figures, labels) };
  return Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8');
}

const field = (v: string | null) => (v === null ? '' : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function annexCsv(figures: FigureSource[], labels: IndicatorLabels): Buffer {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows(figures, labels)) {
    lines.push([r.sectionId, r.printedText, r.indicatorCode, r.indicatorName, r.unitOfMeasure, r.field, r.value, r.source.unitCode, r.source.submissionId].map(field).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
