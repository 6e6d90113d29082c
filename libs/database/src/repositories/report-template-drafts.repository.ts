import type { ReportTemplate } from '@app/domain';
import type { EntityManager } from 'typeorm';
import type { Queryable } from './queryable';

/** A report template's newest version, with its body. */
export async function findNewestReportTemplate(db: Queryable, code: string): Promise<{ id: string; version: number; body: ReportTemplate } | null> {
  const [row] = await db.query(`SELECT id, version, body FROM report_templates WHERE code = $1 ORDER BY version DESC LIMIT 1`, [code]);
  return row ?? null;
}

/** Indicator codes of the newest version of a form (what a report template's patterns may name). */
export async function findNewestFormIndicatorCodes(db: Queryable, formCode: string): Promise<string[]> {
  const rows: Array<{ code: string }> = await db.query(
    `SELECT i.code FROM indicators i WHERE i.template_id = (SELECT id FROM form_templates WHERE code = $1 ORDER BY version DESC LIMIT 1)`,
    [formCode],
  );
  return rows.map((r) => r.code);
}

/** The latest period of the form and type whose submissions are all approved (what a preview composes), or null. */
export async function findLastApprovedPeriod(db: Queryable, formCode: string, periodType: string | null): Promise<{ id: string; type: string; year: number; number: number } | null> {
  const [row] = await db.query(
    `SELECT p.id, p.type, p.year, p.number FROM periods p JOIN form_templates f ON f.id = p.form_template_id
      WHERE f.code = $1 AND ($2::text IS NULL OR p.type = $2)
        AND EXISTS (SELECT 1 FROM submissions s WHERE s.period_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.period_id = p.id AND s.state <> 'approved')
      ORDER BY p.cutoff_to DESC LIMIT 1`,
    [formCode, periodType],
  );
  return row ?? null;
}

export interface ReportTemplateDraftRow {
  id: string;
  templateCode: string;
  baseVersion: number;
  body: ReportTemplate;
  version: number;
}

const COLUMNS = `d.id, d.template_code AS "templateCode", t.version AS "baseVersion", d.body, d.version`;

export async function findReportTemplateDraft(db: Queryable, id: string): Promise<ReportTemplateDraftRow | null> {
  const [row] = await db.query(`SELECT ${COLUMNS} FROM report_template_drafts d JOIN report_templates t ON t.id = d.base_template_id WHERE d.id = $1`, [id]);
  return row ?? null;
}

export async function lockReportTemplateDraft(m: EntityManager, id: string): Promise<ReportTemplateDraftRow | null> {
  const [row] = await m.query(`SELECT ${COLUMNS} FROM report_template_drafts d JOIN report_templates t ON t.id = d.base_template_id WHERE d.id = $1 FOR UPDATE OF d`, [id]);
  return row ?? null;
}

export async function insertReportTemplateDraft(db: Queryable, d: { code: string; baseTemplateId: string; body: ReportTemplate; createdBy: string }): Promise<string | null> {
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO report_template_drafts (template_code, base_template_id, body, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (template_code) DO NOTHING RETURNING id`,
    [d.code, d.baseTemplateId, JSON.stringify(d.body), d.createdBy],
  );
  return rows[0]?.id ?? null;
}

export async function updateReportTemplateDraftBody(m: EntityManager, id: string, body: ReportTemplate): Promise<void> {
  await m.query(`UPDATE report_template_drafts SET body = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, JSON.stringify(body)]);
}

export async function deleteReportTemplateDraft(m: EntityManager, id: string): Promise<void> {
  await m.query(`DELETE FROM report_template_drafts WHERE id = $1`, [id]);
}

/** Each report template's newest version, with its draft if one is being edited. */
export async function listReportTemplatesWithDrafts(db: Queryable): Promise<Array<{ code: string; version: number; name: string; formCode: string; draftId: string | null }>> {
  return db.query(
    `SELECT DISTINCT ON (t.code) t.code, t.version, t.body->>'name' AS name, t.form_code AS "formCode", d.id AS "draftId"
       FROM report_templates t LEFT JOIN report_template_drafts d ON d.template_code = t.code
      ORDER BY t.code, t.version DESC`,
  );
}
