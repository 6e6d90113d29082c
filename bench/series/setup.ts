/**
 * The series bench's database: 34 provinces' worth of approved history, shaped like the consolidation
 * bench's synthetic province (bench/consolidation/province.ts): 40 units × 300 indicators per province
 * ("u<u>_g<g>" totals with three "trong đó" parts, "u<u>_i<i>" of their own), one monthly form whose
 * section u each province's unit U<u> fills, annual plans — with 29 months of approved figures
 * (January 2022 – May 2024) instead of 13, so a 24-month window has data and every point its basis.
 * 1 360 units, 39 440 approved submissions, 11.8 million figures. Generated in SQL (generate_series):
 * the figures are pseudo-random, which a series' timing does not depend on.
 */
import { Client } from 'pg';
import { freshMigratedDatabase } from '../support/fresh-database';

export const PROVINCES = Number(process.env.BENCH_PROVINCES || 34);
export const UNITS_PER_PROVINCE = 40;
export const INDICATORS_PER_UNIT = 300;
export const MONTHS = 29; // January 2022 – May 2024

export async function setupSeriesDatabase(adminUrl: string, url: string, name: string, log: (m: string) => void): Promise<void> {
  await (await freshMigratedDatabase(adminUrl, url, name)).destroy();

  const db = new Client({ connectionString: url });
  await db.connect();
  const step = async (label: string, sql: string) => {
    const t = Date.now();
    await db.query(sql);
    log(`  ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  await db.query(`SET synchronous_commit = off`);
  await step('form, sections, indicators', `
    INSERT INTO form_templates (code, version, name, period_types) VALUES ('BENCH', 1, 'Biểu mẫu tháng (bench)', ARRAY['month']);
    INSERT INTO form_sections (template_id, code, title, position)
      SELECT t.id, 'S' || u, 'Lĩnh vực của sở thứ ' || u, u FROM form_templates t, generate_series(1, ${UNITS_PER_PROVINCE}) u;
    INSERT INTO indicators (template_id, section_id, code, name, unit_of_measure, kind, parent_code, position,
                            has_cumulative, has_plan, has_same_period, compare_on, same_period_style, decimals)
      SELECT s.template_id, s.id, c.code, c.name, 'tỷ đồng', 'number', c.parent, c.pos, true, true, true,
             CASE WHEN c.pos % 6 = 0 THEN 'value' ELSE 'cumulative' END, CASE WHEN c.pos % 3 = 0 THEN 'ratio' ELSE 'change' END, c.pos % 3
        FROM form_sections s
        CROSS JOIN LATERAL (
          SELECT 'u' || s.position || '_g' || g AS code, 'Tổng số nhóm ' || g AS name, NULL AS parent, g * 4 AS pos FROM generate_series(1, 50) g
          UNION ALL
          SELECT 'u' || s.position || '_g' || g || '_' || c, 'Phần ' || c || ' của nhóm ' || g, 'u' || s.position || '_g' || g, g * 4 + c FROM generate_series(1, 50) g, generate_series(1, 3) c
          UNION ALL
          SELECT 'u' || s.position || '_i' || i, 'Chỉ tiêu ' || i, NULL, 200 + i FROM generate_series(1, ${INDICATORS_PER_UNIT - 200}) i
        ) c;`);
  await step('units, sections filled, plans, periods', `
    INSERT INTO reporting_units (code, name, kind, effective_from)
      SELECT 'P' || lpad(p::text, 2, '0') || '-U' || lpad(u::text, 2, '0'), 'Sở thứ ' || u || ' của tỉnh ' || p, 'department', '2020-01-01'
        FROM generate_series(1, ${PROVINCES}) p, generate_series(1, ${UNITS_PER_PROVINCE}) u;
    INSERT INTO form_section_units (section_id, unit_id)
      SELECT s.id, ru.id FROM reporting_units ru JOIN form_sections s ON s.code = 'S' || ltrim(split_part(ru.code, '-U', 2), '0');
    INSERT INTO indicator_plans (indicator_code, year, target)
      SELECT i.code, y, (12 * 50000 * (0.9 + random() * 0.3))::numeric(24, 0) FROM indicators i, generate_series(2022, 2024) y;
    INSERT INTO periods (type, year, number, cutoff_from, cutoff_to, deadline, form_template_id)
      SELECT 'month', extract(year FROM d)::int, extract(month FROM d)::int, d - interval '17 days', d + interval '13 days', d + interval '17 days', t.id
        FROM form_templates t, generate_series('2022-01-01'::date, '2024-05-01'::date, interval '1 month') d;`);
  await step('approved submissions', `
    INSERT INTO submissions (unit_id, period_id, form_template_id, state, submitted_at, approved_at)
      SELECT ru.id, p.id, p.form_template_id, 'approved', p.deadline - interval '1 day', p.deadline
        FROM reporting_units ru, periods p;`);
  // loaded without the primary key and the foreign key, which are built once afterwards
  // (much faster than row by row); the schema ends as the migrations leave it
  const constraints = (await db.query(
    `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'submission_values'::regclass AND contype IN ('p', 'f') ORDER BY contype DESC`,
  )).rows as Array<{ conname: string; def: string }>;
  for (const c of constraints) await db.query(`ALTER TABLE submission_values DROP CONSTRAINT "${c.conname}"`);
  await step(`figures (${PROVINCES * UNITS_PER_PROVINCE * INDICATORS_PER_UNIT * MONTHS} rows)`, `
    INSERT INTO submission_values (submission_id, indicator_code, numeric_value)
      SELECT s.id, i.code, round((200 + random() * 50000)::numeric, i.decimals)
        FROM submissions s
        JOIN form_section_units su ON su.unit_id = s.unit_id
        JOIN indicators i ON i.section_id = su.section_id;`);
  for (const c of constraints) await step(c.conname, `ALTER TABLE submission_values ADD CONSTRAINT "${c.conname}" ${c.def}`);
  // the submissions were inserted approved before their figures: who reports what, as the approval trigger keeps it
  await step('indicator reporters', `
    INSERT INTO indicator_reporters (indicator_code, unit_id)
      SELECT i.code, su.unit_id FROM form_section_units su JOIN indicators i ON i.section_id = su.section_id`);
  await step('vacuum analyze', `VACUUM ANALYZE`);
  await db.end();
}

