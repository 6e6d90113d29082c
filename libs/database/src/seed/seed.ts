import { hashPassword } from '@app/security';
import { cutoffWindow, defaultAggregation, isAggregation, isPeriodType, reminderPolicy } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { FormSection, FormSectionUnit, FormTemplate, Indicator } from '../entities';
import type { Aggregation, PeriodType } from '@app/domain';
import { FormFile, FormIndicatorSpec, HistoryFile, PlansFile, UnitsFile, UserSpec } from './seed-types';

/** Every function here is idempotent: running the seed twice leaves the same rows. */

export async function upsertUnits(db: DataSource | EntityManager, file: UnitsFile): Promise<Map<string, string>> {
  for (const u of file.units) {
    await db.query(
      `INSERT INTO reporting_units (code, name, kind, effective_from, effective_to, merged_into_code, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
         effective_from = EXCLUDED.effective_from,
         -- a unit closed through the API (a restructuring) stays closed when the seed runs again
         effective_to = coalesce(EXCLUDED.effective_to, reporting_units.effective_to),
         merged_into_code = coalesce(EXCLUDED.merged_into_code, reporting_units.merged_into_code), email = EXCLUDED.email`,
      [u.code, u.name, u.kind, u.effectiveFrom, u.effectiveTo ?? null, u.mergedInto ?? null, u.email ?? null],
    );
  }
  for (const u of file.units.filter((x) => x.parentCode)) {
    await db.query(
      `UPDATE reporting_units c SET parent_id = p.id FROM reporting_units p WHERE c.code = $1 AND p.code = $2`,
      [u.code, u.parentCode],
    );
  }
  return unitIds(db);
}

