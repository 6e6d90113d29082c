import { codesHeldBy, holdersOn, IndicatorTransfer, IsoDate } from '@app/domain';
import type { Queryable } from './queryable';

// Dates are read as 'YYYY-MM-DD' text: read as JS Dates they would shift by the server's time zone.

export interface UnitListRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  mergedIntoCode: string | null;
  email: string | null;
}

const UNIT_LIST = `SELECT u.id, u.code, u.name, u.kind, p.code AS "parentCode", u.effective_from::text AS "effectiveFrom",
                          u.effective_to::text AS "effectiveTo", u.merged_into_code AS "mergedIntoCode", u.email
                     FROM reporting_units u LEFT JOIN reporting_units p ON p.id = u.parent_id`;

/** Every unit (`day` null), or those in force on `day`, by code. */
export function listUnitsInForce(db: Queryable, day: IsoDate | null): Promise<UnitListRow[]> {
  return day === null
    ? db.query(`${UNIT_LIST} ORDER BY u.code`)
    : db.query(`${UNIT_LIST} WHERE u.effective_from <= $1 AND (u.effective_to IS NULL OR u.effective_to >= $1) ORDER BY u.code`, [day]);
}

export async function findUnitListRow(db: Queryable, code: string): Promise<UnitListRow | null> {
  const [row]: UnitListRow[] = await db.query(`${UNIT_LIST} WHERE u.code = $1`, [code]);
  return row ?? null;
}

/** Every lineage row: what the forms and the figures' history follow (a small table, read whole). */
export function loadIndicatorTransfers(db: Queryable): Promise<IndicatorTransfer[]> {
  return db.query(
    `SELECT predecessor_id AS "predecessorId", successor_id AS "successorId", indicator_code AS code, effective_date::text AS "effectiveDate"
       FROM unit_lineage`,
  );
}

/** The indicators of the given form versions with the units their sections name (code → unit ids). */
export async function loadSectionHolders(db: Queryable, templateIds: string[]): Promise<Map<string, string[]>> {
  const rows: Array<{ code: string; unitIds: string[] }> = await db.query(
    `SELECT i.code, array_agg(DISTINCT su.unit_id) AS "unitIds"
       FROM indicators i JOIN form_section_units su ON su.section_id = i.section_id
      WHERE i.template_id = ANY($1) GROUP BY i.code`,
    [templateIds],
  );
  return new Map(rows.map((r) => [r.code, r.unitIds]));
}

/** Who fills each indicator of these form versions on `day`: the sections' units, then the restructurings in force. */
export async function indicatorHoldersOn(db: Queryable, templateIds: string[], day: IsoDate): Promise<Map<string, Set<string>>> {
  // one after the other: a transaction's EntityManager has one connection
  const base = await loadSectionHolders(db, templateIds);
  return holdersOn(base, await loadIndicatorTransfers(db), day);
}

/** The codes one unit fills in one form version on `day`. */
export async function findCodesHeldOn(db: Queryable, templateId: string, unitId: string, day: IsoDate): Promise<Set<string>> {
  return codesHeldBy(await indicatorHoldersOn(db, [templateId], day), unitId);
}

/** The newest version of each form: what a restructuring hands over. */
export async function findNewestFormTemplateIds(db: Queryable): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(`SELECT DISTINCT ON (code) id FROM form_templates ORDER BY code, version DESC, created_at DESC`);
  return rows.map((r) => r.id);
}

/** The last day of the latest period opened, of any type (null: none yet). */
export async function findLastOpenedPeriodDay(db: Queryable): Promise<IsoDate | null> {
  const [row]: Array<{ day: string | null }> = await db.query(`SELECT max(cutoff_to)::text AS day FROM periods`);
  return row?.day ?? null;
}

export async function insertUnit(
  db: Queryable,
  u: { code: string; name: string; kind: string; parentId: string | null; effectiveFrom: IsoDate; email: string | null },
): Promise<string> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO reporting_units (code, name, kind, parent_id, effective_from, email) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [u.code, u.name, u.kind, u.parentId, u.effectiveFrom, u.email],
  );
  return row.id;
}

export async function updateUnitDetails(db: Queryable, id: string, u: { name: string; parentId: string | null; email: string | null }): Promise<void> {
  await db.query(`UPDATE reporting_units SET name = $2, parent_id = $3, email = $4 WHERE id = $1`, [id, u.name, u.parentId, u.email]);
}

