import type { EntityManager } from 'typeorm';
import type { Queryable } from './queryable';

export type ReportFileFormat = 'docx' | 'pdf';

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

/** PDFs stored 'awaiting_libreoffice', with when they were stored (ms since the epoch, as text) to name their job. */
export async function findPdfsAwaitingLibreOffice(db: Queryable): Promise<Array<{ revisionId: string; renderedAs: 'draft' | 'issued'; since: string }>> {
  return db.query(
    `SELECT revision_id AS "revisionId", rendered_as AS "renderedAs", (extract(epoch FROM created_at) * 1000)::bigint::text AS since
       FROM report_files WHERE format = 'pdf' AND state = 'awaiting_libreoffice'`,
  );
}

/**
 * Stores a rendered file (data null: a PDF waiting for LibreOffice). A draft is replaced by a newer
 * rendering; an issued file never is, unless it is a PDF still waiting.
 */
export async function storeRevisionFile(
  db: Queryable,
  f: { revisionId: string; format: ReportFileFormat; renderedAs: 'draft' | 'issued'; sha256: string | null; data: Buffer | null },
): Promise<void> {
  await db.query(
    `INSERT INTO report_files (revision_id, format, rendered_as, state, sha256, size, data) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (revision_id, format) DO UPDATE SET rendered_as = EXCLUDED.rendered_as, state = EXCLUDED.state, sha256 = EXCLUDED.sha256,
       size = EXCLUDED.size, data = EXCLUDED.data, created_at = now()
     WHERE report_files.rendered_as = 'draft'
        OR (report_files.state = 'awaiting_libreoffice' AND EXCLUDED.state = 'ready' AND EXCLUDED.rendered_as = report_files.rendered_as)`,
    [f.revisionId, f.format, f.renderedAs, f.data ? 'ready' : 'awaiting_libreoffice', f.data ? f.sha256 : null, f.data?.length ?? null, f.data],
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
