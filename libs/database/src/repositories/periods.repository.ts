import type { PeriodType } from '@app/domain';
import type { Queryable } from './queryable';
import type { UnitScope } from './unit-scope';
import { indicatorHoldersOn } from './units.repository';

// Dates are read as 'YYYY-MM-DD' text: read as JS Dates they would shift by the server's time zone.

/** A period with the count of its submissions in each state. */
export interface PeriodCountsRow {
  id: string;
  type: PeriodType;
  year: number;
  number: number;
  cutoffFrom: string;
  cutoffTo: string;
  deadline: string;
  formTemplateId: string;
  total: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
}

/** Newest first: year, then type, then number. */
export async function listPeriodsWithCounts(db: Queryable): Promise<PeriodCountsRow[]> {
  return db.query(
    `SELECT p.id, p.type, p.year, p.number, p.cutoff_from::text AS "cutoffFrom", p.cutoff_to::text AS "cutoffTo", p.deadline::text AS deadline,
            p.form_template_id AS "formTemplateId",
            count(s.id)::int AS total,
            count(*) FILTER (WHERE s.state = 'draft')::int AS draft,
            count(*) FILTER (WHERE s.state = 'submitted')::int AS submitted,
            count(*) FILTER (WHERE s.state = 'returned')::int AS returned,
            count(*) FILTER (WHERE s.state = 'approved')::int AS approved
       FROM periods p LEFT JOIN submissions s ON s.period_id = p.id
      GROUP BY p.id ORDER BY p.year DESC, p.type, p.number DESC`,
  );
}

/** The newest version of a form that serves the period type (of the given code, if any). */
/**
 * The form a period opens against: the newest version that serves the period type and is in force
 * on `day` (the period's cutoff; a version published "from June" serves periods ending in June on).
 */
export async function findNewestFormForPeriodType(
  db: Queryable,
  type: PeriodType,
  formCode: string | undefined,
  day: string,
): Promise<{ id: string; code: string; deadlineRule: unknown } | null> {
  const [row]: Array<{ id: string; code: string; deadlineRule: unknown }> = await db.query(
    `SELECT id, code, deadline_rule AS "deadlineRule" FROM form_templates
      WHERE $1 = ANY(period_types) AND ($2::text IS NULL OR code = $2) AND (effective_from IS NULL OR effective_from <= $3)
      ORDER BY version DESC, created_at DESC LIMIT 1`,
    [type, formCode ?? null, day],
  );
  return row ?? null;
}

/** Opens a period (the unique (type, year, number) refuses a second one: 23505). */
export async function insertPeriod(
  db: Queryable,
  p: { type: PeriodType; year: number; number: number; cutoffFrom: string; cutoffTo: string; deadline: string; formTemplateId: string; openedBy: string },
): Promise<{ id: string }> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO periods (type, year, number, cutoff_from, cutoff_to, deadline, form_template_id, opened_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [p.type, p.year, p.number, p.cutoffFrom, p.cutoffTo, p.deadline, p.formTemplateId, p.openedBy],
  );
  return row;
}

/**
 * A draft submission for every unit that fills part of the form on `day` (the form's sections, with
 * the restructurings in force: a successor, not the units it replaced) and exists that day; how many.
 */
export async function insertDraftsForFormUnits(db: Queryable, periodId: string, templateId: string, day: string): Promise<number> {
  const holders = await indicatorHoldersOn(db, [templateId], day);
  const unitIds = [...new Set([...holders.values()].flatMap((s) => [...s]))];
  const rows: unknown[] = await db.query(
    `INSERT INTO submissions (unit_id, period_id, form_template_id, state)
     SELECT u.id, $1::uuid, $2::uuid, 'draft'
       FROM reporting_units u
      WHERE (u.id = ANY($4::uuid[])
             OR u.id IN (SELECT su.unit_id FROM form_section_units su JOIN form_sections fs ON fs.id = su.section_id
                          WHERE fs.template_id = $2 AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.section_id = fs.id)))
        AND u.effective_from <= $3 AND (u.effective_to IS NULL OR u.effective_to >= $3)
     RETURNING id`,
    [periodId, templateId, day, unitIds],
  );
  return rows.length;
}

