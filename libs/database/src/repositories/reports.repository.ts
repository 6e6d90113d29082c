import type { PeriodType, ReportState, RevisionState } from '@app/domain';
import type { EntityManager } from 'typeorm';
import type { ReportAction, ReportFile, SourceVersion } from '../entities';
import type { Queryable } from './queryable';

/** The state of the period's current report: the one in progress, else the issued one; null when it has none. */
export async function findCurrentReportState(db: Queryable, periodId: string): Promise<ReportState | null> {
  const [current]: Array<{ state: ReportState }> = await db.query(
    `SELECT state FROM reports WHERE period_id = $1 AND state NOT IN ('superseded', 'replaced')
      ORDER BY state = 'issued', created_at DESC LIMIT 1`,
    [periodId],
  );
  return current?.state ?? null;
}

export interface CorrectableReportRow {
  id: string;
  state: 'signed' | 'issued';
  sentRevision: number;
  templateId: string;
  correctsReportId: string | null;
}

/**
 * The period's signed or issued reports that a correction concerns, locked until the caller's
 * transaction ends: an issued one already being replaced (a correction report in progress) is
 * left out, its replacement is corrected instead.
 */
export async function lockCorrectableReports(m: EntityManager, periodId: string): Promise<CorrectableReportRow[]> {
  return m.query(
    `SELECT r.id, r.state, r.sent_revision AS "sentRevision", r.template_id AS "templateId", r.corrects_report_id AS "correctsReportId"
       FROM reports r WHERE r.period_id = $1 AND r.state IN ('signed', 'issued')
        AND NOT (r.state = 'issued' AND EXISTS (SELECT 1 FROM reports c WHERE c.corrects_report_id = r.id AND c.state IN ('drafting', 'awaiting_signature', 'signed')))
      ORDER BY r.created_at FOR UPDATE OF r`,
    [periodId],
  );
}

/** A replacement of an issued report: a new report of the period, in progress, that names the one it replaces and why. */
export async function insertCorrectionReport(m: EntityManager, r: { periodId: string; templateId: string; correctsReportId: string; reason: string }): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `INSERT INTO reports (period_id, template_id, state, corrects_report_id, correction_reason) VALUES ($1, $2, 'drafting', $3, $4) RETURNING id`,
    [r.periodId, r.templateId, r.correctsReportId, r.reason],
  );
  return row.id;
}

/** Đính chính started on an issued report: the step is recorded on it; it stays in force until its replacement is issued. */
export async function recordCorrectionStarted(m: EntityManager, r: { reportId: string; sentRevision: number; actorId: string; reason: string }): Promise<void> {
  await m.query(`INSERT INTO report_actions (report_id, revision_number, action, actor_id, comment) VALUES ($1, $2, 'correct', $3, $4)`, [r.reportId, r.sentRevision, r.actorId, r.reason]);
}

/** Thay thế: the issued report and its issued revision are replaced by the report just issued. */
export async function replaceIssuedReport(m: EntityManager, r: { reportId: string; byReportId: string; actorId: string }): Promise<boolean> {
  // (an UPDATE's RETURNING comes back from TypeORM as [rows, count]: the row is read first, locked)
  const rows: Array<{ sent_revision: number }> = await m.query(`SELECT sent_revision FROM reports WHERE id = $1 AND state = 'issued' FOR UPDATE`, [r.reportId]);
  if (rows.length === 0) return false;
  await m.query(
    `UPDATE reports SET state = 'replaced', replaced_by_report_id = $2, version = version + 1, updated_at = now() WHERE id = $1`,
    [r.reportId, r.byReportId],
  );
  await m.query(`UPDATE report_revisions SET state = 'replaced' WHERE report_id = $1 AND state = 'issued'`, [r.reportId]);
  await m.query(`INSERT INTO report_actions (report_id, revision_number, action, actor_id, comment) VALUES ($1, $2, 'replace', $3, NULL)`, [r.reportId, rows[0].sent_revision, r.actorId]);
  return true;
}

/** What a replacement says of the report it replaces (null when it corrects nothing issued). */
export async function findReplacedDocument(db: Queryable, reportId: string): Promise<{ number: string; numberSuffix: string; date: string; reason: string } | null> {
  const [row]: Array<{ number: string | null; numberSuffix: string | null; date: string | null; reason: string | null }> = await db.query(
    `SELECT o.document_number AS number, t.body->'document'->>'numberSuffix' AS "numberSuffix", o.document_date::text AS date, r.correction_reason AS reason
       FROM reports r JOIN reports o ON o.id = r.corrects_report_id JOIN report_templates t ON t.id = o.template_id
      WHERE r.id = $1 AND o.state IN ('issued', 'replaced') AND o.document_number IS NOT NULL`,
    [reportId],
  );
  return row && row.number && row.numberSuffix && row.date && row.reason ? { number: row.number, numberSuffix: row.numberSuffix, date: row.date, reason: row.reason } : null;
}

