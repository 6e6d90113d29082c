import type { PeriodType, ReportState, RevisionState } from '@app/domain';
import type { EntityManager } from 'typeorm';
import type { ReportAction, ReportFile } from '../entities';
import type { Queryable } from './queryable';

/** The state of the period's current (not superseded) report, or null when it has none yet. */
export async function findCurrentReportState(db: Queryable, periodId: string): Promise<ReportState | null> {
  const [current]: Array<{ state: ReportState }> = await db.query(
    `SELECT state FROM reports WHERE period_id = $1 AND state <> 'superseded'`,
    [periodId],
  );
  return current?.state ?? null;
}

/** The period's signed reports, locked until the caller's transaction ends. */
export async function lockSignedReports(m: EntityManager, periodId: string): Promise<Array<{ id: string; sent_revision: number }>> {
  return m.query(`SELECT id, sent_revision FROM reports WHERE period_id = $1 AND state = 'signed' FOR UPDATE`, [periodId]);
}

/** Đính chính: the signed report and its signed revision are superseded, and the step recorded. */
export async function supersedeReport(
  m: EntityManager,
  r: { reportId: string; sentRevision: number; actorId: string; reason: string },
): Promise<void> {
  await m.query(`UPDATE reports SET state = 'superseded', superseded_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`, [r.reportId, r.reason]);
  await m.query(`UPDATE report_revisions SET state = 'superseded' WHERE report_id = $1 AND state = 'signed'`, [r.reportId]);
  await m.query(`INSERT INTO report_actions (report_id, revision_number, action, actor_id, comment) VALUES ($1, $2, 'supersede', $3, $4)`, [r.reportId, r.sentRevision, r.actorId, r.reason]);
}

/** Serialises the consolidations of one period until the caller's transaction ends (its report row may not exist yet). */
export async function lockPeriodForConsolidation(m: EntityManager, periodId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('report:' || $1))`, [periodId]);
}

/**
 * The newest report template for the period's form and type (one that names the type before one
 * for any period of the form), or null when there is none.
 */
export async function findReportTemplateIdForPeriod(db: Queryable, periodId: string): Promise<string | null> {
  const rows: Array<{ id: string }> = await db.query(
    `SELECT rt.id FROM periods p JOIN form_templates f ON f.id = p.form_template_id
       JOIN report_templates rt ON rt.form_code = f.code AND (rt.period_type IS NULL OR rt.period_type = p.type)
      WHERE p.id = $1 ORDER BY rt.period_type IS NULL, rt.version DESC LIMIT 1`,
    [periodId],
  );
  return rows[0]?.id ?? null;
}

/** A consolidated draft, its columns already serialised (revisionColumns). */
export interface RevisionInsert {
  reportId: string;
  trigger: string;
  content: string;
  figures: string;
  missingUnits: string;
  createdBy: string | null;
}

/**
 * Adds the report's next draft revision; null when this trigger already gave one (the unique
 * (report, trigger) makes a second run of the same trigger a no-op).
 */
export async function insertRevision(m: EntityManager, r: RevisionInsert): Promise<{ id: string; number: number } | null> {
  const [{ next }]: Array<{ next: number }> = await m.query(
    `SELECT coalesce(max(number), 0) + 1 AS next FROM report_revisions WHERE report_id = $1`,
    [r.reportId],
  );
  const inserted: Array<{ id: string }> = await m.query(
    `INSERT INTO report_revisions (report_id, number, state, trigger, content, figures, missing_units, created_by)
     VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7) ON CONFLICT (report_id, trigger) DO NOTHING RETURNING id`,
    [r.reportId, next, r.trigger, r.content, r.figures, r.missingUnits, r.createdBy],
  );
  return inserted.length === 0 ? null : { id: inserted[0].id, number: Number(next) };
}

export async function bumpReportVersion(m: EntityManager, reportId: string): Promise<void> {
  await m.query(`UPDATE reports SET version = version + 1, updated_at = now() WHERE id = $1`, [reportId]);
}

export interface RevisionSummaryRow {
  number: number;
  state: RevisionState;
  trigger: string;
  createdAt: Date;
  /** codes of the units whose submissions were not approved yet */
  missingUnits: string[];
  editedSection: string | null;
  files: Array<{ format: ReportFile['format']; sha256: string; size: number; renderedAs: ReportFile['renderedAs'] }>;
}

/** The report's revisions, oldest first, each with its rendered files. */
export async function listRevisionSummaries(db: Queryable, reportId: string): Promise<RevisionSummaryRow[]> {
  return db.query(
    `SELECT rv.number, rv.state, rv.trigger, rv.created_at AS "createdAt", rv.missing_units AS "missingUnits", rv.edited_section AS "editedSection",
            coalesce(json_agg(json_build_object('format', f.format, 'sha256', f.sha256, 'size', f.size, 'renderedAs', f.rendered_as)) FILTER (WHERE f.id IS NOT NULL), '[]') AS files
       FROM report_revisions rv LEFT JOIN report_files f ON f.revision_id = rv.id
      WHERE rv.report_id = $1 GROUP BY rv.id ORDER BY rv.number`,
    [reportId],
  );
}

export interface ReportActionRow {
  action: ReportAction['action'];
  revisionNumber: number;
  comment: string | null;
  createdAt: Date;
  actorUsername: string | null;
}

/** The report's steps (send, return, sign, supersede), oldest first. */
export async function listReportActions(db: Queryable, reportId: string): Promise<ReportActionRow[]> {
  return db.query(
    `SELECT a.action, a.revision_number AS "revisionNumber", a.comment, a.created_at AS "createdAt", u.username AS "actorUsername"
       FROM report_actions a LEFT JOIN users u ON u.id = a.actor_id WHERE a.report_id = $1 ORDER BY a.created_at`,
    [reportId],
  );
}

/** What a message about the report needs: its period, its document number and date, its latest signed revision. */
export interface ReportNoticeRow {
  periodId: string;
  type: PeriodType;
  year: number;
  number: number;
  documentNumber: string | null;
  documentDate: string | null;
  suffix: string | null;
  signedRevision: number | null;
}

export async function findReportNotice(db: Queryable, reportId: string): Promise<ReportNoticeRow | null> {
  const [r]: ReportNoticeRow[] = await db.query(
    `SELECT r.period_id AS "periodId", p.type, p.year, p.number, r.document_number AS "documentNumber", r.document_date::text AS "documentDate",
            t.body->'document'->>'numberSuffix' AS suffix,
            (SELECT number FROM report_revisions WHERE report_id = r.id AND state = 'signed' ORDER BY number DESC LIMIT 1) AS "signedRevision"
       FROM reports r JOIN periods p ON p.id = r.period_id LEFT JOIN report_templates t ON t.id = r.template_id
      WHERE r.id = $1`,
    [reportId],
  );
  return r ?? null;
}

/** The comment of the report's latest return to the office. */
export async function findLatestReportReturnComment(db: Queryable, reportId: string): Promise<string | null> {
  const [row]: Array<{ comment: string | null }> = await db.query(
    `SELECT comment FROM report_actions WHERE report_id = $1 AND action = 'return' ORDER BY created_at DESC LIMIT 1`,
    [reportId],
  );
  return row?.comment ?? null;
}
