import type { ValueStatus } from '@app/domain';
import type { EntityManager } from 'typeorm';
import type { Queryable } from './queryable';
import type { UnitScope } from './unit-scope';

/** One approved figure of a period: the unit, the indicator as its form defines it, the stored figures. */
export interface ApprovedPeriodFigureRow {
  submissionId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  approvedAt: Date | null;
  indicatorCode: string;
  name: string;
  unitOfMeasure: string | null;
  kind: 'number' | 'percent';
  parentCode: string | null;
  sectionCode: string;
  hasCumulative: boolean;
  hasPlan: boolean;
  hasSamePeriod: boolean;
  compareOn: 'value' | 'cumulative';
  samePeriodStyle: 'change' | 'ratio';
  decimals: number | null;
  /** numeric(24,6) as Postgres prints it ("710.830000") */
  value: string;
  cumulativeEntered: string | null;
  /** estimate, preliminary or official, as the unit marked it (an approved official figure replaces it); null: not stated */
  status: ValueStatus | null;
}

/**
 * Every figure (narratives left out) of the period's approved submissions that the caller may see,
 * by unit code, then in the order of the unit's form.
 */
export async function findApprovedPeriodFigures(db: Queryable, periodId: string, scope: UnitScope): Promise<ApprovedPeriodFigureRow[]> {
  const params: unknown[] = [periodId];
  let filter = '';
  if (scope.kind === 'unit') {
    params.push(scope.unitId);
    filter = ' AND s.unit_id = $2';
  }
  return db.query(
    `SELECT s.id AS "submissionId", s.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName", s.approved_at AS "approvedAt",
            i.code AS "indicatorCode", i.name, i.unit_of_measure AS "unitOfMeasure", i.kind, i.parent_code AS "parentCode",
            sec.code AS "sectionCode", i.has_cumulative AS "hasCumulative", i.has_plan AS "hasPlan", i.has_same_period AS "hasSamePeriod",
            i.compare_on AS "compareOn", i.same_period_style AS "samePeriodStyle", i.decimals,
            v.numeric_value::text AS value, v.cumulative_entered::text AS "cumulativeEntered", v.status
       FROM submissions s
       JOIN reporting_units u ON u.id = s.unit_id
       JOIN submission_values v ON v.submission_id = s.id AND v.numeric_value IS NOT NULL
       JOIN indicators i ON i.template_id = s.form_template_id AND i.code = v.indicator_code AND i.kind <> 'text'
       JOIN form_sections sec ON sec.id = i.section_id
      WHERE s.period_id = $1 AND s.state = 'approved'${filter}
      ORDER BY u.code, sec.position, i.position`,
    params,
  );
}

/** One approved figure of one unit in one month. */
export interface UnitHistoryFigureRow {
  year: number;
  month: number;
  submissionId: string;
  approvedAt: Date | null;
  indicatorCode: string;
  value: string;
  cumulativeEntered: string | null;
  status: ValueStatus | null;
}

/** Every approved monthly figure of one unit from January of `fromYear` to December of `toYear`. */
export async function findApprovedUnitFigures(db: Queryable, unitId: string, fromYear: number, toYear: number): Promise<UnitHistoryFigureRow[]> {
  return db.query(
    `SELECT p.year, p.number AS month, s.id AS "submissionId", s.approved_at AS "approvedAt", v.indicator_code AS "indicatorCode",
            v.numeric_value::text AS value, v.cumulative_entered::text AS "cumulativeEntered", v.status
       FROM submissions s
       JOIN periods p ON p.id = s.period_id AND p.type = 'month' AND p.year BETWEEN $2 AND $3
       JOIN submission_values v ON v.submission_id = s.id AND v.numeric_value IS NOT NULL
      WHERE s.unit_id = $1 AND s.state = 'approved'
      ORDER BY p.year, p.number`,
    [unitId, fromYear, toYear],
  );
}

/** A stored version of a period's exchange document. */
export interface ExchangeExportRow {
  id: string;
  version: number;
  figuresSha256: string;
  sha256: string;
  body: string;
  createdAt: Date;
}

/** Serialises the exports of one period until the caller's transaction ends. */
export async function lockPeriodForExchange(m: EntityManager, periodId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('exchange:' || $1))`, [periodId]);
}

export async function findLatestExchangeExport(db: Queryable, periodId: string): Promise<ExchangeExportRow | null> {
  const [row] = await db.query(
    `SELECT id, version, figures_sha256 AS "figuresSha256", sha256, body, created_at AS "createdAt"
       FROM exchange_exports WHERE period_id = $1 ORDER BY version DESC LIMIT 1`,
    [periodId],
  );
  return row ?? null;
}

export async function findExchangeExportVersion(db: Queryable, periodId: string, version: number): Promise<ExchangeExportRow | null> {
  const [row] = await db.query(
    `SELECT id, version, figures_sha256 AS "figuresSha256", sha256, body, created_at AS "createdAt"
       FROM exchange_exports WHERE period_id = $1 AND version = $2`,
    [periodId, version],
  );
  return row ?? null;
}

export async function insertExchangeExport(
  m: EntityManager,
  e: { periodId: string; version: number; figuresSha256: string; sha256: string; body: string; createdBy: string | null },
): Promise<void> {
  await m.query(
    `INSERT INTO exchange_exports (period_id, version, figures_sha256, sha256, body, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
    [e.periodId, e.version, e.figuresSha256, e.sha256, e.body, e.createdBy],
  );
}
