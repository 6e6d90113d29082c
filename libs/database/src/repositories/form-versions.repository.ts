import { defaultAggregation, type FormVersionSpec, type IndicatorKind, type PublishedIndicator } from '@app/domain';
import type { EntityManager } from 'typeorm';
import type { Queryable } from './queryable';

/** A form's newest published version (the one a draft starts from). */
export async function findNewestFormVersion(db: Queryable, code: string): Promise<{ id: string; version: number } | null> {
  const [row] = await db.query(`SELECT id, version FROM form_templates WHERE code = $1 ORDER BY version DESC LIMIT 1`, [code]);
  return row ?? null;
}

/** Every indicator every published version of the form carried, with the version: what a code has meant. */
export async function findFormIndicatorHistory(db: Queryable, code: string): Promise<PublishedIndicator[]> {
  return db.query(
    `SELECT i.code, i.name, i.kind, i.unit_of_measure AS unit, t.version
       FROM indicators i JOIN form_templates t ON t.id = i.template_id
      WHERE t.code = $1 ORDER BY t.version, i.code`,
    [code],
  );
}

/** Codes of the units that exist on `day` (a section may be given only to them); null: every unit ever. */
export async function findUnitCodesOn(db: Queryable, day: string | null): Promise<string[]> {
  const rows: Array<{ code: string }> = await db.query(
    `SELECT code FROM reporting_units WHERE $1::date IS NULL OR (effective_from <= $1 AND (effective_to IS NULL OR effective_to >= $1)) ORDER BY code`,
    [day],
  );
  return rows.map((r) => r.code);
}

interface IndicatorRow {
  sectionId: string;
  code: string;
  name: string;
  unit: string | null;
  kind: IndicatorKind;
  parent: string | null;
  hasCumulative: boolean;
  hasPlan: boolean;
  planBasis: string | null;
  hasSamePeriod: boolean;
  compareOn: 'value' | 'cumulative';
  samePeriodStyle: 'change' | 'ratio';
  aggregation: FormVersionSpec['sections'][number]['indicators'][number]['aggregation'];
  required: boolean;
  min: string | null;
  max: string | null;
  integerOnly: boolean;
  decimals: number | null;
}

/** A published version as an editable spec (what a new draft starts from). */
export async function loadFormVersionSpec(db: Queryable, templateId: string): Promise<FormVersionSpec | null> {
  const [t] = await db.query(
    `SELECT code, name, period_types AS "periodTypes", deadline_rule AS deadline, reminder_policy AS reminders FROM form_templates WHERE id = $1`,
    [templateId],
  );
  if (!t) return null;
  const sections: Array<{ id: string; code: string; title: string; reportSection: string | null; units: string[] }> = await db.query(
    `SELECT s.id, s.code, s.title, s.report_section AS "reportSection",
            coalesce(array_agg(u.code ORDER BY u.code) FILTER (WHERE u.code IS NOT NULL), '{}') AS units
       FROM form_sections s
       LEFT JOIN form_section_units su ON su.section_id = s.id
       LEFT JOIN reporting_units u ON u.id = su.unit_id
      WHERE s.template_id = $1 GROUP BY s.id ORDER BY s.position`,
    [templateId],
  );
  const indicators: IndicatorRow[] = await db.query(
    `SELECT section_id AS "sectionId", code, name, unit_of_measure AS unit, kind, parent_code AS parent,
            has_cumulative AS "hasCumulative", has_plan AS "hasPlan", plan_basis AS "planBasis", has_same_period AS "hasSamePeriod",
            compare_on AS "compareOn", same_period_style AS "samePeriodStyle", aggregation, required,
            min::text AS min, max::text AS max, integer_only AS "integerOnly", decimals
       FROM indicators WHERE template_id = $1 ORDER BY position`,
    [templateId],
  );
  return {
    code: t.code,
    name: t.name,
    periodTypes: t.periodTypes,
    deadline: t.deadline,
    reminders: t.reminders,
    sections: sections.map((s) => ({
      code: s.code,
      title: s.title,
      reportSection: s.reportSection,
      units: s.units,
      indicators: indicators.filter((i) => i.sectionId === s.id).map(({ sectionId: _s, ...i }) => i),
    })),
  };
}

/**
 * Installs a form version: its template row, sections, unit assignments and indicators, in the
 * caller's transaction. `effectiveFrom` NULL: from the beginning (a seeded version).
 */
