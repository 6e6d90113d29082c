import type { Queryable } from './queryable';

// What the sweeper re-drives and the health endpoint and the administrator's screen list: work
// whose effect is missing in Postgres, however its job fared in Redis. Each query names the
// effect it looks for; `since` is when the work became due (database time).

/** The trigger of the consolidation an approval starts: "approved:<the set of submission versions>", or null while one is not approved. */
export async function findApprovalSetTrigger(db: Queryable, periodId: string): Promise<string | null> {
  const [row]: Array<{ trigger: string | null }> = await db.query(
    `SELECT CASE WHEN count(*) > 0 AND bool_and(state = 'approved')
              THEN 'approved:' || left(encode(sha256(convert_to(string_agg(id::text || ':' || version, ',' ORDER BY id), 'UTF8')), 'hex'), 16)
            END AS trigger
       FROM submissions WHERE period_id = $1`,
    [periodId],
  );
  return row?.trigger ?? null;
}

export interface StuckOutboxEvent {
  id: string;
  type: string;
  payload: unknown;
  since: Date;
  /** queued (the job was lost or gave up) or still waiting to be queued (Redis is away) */
  dispatched: boolean;
}

/** Outbox events older than `olderThanMs` whose handlers have not run. */
export async function findStuckOutboxEvents(db: Queryable, olderThanMs: number, limit = 500): Promise<StuckOutboxEvent[]> {
  return db.query(
    `SELECT id::text AS id, type, payload, created_at AS since, dispatched_at IS NOT NULL AS dispatched FROM outbox_events
      WHERE handled_at IS NULL AND created_at < now() - $1 * interval '1 millisecond' ORDER BY id LIMIT $2`,
    [olderThanMs, limit],
  );
}

export interface StuckConsolidation {
  periodId: string;
  trigger: string;
  since: Date;
}

/**
 * Periods with a report template whose submissions are all approved (an approval went through the outbox over
 * `olderThanMs` ago) while the report is still drafting or does not exist, and no revision was
 * consolidated from that set of approvals.
 */
export async function findStuckConsolidations(db: Queryable, olderThanMs: number, limit = 100): Promise<StuckConsolidation[]> {
  return db.query(
    `WITH approvals AS (
       SELECT (payload->>'periodId')::uuid AS period_id, max(created_at) AS since FROM outbox_events
        WHERE type = 'submission.approved' GROUP BY 1 HAVING max(created_at) < now() - $1 * interval '1 millisecond'
     ), sets AS (
       SELECT a.period_id, a.since,
              'approved:' || left(encode(sha256(convert_to(string_agg(s.id::text || ':' || s.version, ',' ORDER BY s.id), 'UTF8')), 'hex'), 16) AS trigger
         FROM approvals a JOIN submissions s ON s.period_id = a.period_id
        GROUP BY a.period_id, a.since HAVING bool_and(s.state = 'approved')
     )
     SELECT period_id AS "periodId", trigger, since FROM sets x
      WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.period_id = x.period_id AND r.state NOT IN ('drafting', 'superseded'))
        -- a period whose form has no report template is never consolidated
        AND EXISTS (SELECT 1 FROM periods p JOIN form_templates f ON f.id = p.form_template_id
                      JOIN report_templates rt ON rt.form_code = f.code AND (rt.period_type IS NULL OR rt.period_type = p.type) WHERE p.id = x.period_id)
        AND NOT EXISTS (SELECT 1 FROM report_revisions rr JOIN reports r ON r.id = rr.report_id WHERE r.period_id = x.period_id AND rr.trigger = x.trigger)
      ORDER BY since LIMIT $2`,
    [olderThanMs, limit],
  );
}

export interface StuckRendering {
  revisionId: string;
  reportId: string;
  /** how the documents must be rendered: the job that makes them */
  as: 'draft' | 'signed' | 'issued';
  /** the PDF is stored as waiting for LibreOffice */
  awaitingLibreOffice: boolean;
  since: Date;
}

/**
 * Revisions without their documents: a signed one without its signed PDF, an issued one without its
 * issued DOCX, the newest draft of a drafting report without any file.
 */
export async function findStuckRenderings(db: Queryable, olderThanMs: number, limit = 100): Promise<StuckRendering[]> {
  return db.query(
    `SELECT * FROM (
       SELECT rr.id AS "revisionId", rr.report_id AS "reportId", rr.state AS "as",
              EXISTS (SELECT 1 FROM report_files f WHERE f.revision_id = rr.id AND f.format = 'pdf' AND f.state = 'awaiting_libreoffice') AS "awaitingLibreOffice",
              coalesce((SELECT max(a.created_at) FROM report_actions a WHERE a.report_id = rr.report_id AND a.action = CASE rr.state WHEN 'issued' THEN 'issue' ELSE 'sign' END), rr.created_at) AS since
         FROM report_revisions rr
        WHERE (rr.state = 'signed' AND NOT EXISTS (SELECT 1 FROM report_files f WHERE f.revision_id = rr.id AND f.format = 'pdf' AND f.state = 'ready' AND f.rendered_as IN ('signed', 'issued')))
           OR (rr.state = 'issued' AND NOT EXISTS (SELECT 1 FROM report_files f WHERE f.revision_id = rr.id AND f.format = 'docx' AND f.rendered_as = 'issued'))
       UNION ALL
       SELECT rr.id, rr.report_id, 'draft', false, rr.created_at
         FROM reports r JOIN LATERAL (SELECT * FROM report_revisions x WHERE x.report_id = r.id ORDER BY x.number DESC LIMIT 1) rr ON true
        WHERE r.state = 'drafting' AND rr.state = 'draft' AND NOT EXISTS (SELECT 1 FROM report_files f WHERE f.revision_id = rr.id)
     ) x WHERE since < now() - $1 * interval '1 millisecond' ORDER BY since LIMIT $2`,
    [olderThanMs, limit],
  );
}

export interface StuckEmail {
  deliveryId: string;
  to: string;
  status: 'pending' | 'failed';
  attempts: number;
  lastError: string | null;
  since: Date;
}

/** E-mails not delivered: pending for over `olderThanMs`, or failed after their last attempt. */
export async function findStuckEmails(db: Queryable, olderThanMs: number, limit = 1000): Promise<StuckEmail[]> {
  return db.query(
    `SELECT id AS "deliveryId", to_address AS "to", status, attempts, last_error AS "lastError", created_at AS since FROM email_deliveries
      WHERE (status = 'pending' AND created_at < now() - $1 * interval '1 millisecond') OR status = 'failed'
      ORDER BY created_at LIMIT $2`,
    [olderThanMs, limit],
  );
}
