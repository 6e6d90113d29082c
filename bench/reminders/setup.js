'use strict';
/**
 * Fresh `tonghop_bench_reminders` database: migrations (through our own CLI) + synthetic data that
 * makes exactly UNITS × PERIODS reminders due on the bench day: UNITS units with one officer each
 * (no e-mail address: the bench measures scan → queue → inbox, not SMTP), one form with the
 * default reminder policy, PERIODS past monthly periods with one draft submission per unit. Every
 * submission is overdue on the bench day, and the default policy reminds overdue units every
 * working day: one `overdue` reminder each.
 *
 *   node bench/reminders/setup.js      (standalone; run.js calls setupDatabase())
 */
const { Client } = require('pg');
const { benchDatabaseUrl, freshMigratedDatabase } = require('../support/database');

const DB_NAME = 'tonghop_bench_reminders';
const DATABASE_URL = benchDatabaseUrl(DB_NAME);
const UNITS = Number(process.env.BENCH_UNITS || 40);
const PERIODS = Number(process.env.BENCH_PERIODS || 500);
/** a Tuesday, a working day in the 2026 calendar, after the day's sending time (08:00) */
const BENCH_NOW = '2026-03-10T09:00:00+07:00';

async function setupDatabase({ log = () => undefined } = {}) {
  log(await freshMigratedDatabase(DB_NAME));
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    await db.query(`INSERT INTO reporting_units (code, name, kind, effective_from)
                    SELECT 'U' || lpad(i::text, 3, '0'), 'Đơn vị ' || i, 'department', '1980-01-01' FROM generate_series(1, $1) i`, [UNITS]);
    await db.query(`INSERT INTO users (username, password_hash, full_name, role, unit_id)
                    SELECT 'officer-' || lower(code), 'not-a-hash', 'Cán bộ ' || name, 'officer', id FROM reporting_units`);
    const [{ id: templateId }] = (await db.query(
      `INSERT INTO form_templates (code, version, name, period_types, deadline_rule)
       VALUES ('BENCH', 1, 'Biểu đo hiệu năng', ARRAY['month'], '{"rule":"working_days_after_cutoff","days":2}') RETURNING id`,
    )).rows;
    // PERIODS consecutive months starting January 1984, deadline = the 16th (all long past on the bench day)
    await db.query(
      `INSERT INTO periods (type, year, number, cutoff_from, cutoff_to, deadline, form_template_id)
       SELECT 'month', extract(year FROM m)::int, extract(month FROM m)::int, (m - interval '1 month' + interval '14 days')::date,
              (m + interval '13 days')::date, (m + interval '15 days')::date, $1
         FROM (SELECT ('1984-01-01'::date + (i || ' months')::interval)::date AS m FROM generate_series(0, $2 - 1) i) months`,
      [templateId, PERIODS],
    );
    await db.query(
      `INSERT INTO submissions (unit_id, period_id, form_template_id, state)
       SELECT u.id, p.id, $1, 'draft' FROM reporting_units u CROSS JOIN periods p`,
      [templateId],
    );
    await db.query('CREATE TABLE bench_baseline_rows (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, job_id text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
    await db.query('VACUUM ANALYZE');
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM submissions')).rows;
    return { databaseUrl: DATABASE_URL, submissions: n, units: UNITS, periods: PERIODS, now: BENCH_NOW };
  } finally {
    await db.end();
  }
}

module.exports = { setupDatabase, DATABASE_URL, BENCH_NOW };

if (require.main === module) {
  setupDatabase({ log: console.log })
    .then((r) => console.log(r))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