export async function periodExists(db: Queryable, periodId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT id FROM periods WHERE id = $1`, [periodId]);
  return rows.length > 0;
}

export async function findPeriodDates(db: Queryable, periodId: string): Promise<{ cutoffTo: string; deadline: string } | null> {
  const [p]: Array<{ cutoffTo: string; deadline: string }> = await db.query(
    `SELECT cutoff_to::text AS "cutoffTo", deadline::text AS deadline FROM periods WHERE id = $1`,
    [periodId],
  );
  return p ?? null;
}

/** What names a period (its label) and its common deadline. */
export interface PeriodHeadingRow {
  type: PeriodType;
  year: number;
  number: number;
  deadline: string;
}

export async function findPeriodHeading(db: Queryable, periodId: string): Promise<PeriodHeadingRow | null> {
  const [p]: PeriodHeadingRow[] = await db.query(`SELECT type, year, number, deadline::text AS deadline FROM periods WHERE id = $1`, [periodId]);
  return p ?? null;
}

/** The heading and the reminder policy of the period's form (raw: the domain reads it). */
export async function findPeriodWithReminderPolicy(db: Queryable, periodId: string): Promise<(PeriodHeadingRow & { policy: unknown }) | null> {
  const [p]: Array<PeriodHeadingRow & { policy: unknown }> = await db.query(
    `SELECT p.type, p.year, p.number, p.deadline::text AS deadline, ft.reminder_policy AS policy
       FROM periods p JOIN form_templates ft ON ft.id = p.form_template_id WHERE p.id = $1`,
    [periodId],
  );
  return p ?? null;
}

/** Gia hạn: a unit's own deadline for a period, with the unit it is for. */
export interface DeadlineExtensionView {
  id: string;
  periodId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  deadline: string;
  reason: string;
  grantedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const EXTENSION_VIEW = `SELECT e.id, e.period_id AS "periodId", e.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
                               e.deadline::text AS deadline, e.reason, e.granted_by AS "grantedBy", e.created_at AS "createdAt", e.updated_at AS "updatedAt"
                          FROM deadline_extensions e JOIN reporting_units u ON u.id = e.unit_id`;

/** The period's extensions the scope may see, in unit-code order. */
export async function findExtensions(db: Queryable, periodId: string, scope: UnitScope): Promise<DeadlineExtensionView[]> {
  const unitOnly = scope.kind === 'unit';
  return db.query(
    `${EXTENSION_VIEW} WHERE e.period_id = $1 ${unitOnly ? 'AND e.unit_id = $2' : ''} ORDER BY u.code`,
    unitOnly ? [periodId, scope.unitId] : [periodId],
  );
}

export async function findExtension(db: Queryable, id: string): Promise<DeadlineExtensionView | null> {
  const [view]: DeadlineExtensionView[] = await db.query(`${EXTENSION_VIEW} WHERE e.id = $1`, [id]);
  return view ?? null;
}

/** The unit's current extension, locked until the caller's transaction ends (it is about to be replaced). */
export async function lockUnitExtension(db: Queryable, periodId: string, unitId: string): Promise<{ deadline: string; reason: string } | null> {
  const [before]: Array<{ deadline: string; reason: string }> = await db.query(
    `SELECT deadline::text AS deadline, reason FROM deadline_extensions WHERE period_id = $1 AND unit_id = $2 FOR UPDATE`,
    [periodId, unitId],
  );
  return before ?? null;
}

/** Grants, or replaces, the unit's extension; returns its id. */
export async function upsertExtension(
  db: Queryable,
  e: { periodId: string; unitId: string; deadline: string; reason: string; grantedBy: string },
): Promise<string> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO deadline_extensions (period_id, unit_id, deadline, reason, granted_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (period_id, unit_id) DO UPDATE SET deadline = EXCLUDED.deadline, reason = EXCLUDED.reason,
       granted_by = EXCLUDED.granted_by, updated_at = now()
     RETURNING id`,
    [e.periodId, e.unitId, e.deadline, e.reason, e.grantedBy],
  );
  return row.id;
}

export async function findExtensionReason(db: Queryable, id: string): Promise<string | null> {
  const [row]: Array<{ reason: string }> = await db.query(`SELECT reason FROM deadline_extensions WHERE id = $1`, [id]);
  return row?.reason ?? null;
}

/** The period of this type, year and number, or null. */
export async function findPeriodIdByNumber(db: Queryable, type: PeriodType, year: number, number: number): Promise<string | null> {
  const [p]: Array<{ id: string }> = await db.query(`SELECT id FROM periods WHERE type = $1 AND year = $2 AND number = $3`, [type, year, number]);
  return p?.id ?? null;
}
