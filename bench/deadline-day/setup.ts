/**
 * The deadline-day bench's database: the Lạng Sơn demo (form, report template, plans, history of January
 * 2023 – April 2024), grown to UNITS reporting units in the one province: each demo unit that reports in
 * May 2024 is cloned until there are UNITS, a clone filling the same sections with the same figures its
 * model typed that month (config/demo/may-2024.json), so every submission passes the form's rules and the
 * consolidated report is the real one, over many more units. Demo units that typed nothing that month are
 * retired before it (they would hold back the last approval). One officer per unit; tokens are minted
 * (the load is the deadline's, not 1 360 argon2 logins).
 */
import { Client } from 'pg';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '../../apps/cli/src/commands';
import { freshMigratedDatabase } from '../support/fresh-database';

export const UNITS = Number(process.env.BENCH_UNITS || 1360);

export interface TypedValue {
  indicatorCode: string;
  value: string | number | null;
  note?: string | null;
}

export interface BenchUnit {
  code: string;
  unitId: string;
  userId: string;
  username: string;
  /** the demo unit whose sections and May figures it has */
  model: string;
}

export interface DeadlineData {
  units: BenchUnit[];
  typed: Map<string, TypedValue[]>;
  users: Record<'admin' | 'reviewer' | 'reviewer-lead', { id: string; role: string }>;
  year: number;
  month: number;
}

/** Database `name` made anew, migrated, with the Lạng Sơn demo (what `npm run seed` loads); also the soak's. */
export async function freshDemoDatabase(adminUrl: string, url: string, name: string, configDir: string, log: (m: string) => void): Promise<void> {
  const ds = await freshMigratedDatabase(adminUrl, url, name);
  const t = Date.now();
  await seedDemo(ds, configDir);
  log(`  demo seeded: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  await ds.destroy();
}

export async function setupDeadlineDatabase(adminUrl: string, url: string, name: string, configDir: string, log: (m: string) => void): Promise<DeadlineData> {
  await freshDemoDatabase(adminUrl, url, name, configDir, log);

  const month = JSON.parse(readFileSync(join(configDir, 'demo', 'may-2024.json'), 'utf8')) as { year: number; month: number; submissions: Array<{ unit: string; values: TypedValue[] }> };
  const typed = new Map(month.submissions.map((s) => [s.unit, s.values]));
  const models = [...typed.keys()].sort();

  const db = new Client({ connectionString: url });
  await db.connect();
  const t = Date.now();
  await db.query('BEGIN');
  // demo units that report nothing in May: retired before the month, so the period does not wait for them
  await db.query(`UPDATE reporting_units SET effective_to = '2024-04-30' WHERE code <> ALL($1) AND id IN (SELECT unit_id FROM form_section_units)`, [models]);
  const clones = UNITS - models.length;
  await db.query(
    `INSERT INTO reporting_units (code, name, kind, effective_from)
     SELECT 'DD' || lpad(i::text, 4, '0'), 'Đơn vị ' || i || ' (như ' || ($1::text[])[1 + (i - 1) % cardinality($1::text[])] || ')', 'department', '2020-01-01'
       FROM generate_series(1, $2::int) i`,
    [models, clones],
  );
  await db.query(
    `INSERT INTO form_section_units (section_id, unit_id)
     SELECT su.section_id, c.id
       FROM reporting_units c
       JOIN reporting_units m ON m.code = ($1::text[])[1 + (substr(c.code, 3)::int - 1) % cardinality($1::text[])]
       JOIN form_section_units su ON su.unit_id = m.id
      WHERE c.code LIKE 'DD%'`,
    [models],
  );
  const [{ hash }] = (await db.query(`SELECT password_hash AS hash FROM users WHERE username = 'admin'`)).rows;
  await db.query(
    `INSERT INTO users (username, password_hash, full_name, role, unit_id)
     SELECT 'officer-' || lower(code), $1, 'Cán bộ ' || code, 'officer', id FROM reporting_units WHERE code LIKE 'DD%'`,
    [hash],
  );
  await db.query('COMMIT');
  await db.query('ANALYZE');
  const rows = (await db.query(
    `SELECT u.code, u.id AS unit_id, us.id AS user_id, us.username
       FROM reporting_units u JOIN users us ON us.unit_id = u.id AND us.role = 'officer'
      WHERE u.code LIKE 'DD%' OR u.code = ANY($1) ORDER BY u.code`,
    [models],
  )).rows as Array<{ code: string; unit_id: string; user_id: string; username: string }>;
  const users = Object.fromEntries(
    (await db.query(`SELECT username, id, role FROM users WHERE username IN ('admin', 'reviewer', 'reviewer-lead')`)).rows.map((r: { username: string; id: string; role: string }) => [r.username, { id: r.id, role: r.role }]),
  ) as DeadlineData['users'];
  await db.end();
  const units = rows.map((r) => ({
    code: r.code,
    unitId: r.unit_id,
    userId: r.user_id,
    username: r.username,
    model: r.code.startsWith('DD') ? models[(Number(r.code.slice(2)) - 1) % models.length] : r.code,
  }));
  log(`  ${units.length} units (${models.length} of the demo, ${clones} clones), one officer each: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return { units, typed, users, year: month.year, month: month.month };
}