/** The issued document whose PDF has this SHA-256 (recorded with the issue action), or null. */
export async function findIssuedDocumentBySha256(db: Queryable, sha256: string): Promise<{ reportId: string; periodId: string; state: ReportState; documentNumber: string | null; documentDate: string | null; numberSuffix: string | null; replacedByReportId: string | null } | null> {
  const [row] = await db.query(
    `SELECT r.id AS "reportId", r.period_id AS "periodId", r.state, r.document_number AS "documentNumber", r.document_date::text AS "documentDate",
            t.body->'document'->>'numberSuffix' AS "numberSuffix", r.replaced_by_report_id AS "replacedByReportId"
       FROM report_actions a JOIN reports r ON r.id = a.report_id JOIN report_templates t ON t.id = r.template_id
      WHERE a.action = 'issue' AND a.sha256 = $1 LIMIT 1`,
    [sha256],
  );
  return row ?? null;
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
  /** the approved submissions it was composed from, with their versions (findSourceVersions) */
  sourceVersions: SourceVersion[];
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
    `INSERT INTO report_revisions (report_id, number, state, trigger, content, figures, missing_units, source_versions, created_by)
     VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8) ON CONFLICT (report_id, trigger) DO NOTHING RETURNING id`,
    [r.reportId, next, r.trigger, r.content, r.figures, r.missingUnits, JSON.stringify(r.sourceVersions), r.createdBy],
  );
  return inserted.length === 0 ? null : { id: inserted[0].id, number: Number(next) };
}

/**
 * Bumps the version of a report still being drafted, for a new draft revision. False when the report
 * left drafting meanwhile (sent for signature while the draft was composed): the UPDATE waits for
 * the sending transaction and sees the state it committed, so the caller rolls its draft back.
 */
export async function bumpDraftingReportVersion(m: EntityManager, reportId: string): Promise<boolean> {
  const rows: Array<{ id: string }> = await m.query(
    `WITH bumped AS (UPDATE reports SET version = version + 1, updated_at = now() WHERE id = $1 AND state = 'drafting' RETURNING id) SELECT id FROM bumped`,
    [reportId],
  );
  return rows.length > 0;
}

export interface RevisionSummaryRow {
  number: number;
  state: RevisionState;
  trigger: string;
  createdAt: Date;
  /** codes of the units whose submissions were not approved yet */
  missingUnits: string[];
  editedSection: string | null;
  /** a PDF 'awaiting_libreoffice' has no sha256 nor size: the worker's machine lacks LibreOffice */
  files: Array<{ format: ReportFile['format']; sha256: string | null; size: number | null; renderedAs: ReportFile['renderedAs']; state: ReportFile['state'] }>;
  sourceVersions: SourceVersion[] | null;
  /** report_file_hashes: what the database recorded when each signed or issued file was stored */
  recordedHashes: Array<{ format: ReportFile['format']; renderedAs: 'signed' | 'issued'; sha256: string; recordedAt: string }>;
}

/** The report's revisions, oldest first, each with its rendered files. */
export async function listRevisionSummaries(db: Queryable, reportId: string): Promise<RevisionSummaryRow[]> {
  return db.query(
    `SELECT rv.number, rv.state, rv.trigger, rv.created_at AS "createdAt", rv.missing_units AS "missingUnits", rv.edited_section AS "editedSection",
            coalesce(json_agg(json_build_object('format', f.format, 'sha256', f.sha256, 'size', f.size, 'renderedAs', f.rendered_as, 'state', f.state)) FILTER (WHERE f.id IS NOT NULL), '[]') AS files,
            rv.source_versions AS "sourceVersions",
            (SELECT coalesce(json_agg(json_build_object('format', h.format, 'renderedAs', h.rendered_as, 'sha256', h.sha256, 'recordedAt', h.recorded_at) ORDER BY h.recorded_at, h.format), '[]')
               FROM report_file_hashes h WHERE h.revision_id = rv.id) AS "recordedHashes"
       FROM report_revisions rv LEFT JOIN report_files f ON f.revision_id = rv.id
      WHERE rv.report_id = $1 GROUP BY rv.id ORDER BY rv.number`,
    [reportId],
  );
}

export interface ReportActionRow {
  action: ReportAction['action'];
  revisionNumber: number;
  comment: string | null;
  sha256: string | null;
  missingUnitsAccepted: string[] | null;
  createdAt: Date;
  actorUsername: string | null;
}

/** The report's steps (send, return, sign, supersede), oldest first. */
export async function listReportActions(db: Queryable, reportId: string): Promise<ReportActionRow[]> {
  return db.query(
    `SELECT a.action, a.revision_number AS "revisionNumber", a.comment, a.sha256, a.missing_units_accepted AS "missingUnitsAccepted", a.created_at AS "createdAt", u.username AS "actorUsername"
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
            (SELECT number FROM report_revisions WHERE report_id = r.id AND state IN ('signed', 'issued', 'replaced') ORDER BY number DESC LIMIT 1) AS "signedRevision"
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

/** The version of each of these submissions, with its unit: what a revision composed from them records. */
export async function findSourceVersions(db: Queryable, submissionIds: string[]): Promise<SourceVersion[]> {
  return db.query(
    `SELECT u.code AS "unitCode", s.id AS "submissionId", s.version FROM submissions s JOIN reporting_units u ON u.id = s.unit_id
      WHERE s.id = ANY($1::uuid[]) ORDER BY u.code, s.id`,
    [submissionIds],
  );
}

/**
 * The units whose recorded source is no longer what the revision was composed from: reopened,
 * returned, or approved again (another version) since. Distinct unit codes, sorted.
 */
export async function findChangedSourceUnits(db: Queryable, sources: SourceVersion[]): Promise<string[]> {
  if (sources.length === 0) return [];
  const rows: Array<{ unitCode: string }> = await db.query(
    `SELECT DISTINCT src."unitCode" FROM jsonb_to_recordset($1::jsonb) AS src("unitCode" text, "submissionId" uuid, version int)
       LEFT JOIN submissions s ON s.id = src."submissionId"
      WHERE s.id IS NULL OR s.state <> 'approved' OR s.version <> src.version ORDER BY 1`,
    [JSON.stringify(sources)],
  );
  return rows.map((r) => r.unitCode);
}
