import type { PlanLine } from '@app/domain';
import type { EntityManager } from 'typeorm';
import type { Queryable } from './queryable';

/** Indicators some form version plans (has_plan), with their newest name and unit of measure. */
export async function findPlannedIndicators(db: Queryable): Promise<Array<{ code: string; name: string; unit: string | null }>> {
  return db.query(
    `SELECT DISTINCT ON (i.code) i.code, i.name, i.unit_of_measure AS unit
       FROM indicators i JOIN form_templates t ON t.id = i.template_id
      WHERE i.has_plan ORDER BY i.code, t.version DESC, t.created_at DESC`,
  );
}

export interface YearPlanRow {
  indicatorCode: string;
  target: string;
  revisions: Array<{ effectiveFrom: string; target: string; decision: string }>;
}

/** The year's targets with their revisions (oldest first). */
export async function findYearPlans(db: Queryable, year: number): Promise<YearPlanRow[]> {
  return db.query(
    `SELECT p.indicator_code AS "indicatorCode", p.target::text AS target,
            coalesce((SELECT json_agg(json_build_object('effectiveFrom', r.effective_from::text, 'target', r.target::text, 'decision', r.decision) ORDER BY r.effective_from)
                        FROM indicator_plan_revisions r WHERE r.indicator_code = p.indicator_code AND r.year = p.year), '[]') AS revisions
       FROM indicator_plans p WHERE p.year = $1 ORDER BY p.indicator_code`,
    [year],
  );
}

/** Codes that have a target for the year (a revision needs one). */
export async function findCodesWithTarget(db: Queryable, year: number): Promise<string[]> {
  const rows: Array<{ code: string }> = await db.query(`SELECT indicator_code AS code FROM indicator_plans WHERE year = $1`, [year]);
  return rows.map((r) => r.code);
}

/** Writes the lines (a year target replaces the year's; a revision replaces one from the same day), in the caller's transaction. */
export async function writePlanLines(m: EntityManager, year: number, lines: PlanLine[], actorId: string): Promise<void> {
  for (const l of lines.filter((x) => x.effectiveFrom === null)) {
    await m.query(
      `INSERT INTO indicator_plans (indicator_code, year, target) VALUES ($1, $2, $3)
       ON CONFLICT (indicator_code, year) DO UPDATE SET target = EXCLUDED.target`,
      [l.indicatorCode, year, l.target],
    );
  }
  for (const l of lines.filter((x) => x.effectiveFrom !== null)) {
    await m.query(
      `INSERT INTO indicator_plan_revisions (indicator_code, year, effective_from, target, decision, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (indicator_code, year, effective_from) DO UPDATE SET target = EXCLUDED.target, decision = EXCLUDED.decision, created_by = EXCLUDED.created_by`,
      [l.indicatorCode, year, l.effectiveFrom, l.target, l.decision, actorId],
    );
  }
}