// an UPDATE's RETURNING comes back from TypeORM as [rows, count]: read through a CTE, it is the rows

/** Ends a unit on `lastDay`, naming the unit it merged into (if any). Only a unit still open: false when it already had an end. */
export async function closeUnit(db: Queryable, id: string, lastDay: IsoDate, mergedIntoCode: string | null): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `WITH c AS (UPDATE reporting_units SET effective_to = $2, merged_into_code = $3 WHERE id = $1 AND effective_to IS NULL RETURNING id) SELECT id FROM c`,
    [id, lastDay, mergedIntoCode],
  );
  return rows.length === 1;
}

/** The unit's ancestors' ids up the parent chain (a cycle check for a new parent). */
export async function findUnitAncestorIds(db: Queryable, id: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM reporting_units WHERE id = $1
       UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM reporting_units u JOIN up ON u.id = up.parent_id WHERE up.depth < 50)
     SELECT id FROM up WHERE depth > 0`,
    [id],
  );
  return rows.map((r) => r.id);
}

export async function insertRestructuring(db: Queryable, r: { effectiveDate: IsoDate; decision: string; actorId: string }): Promise<string> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO unit_restructurings (effective_date, decision, actor_id) VALUES ($1, $2, $3) RETURNING id`,
    [r.effectiveDate, r.decision, r.actorId],
  );
  return row.id;
}

export async function insertLineage(db: Queryable, restructuringId: string, effectiveDate: IsoDate, rows: Array<{ predecessorId: string; successorId: string; code: string }>): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO unit_lineage (restructuring_id, predecessor_id, successor_id, indicator_code, effective_date)
     SELECT $1, p, s, c, $2 FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS t(p, s, c)`,
    [restructuringId, effectiveDate, rows.map((r) => r.predecessorId), rows.map((r) => r.successorId), rows.map((r) => r.code)],
  );
}

/** The users a restructuring moved or deactivated, by username. */
export interface UnitUserRow {
  id: string;
  username: string;
}

/** Moves the unit's users to another unit (their sessions must end: the unit is in their tokens). */
export async function moveUnitUsers(db: Queryable, fromUnitId: string, toUnitId: string): Promise<UnitUserRow[]> {
  const rows: UnitUserRow[] = await db.query(`WITH m AS (UPDATE users SET unit_id = $2 WHERE unit_id = $1 RETURNING id, username) SELECT id, username FROM m`, [fromUnitId, toUnitId]);
  return rows.sort((a, b) => a.username.localeCompare(b.username));
}

/** Deactivates the unit's active users (their sessions must end). */
export async function deactivateUnitUsers(db: Queryable, unitId: string): Promise<UnitUserRow[]> {
  const rows: UnitUserRow[] = await db.query(`WITH d AS (UPDATE users SET active = false WHERE unit_id = $1 AND active RETURNING id, username) SELECT id, username FROM d`, [unitId]);
  return rows.sort((a, b) => a.username.localeCompare(b.username));
}

export interface RestructuringRow {
  id: string;
  effectiveDate: string;
  decision: string;
  actorUsername: string | null;
  createdAt: Date;
  lineage: Array<{ from: string; to: string; code: string }>;
}

/** Newest first, each with its lineage by unit code. */
export function listRestructurings(db: Queryable): Promise<RestructuringRow[]> {
  return db.query(
    `SELECT r.id, r.effective_date::text AS "effectiveDate", r.decision, a.username AS "actorUsername", r.created_at AS "createdAt",
            coalesce((SELECT json_agg(json_build_object('from', p.code, 'to', s.code, 'code', l.indicator_code) ORDER BY p.code, s.code, l.indicator_code)
                        FROM unit_lineage l JOIN reporting_units p ON p.id = l.predecessor_id JOIN reporting_units s ON s.id = l.successor_id
                       WHERE l.restructuring_id = r.id), '[]') AS lineage
       FROM unit_restructurings r LEFT JOIN users a ON a.id = r.actor_id
      ORDER BY r.effective_date DESC, r.created_at DESC`,
  );
}

/** Unit changes one at a time: each reads the holdings it checks against inside its transaction. */
export async function lockUnitChanges(db: Queryable): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('tonghop:unit-changes'))`);
}