export async function unitIds(db: DataSource | EntityManager): Promise<Map<string, string>> {
  const rows: Array<{ id: string; code: string }> = await db.query('SELECT id, code FROM reporting_units');
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Creates missing users; an existing user (and their password) is left alone. */
export async function ensureUsers(db: DataSource | EntityManager, users: UserSpec[]): Promise<number> {
  const units = await unitIds(db);
  const existing = new Set(
    ((await db.query('SELECT username FROM users')) as Array<{ username: string }>).map((r) => r.username),
  );
  let created = 0;
  for (const u of users) {
    if (existing.has(u.username)) continue;
    const unitId = u.unitCode ? units.get(u.unitCode) : null;
    if (u.unitCode && !unitId) throw new Error(`seed: unknown unit ${u.unitCode} for user ${u.username}`);
    await db.query(
      `INSERT INTO users (username, password_hash, full_name, role, unit_id, email, is_lead, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (username) DO NOTHING`,
      [u.username, await hashPassword(u.password), u.fullName, u.role, unitId ?? null, u.email ?? null, u.isLead ?? false, u.isDemo ?? false],
    );
    created++;
  }
  return created;
}

/** Installs a form version unless that code and version already exist (published forms never change). */
export async function installForm(ds: DataSource, form: FormFile): Promise<string> {
  return ds.transaction(async (m) => {
    const found = await m.findOne(FormTemplate, { where: { code: form.code, version: form.version } });
    if (found) return found.id;
    reminderPolicy(form.reminders); // a malformed policy stops the seed, naming the field
    const periodTypes = formPeriodTypes(form);
    const units = await unitIds(m);
    const template = await m.save(
      m.create(FormTemplate, {
        code: form.code,
        version: form.version,
        name: form.name,
        periodTypes,
        deadlineRule: form.deadline ?? null,
        reminderPolicy: form.reminders ?? null,
      }),
    );
    for (const [sIndex, s] of form.sections.entries()) {
      const section = await m.save(
        m.create(FormSection, {
          templateId: template.id,
          code: s.code,
          title: s.title,
          reportSection: s.reportSection ?? null,
          position: sIndex,
        }),
      );
      for (const code of s.units) {
        const unitId = units.get(code);
        if (!unitId) throw new Error(`seed: form ${form.code} section ${s.code} names unknown unit ${code}`);
        await m.insert(FormSectionUnit, { sectionId: section.id, unitId });
      }
      if (s.indicators.length === 0) continue;
      await m.insert(
        Indicator,
        s.indicators.map((i, index) => ({
          templateId: template.id,
          sectionId: section.id,
          code: i.code,
          name: i.name,
          unitOfMeasure: i.unit ?? null,
          kind: i.kind,
          parentCode: i.parent ?? null,
          position: index,
          hasCumulative: i.hasCumulative ?? false,
          hasPlan: i.hasPlan ?? false,
          planBasis: i.planBasis ?? null,
          hasSamePeriod: i.hasSamePeriod ?? false,
          compareOn: i.compareOn ?? 'value',
          samePeriodStyle: i.samePeriodStyle ?? 'change',
          aggregation: aggregationOf(form, i),
          required: i.required ?? false,
          min: i.min === null || i.min === undefined ? null : String(i.min),
          max: i.max === null || i.max === undefined ? null : String(i.max),
          integerOnly: i.integerOnly ?? false,
          decimals: i.decimals ?? null,
        })),
      );
    }
    return template.id;
  });
}

/** The period types a form file serves; an unknown type stops the seed, naming it. */
export function formPeriodTypes(form: FormFile): PeriodType[] {
  const types = form.periodTypes ?? (form.periodType ? [form.periodType] : []);
  if (types.length === 0) throw new Error(`seed: form ${form.code} names no period type`);
  for (const t of types) if (!isPeriodType(t)) throw new Error(`seed: form ${form.code} names unknown period type ${t}`);
  return types;
}

function aggregationOf(form: FormFile, i: FormIndicatorSpec): Aggregation {
  const a = i.aggregation ?? defaultAggregation(i);
  if (!isAggregation(a)) throw new Error(`seed: form ${form.code} indicator ${i.code}: unknown aggregation ${String(a)}`);
  if (i.hasCumulative && a !== 'flow') throw new Error(`seed: form ${form.code} indicator ${i.code}: a figure with a cumulative is a flow, not ${a}`);
  return a;
}

export async function upsertPlans(db: DataSource | EntityManager, plans: PlansFile): Promise<void> {
  for (const [year, targets] of Object.entries(plans)) {
    for (const [code, target] of Object.entries(targets)) {
      await db.query(
        `INSERT INTO indicator_plans (indicator_code, year, target) VALUES ($1, $2, $3)
         ON CONFLICT (indicator_code, year) DO UPDATE SET target = EXCLUDED.target`,
        [code, Number(year), String(target)],
      );
    }
  }
}

/**
 * Past months, as approved submissions, so that cumulative and same-period figures have their
 * history. A period that already exists keeps its submissions; missing ones are added.
 */
export async function importHistory(
  ds: DataSource,
  templateId: string,
  history: HistoryFile,
  actorId: string | null,
): Promise<number> {
  const units = await unitIds(ds);
  let added = 0;
  await ds.transaction(async (m) => {
    const periodIds = new Map<string, string>();
    for (const h of history.submissions) {
      const key = `${h.year}-${h.month}`;
      let periodId = periodIds.get(key);
      if (!periodId) {
        const w = cutoffWindow('month', h.year, h.month);
        const rows: Array<{ id: string }> = await m.query(
          `INSERT INTO periods (type, year, number, cutoff_from, cutoff_to, deadline, form_template_id)
           VALUES ('month', $1, $2, $3, $4, $4, $5)
           ON CONFLICT (type, year, number) DO UPDATE SET year = EXCLUDED.year RETURNING id`,
          [h.year, h.month, w.from, w.to, templateId],
        );
        periodId = rows[0].id;
        periodIds.set(key, periodId);
      }
      const unitId = units.get(h.unit);
      if (!unitId) throw new Error(`seed: history names unknown unit ${h.unit}`);
      const inserted: Array<{ id: string }> = await m.query(
        `INSERT INTO submissions (unit_id, period_id, form_template_id, state, submitted_at, approved_at)
         VALUES ($1, $2, $3, 'approved', now(), now()) ON CONFLICT (unit_id, period_id) DO NOTHING RETURNING id`,
        [unitId, periodId, templateId],
      );
      if (inserted.length === 0) continue;
      added++;
      const codes = Object.keys(h.values);
      if (codes.length === 0) continue;
      await m.query(
        `INSERT INTO submission_values (submission_id, indicator_code, numeric_value, updated_by)
         SELECT $1, code, num, $4 FROM unnest($2::text[], $3::numeric[]) AS t(code, num)`,
        [inserted[0].id, codes, codes.map((c) => String(h.values[c])), actorId],
      );
      // inserted approved, so the approval trigger did not see its figures
      await m.query(`INSERT INTO indicator_reporters (indicator_code, unit_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`, [codes, unitId]);
      await m.query(
        `INSERT INTO audit_log (submission_id, entity_type, entity_id, action, actor_id, after)
         VALUES ($1, 'submission', $2, 'history.imported', $3, $4)`,
        [inserted[0].id, inserted[0].id, actorId, JSON.stringify({ values: h.values })],
      );
    }
  });
  return added;
}
