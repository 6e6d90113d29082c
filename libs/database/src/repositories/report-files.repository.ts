import type { EntityManager } from 'typeorm';
import type { ReportFileFormat } from '../entities/report.entity';
import type { Queryable } from './queryable';

export type { ReportFileFormat };

export async function findRevisionFile(db: Queryable, revisionId: string, format: ReportFileFormat): Promise<{ data: Buffer; sha256: string } | null> {
  const [file]: Array<{ data: Buffer; sha256: string }> = await db.query(
    `SELECT data, sha256 FROM report_files WHERE revision_id = $1 AND format = $2`,
    [revisionId, format],
  );
  return file ?? null;
}

/** How each of the revision's files was rendered ('draft' or 'issued'). */
export async function findRenderedFormats(db: Queryable, revisionId: string): Promise<Array<{ format: string; rendered_as: string }>> {
  return db.query(`SELECT format, rendered_as FROM report_files WHERE revision_id = $1`, [revisionId]);
}

/** Stores a rendered file; an issued file is never replaced (only a draft rendering is). */
export async function storeRevisionFile(
  db: Queryable,
  f: { revisionId: string; format: ReportFileFormat; renderedAs: 'draft' | 'issued'; sha256: string; data: Buffer },
): Promise<void> {
  await db.query(
    `INSERT INTO report_files (revision_id, format, rendered_as, sha256, size, data) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (revision_id, format) DO UPDATE SET rendered_as = EXCLUDED.rendered_as, sha256 = EXCLUDED.sha256,
       size = EXCLUDED.size, data = EXCLUDED.data, created_at = now()
     WHERE report_files.rendered_as = 'draft'`,
    [f.revisionId, f.format, f.renderedAs, f.sha256, f.data.length, f.data],
  );
}

/** The revision's draft files go when it is signed: the worker renders the issued ones. */
export async function deleteRevisionFiles(m: EntityManager, revisionId: string): Promise<void> {
  await m.query(`DELETE FROM report_files WHERE revision_id = $1`, [revisionId]);
}

/** The suffix of the document number ("BC-UBND"), from the report template (every template of config/reports names one). */
export async function findDocumentNumberSuffix(db: Queryable, templateId: string): Promise<string> {
  const [row]: Array<{ suffix: string }> = await db.query(
    `SELECT body->'document'->>'numberSuffix' AS suffix FROM report_templates WHERE id = $1`,
    [templateId],
  );
  return row.suffix;
}

/** Takes the year's next number for the suffix; the row stays locked until the caller's transaction ends. */
export async function takeNextDocumentNumber(m: EntityManager, year: number, suffix: string): Promise<number> {
  const [{ last }]: Array<{ last: number }> = await m.query(
    `INSERT INTO document_numbers (year, suffix, last) VALUES ($1, $2, 1)
     ON CONFLICT (year, suffix) DO UPDATE SET last = document_numbers.last + 1 RETURNING last`,
    [year, suffix],
  );
  return last;
}

/** The name and unit of measure of each indicator of the report's period's form, by code (for the annex of figures). */
export async function findReportIndicatorLabels(db: Queryable, reportId: string): Promise<Map<string, { name: string; unitOfMeasure: string | null }>> {
  const rows: Array<{ code: string; name: string; unitOfMeasure: string | null }> = await db.query(
    `SELECT i.code, i.name, i.unit_of_measure AS "unitOfMeasure"
       FROM reports r JOIN periods p ON p.id = r.period_id JOIN indicators i ON i.template_id = p.form_template_id
      WHERE r.id = $1`,
    [reportId],
  );
  return new Map(rows.map((r) => [r.code, { name: r.name, unitOfMeasure: r.unitOfMeasure }]));
}
