import type { Queryable } from './queryable';
import type { UnitScope } from './unit-scope';

/** An indicator of the newest version of each monthly form, with its rules and the units that fill it. */
export interface CatalogueIndicatorRow {
  code: string;
  name: string;
  unitOfMeasure: string | null;
  kind: 'number' | 'percent';
  parentCode: string | null;
  formCode: string;
  formVersion: number;
  sectionCode: string;
  sectionTitle: string;
  reportSection: string | null;
  hasCumulative: boolean;
  hasPlan: boolean;
  planBasis: string | null;
  hasSamePeriod: boolean;
  compareOn: 'value' | 'cumulative';
  samePeriodStyle: 'change' | 'ratio';
  integerOnly: boolean;
  decimals: number | null;
  units: Array<{ id: string; code: string; name: string }>;
}

const CATALOGUE = `
  WITH forms AS (
    SELECT DISTINCT ON (code) id, code, version FROM form_templates WHERE 'month' = ANY(period_types) ORDER BY code, version DESC
  )
  SELECT i.code, i.name, i.unit_of_measure AS "unitOfMeasure", i.kind, i.parent_code AS "parentCode",
         f.code AS "formCode", f.version AS "formVersion", s.code AS "sectionCode", s.title AS "sectionTitle",
         s.report_section AS "reportSection", i.has_cumulative AS "hasCumulative", i.has_plan AS "hasPlan",
         i.plan_basis AS "planBasis", i.has_same_period AS "hasSamePeriod", i.compare_on AS "compareOn",
         i.same_period_style AS "samePeriodStyle", i.integer_only AS "integerOnly", i.decimals,
         coalesce((SELECT json_agg(json_build_object('id', u.id, 'code', u.code, 'name', u.name) ORDER BY u.code)
                     FROM form_section_units su JOIN reporting_units u ON u.id = su.unit_id
                    WHERE su.section_id = s.id), '[]') AS units
    FROM forms f
    JOIN form_sections s ON s.template_id = f.id
    JOIN indicators i ON i.section_id = s.id
   WHERE i.kind <> 'text'`;

/** The figures of the monthly forms (narratives left out), in form order. */
export async function listIndicatorCatalogue(db: Queryable): Promise<CatalogueIndicatorRow[]> {
  return db.query(`${CATALOGUE} ORDER BY f.code, s.position, i.position`);
}

export async function findCatalogueIndicator(db: Queryable, code: string): Promise<CatalogueIndicatorRow | null> {
  const [row] = await db.query(`${CATALOGUE} AND i.code = $1 ORDER BY f.code LIMIT 1`, [code]);
  return row ?? null;
}

/** One unit's approved figure of one month, with the submission it comes from. */
export interface SeriesFigureRow {
  unitId: string;
  year: number;
  month: number;
  submissionId: string;
  periodId: string;
  approvedAt: Date | null;
  value: string | null;
  cumulativeEntered: string | null;
}

/**
 * The approved monthly figures of one indicator from January of `fromYear` to December of `toYear`,
 * of the units the caller may see (and of `unitId` alone when given): the units' submissions (by unit),
 * then each one's figure by the primary key of submission_values (submission_id, indicator_code).
 */
export async function findApprovedSeriesFigures(
  db: Queryable,
  code: string,
  fromYear: number,
  toYear: number,
  scope: UnitScope,
  unitId: string | null,
): Promise<SeriesFigureRow[]> {
  const params: unknown[] = [code, fromYear, toYear];
  let filter = '';
  for (const unit of [scope.kind === 'unit' ? scope.unitId : null, unitId]) {
    if (unit === null) continue;
    params.push(unit);
    filter += ` AND s.unit_id = $${params.length}`;
  }
  // every unit: those that fill the code in any version of a form, or ever had an approved figure of it;
  // their figures are read by the primary key (submission_id, indicator_code) instead of a scan of every
  // figure (migration IndicatorReporters)
  if (!filter) {
    filter = ` AND s.unit_id IN (SELECT r.unit_id FROM indicator_reporters r WHERE r.indicator_code = $1
                                 UNION SELECT su.unit_id FROM indicators i JOIN form_section_units su ON su.section_id = i.section_id WHERE i.code = $1)`;
  }
  return db.query(
    `SELECT s.unit_id AS "unitId", p.year, p.number AS month, s.id AS "submissionId", s.period_id AS "periodId",
            s.approved_at AS "approvedAt", v.numeric_value::text AS value, v.cumulative_entered::text AS "cumulativeEntered"
       FROM submission_values v
       JOIN submissions s ON s.id = v.submission_id
       JOIN periods p ON p.id = s.period_id
      WHERE v.indicator_code = $1 AND s.state = 'approved' AND p.type = 'month' AND p.year BETWEEN $2 AND $3${filter}`,
    params,
  );
}

/** The annual plans of one indicator, by year (as revised last in the year). */
export async function findIndicatorPlans(db: Queryable, code: string, fromYear: number, toYear: number): Promise<Array<{ year: number; target: string }>> {
  return db.query(
    `SELECT p.year, coalesce((SELECT r.target FROM indicator_plan_revisions r WHERE r.indicator_code = p.indicator_code AND r.year = p.year
                               ORDER BY r.effective_from DESC LIMIT 1), p.target)::text AS target
       FROM indicator_plans p WHERE p.indicator_code = $1 AND p.year BETWEEN $2 AND $3`,
    [code, fromYear, toYear],
  );
}

export interface UnitRefRow {
  id: string;
  code: string;
  name: string;
}

export async function findUnitByCode(db: Queryable, code: string): Promise<UnitRefRow | null> {
  const [row] = await db.query(`SELECT id, code, name FROM reporting_units WHERE code = $1`, [code]);
  return row ?? null;
}

export async function findUnitsByIds(db: Queryable, ids: string[]): Promise<UnitRefRow[]> {
  return db.query(`SELECT id, code, name FROM reporting_units WHERE id = ANY($1) ORDER BY code`, [ids]);
}
