import type { EntityManager } from 'typeorm';
import type { ReportFileFormat } from '../entities/report.entity';
import type { Queryable } from './queryable';

export type { ReportFileFormat };

export type StoredRevisionFile =
  | { state: 'ready'; data: Buffer; sha256: string }
  /** the worker's machine lacks LibreOffice: no data yet */
  | { state: 'awaiting_libreoffice'; data: null; sha256: null };

export async function findRevisionFile(db: Queryable, revisionId: string, format: ReportFileFormat): Promise<StoredRevisionFile | null> {
  const [file]: StoredRevisionFile[] = await db.query(
    `SELECT data, sha256, state FROM report_files WHERE revision_id = $1 AND format = $2`,
    [revisionId, format],
  );
  return file ?? null;
}

/** How each of the revision's files was rendered ('draft' or 'issued'), and whether it is there or waits for LibreOffice. */
export async function findRenderedFormats(
  db: Queryable,
  revisionId: string,
): Promise<Array<{ format: ReportFileFormat; renderedAs: 'draft' | 'issued'; state: 'ready' | 'awaiting_libreoffice' }>> {
  return db.query(`SELECT format, rendered_as AS "renderedAs", state FROM report_files WHERE revision_id = $1`, [revisionId]);
}

export type RenderedAs = 'draft' | 'signed' | 'issued';

/** PDFs stored 'awaiting_libreoffice', with when they were stored (ms since the epoch, as text) to name their job. */
export async function findPdfsAwaitingLibreOffice(db: Queryable): Promise<Array<{ revisionId: string; renderedAs: RenderedAs; since: string }>> {
  return db.query(
    `SELECT revision_id AS "revisionId", rendered_as AS "renderedAs", (extract(epoch FROM created_at) * 1000)::bigint::text AS since
       FROM report_files WHERE format = 'pdf' AND state = 'awaiting_libreoffice'`,
  );
}

/**
 * Stores a rendered file (data null: a PDF waiting for LibreOffice). A file only moves forward: a
 * draft rendering is replaced by anything, a signed one only by the issued one (which begins with it,
 * byte for byte), an issued one never — except a PDF still waiting, by its own rendering once made.
 * True when it was stored.
 */
export async function storeRevisionFile(
  db: Queryable,
  f: { revisionId: string; format: ReportFileFormat; renderedAs: RenderedAs; sha256: string | null; data: Buffer | null; layout?: object | null },
): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `INSERT INTO report_files (revision_id, format, rendered_as, state, sha256, size, data, layout) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (revision_id, format) DO UPDATE SET rendered_as = EXCLUDED.rendered_as, state = EXCLUDED.state, sha256 = EXCLUDED.sha256,
       size = EXCLUDED.size, data = EXCLUDED.data, layout = coalesce(EXCLUDED.layout, report_files.layout), created_at = now()
     WHERE report_files.rendered_as = 'draft'
        OR (report_files.rendered_as = 'signed' AND EXCLUDED.rendered_as = 'issued')
        OR (report_files.state = 'awaiting_libreoffice' AND EXCLUDED.state = 'ready' AND EXCLUDED.rendered_as = report_files.rendered_as)
     RETURNING id`,
    [
      f.revisionId, f.format, f.renderedAs, f.data ? 'ready' : 'awaiting_libreoffice', f.data ? f.sha256 : null, f.data?.length ?? null, f.data,
      f.layout ? JSON.stringify(f.layout) : null,
    ],
  );
  return rows.length > 0;
}

export interface RevisionPdfRow {
  id: string;
  data: Buffer;
  sha256: string;
  renderedAs: RenderedAs;
  layout: Record<string, unknown> | null;
}

/** The revision's PDF with how it was rendered and its layout (for the records office's stamps). */
export async function findRevisionPdf(db: Queryable, revisionId: string): Promise<RevisionPdfRow | null> {
  const [row]: RevisionPdfRow[] = await db.query(
    `SELECT id, data, sha256, rendered_as AS "renderedAs", layout FROM report_files WHERE revision_id = $1 AND format = 'pdf'`,
    [revisionId],
  );
  return row ?? null;
}

/** The bytes of one stored file (an e-mail's attachment). */
export async function findReportFileById(db: Queryable, fileId: string): Promise<{ format: ReportFileFormat; data: Buffer; sha256: string } | null> {
  const [row]: Array<{ format: ReportFileFormat; data: Buffer; sha256: string }> = await db.query(`SELECT format, data, sha256 FROM report_files WHERE id = $1`, [fileId]);
  return row ?? null;
}

/** The revision's draft files go when it is signed: the worker renders the signed ones (a signed or issued file is never deleted). */
export async function deleteRevisionFiles(m: EntityManager, revisionId: string): Promise<void> {
  await m.query(`DELETE FROM report_files WHERE revision_id = $1 AND rendered_as = 'draft'`, [revisionId]);
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