export async function insertFormVersion(
  m: EntityManager,
  spec: FormVersionSpec,
  version: number,
  opts: { effectiveFrom: string | null; publishedBy: string | null },
): Promise<string> {
  const [template] = await m.query(
    `INSERT INTO form_templates (code, version, name, period_types, deadline_rule, reminder_policy, effective_from, published_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [spec.code, version, spec.name, spec.periodTypes, json(spec.deadline), json(spec.reminders), opts.effectiveFrom, opts.publishedBy],
  );
  for (const [position, s] of spec.sections.entries()) {
    const [section] = await m.query(
      `INSERT INTO form_sections (template_id, code, title, report_section, position) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [template.id, s.code, s.title, s.reportSection ?? null, position],
    );
    const assigned: unknown[] = await m.query(
      `INSERT INTO form_section_units (section_id, unit_id) SELECT $1, id FROM reporting_units WHERE code = ANY($2) RETURNING unit_id`,
      [section.id, s.units],
    );
    if (assigned.length !== new Set(s.units).size) throw new Error(`form ${spec.code} section ${s.code} names an unknown unit (${s.units.join(', ')})`);
    for (const [index, i] of s.indicators.entries()) {
      await m.query(
        `INSERT INTO indicators (template_id, section_id, code, name, unit_of_measure, kind, parent_code, position, has_cumulative, has_plan,
           plan_basis, has_same_period, compare_on, same_period_style, aggregation, required, min, max, integer_only, decimals)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
        [
          template.id, section.id, i.code, i.name, i.unit ?? null, i.kind, i.parent ?? null, index, i.hasCumulative ?? false, i.hasPlan ?? false,
          i.planBasis ?? null, i.hasSamePeriod ?? false, i.compareOn ?? 'value', i.samePeriodStyle ?? 'change', i.aggregation ?? defaultAggregation(i),
          i.required ?? false, bound(i.min), bound(i.max), i.integerOnly ?? false, i.decimals ?? null,
        ],
      );
    }
  }
  return template.id;
}

function json(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

function bound(v: number | string | null | undefined): string | null {
  return v === null || v === undefined || v === '' ? null : String(v);
}

export interface FormDraftRow {
  id: string;
  formCode: string;
  baseTemplateId: string;
  baseVersion: number;
  body: FormVersionSpec;
  version: number;
  updatedAt: Date;
}

const DRAFT_COLUMNS = `d.id, d.form_code AS "formCode", d.base_template_id AS "baseTemplateId", t.version AS "baseVersion", d.body, d.version, d.updated_at AS "updatedAt"`;

export async function findFormDraft(db: Queryable, id: string): Promise<FormDraftRow | null> {
  const [row] = await db.query(`SELECT ${DRAFT_COLUMNS} FROM form_drafts d JOIN form_templates t ON t.id = d.base_template_id WHERE d.id = $1`, [id]);
  return row ?? null;
}

/** The draft, locked until the caller's transaction ends (it is about to be saved or published). */
export async function lockFormDraft(m: EntityManager, id: string): Promise<FormDraftRow | null> {
  const [row] = await m.query(`SELECT ${DRAFT_COLUMNS} FROM form_drafts d JOIN form_templates t ON t.id = d.base_template_id WHERE d.id = $1 FOR UPDATE OF d`, [id]);
  return row ?? null;
}

export async function listFormDrafts(db: Queryable): Promise<FormDraftRow[]> {
  return db.query(`SELECT ${DRAFT_COLUMNS} FROM form_drafts d JOIN form_templates t ON t.id = d.base_template_id ORDER BY d.form_code`);
}

/** A new draft; null when the form already has one (one draft per form). */
export async function insertFormDraft(db: Queryable, d: { formCode: string; baseTemplateId: string; body: FormVersionSpec; createdBy: string }): Promise<string | null> {
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO form_drafts (form_code, base_template_id, body, created_by) VALUES ($1, $2, $3, $4) ON CONFLICT (form_code) DO NOTHING RETURNING id`,
    [d.formCode, d.baseTemplateId, JSON.stringify(d.body), d.createdBy],
  );
  return rows[0]?.id ?? null;
}

export async function updateFormDraftBody(m: EntityManager, id: string, body: FormVersionSpec): Promise<number> {
  const [row] = await m.query(`UPDATE form_drafts SET body = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`, [id, JSON.stringify(body)]);
  return row.version;
}

export async function deleteFormDraft(m: EntityManager, id: string): Promise<void> {
  await m.query(`DELETE FROM form_drafts WHERE id = $1`, [id]);
}
