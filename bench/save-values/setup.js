'use strict';
/**
 * Fresh `tonghop_bench` database: migrations (through our own CLI) + a minimal dataset:
 * one form template (BENCH v1, month) with ONE section of 50 number indicators (i01..i50)
 * assigned to 100 units, one open period (5/2024), one draft submission and one officer per unit.
 *
 *   node bench/save-values/setup.js      (standalone; run.js calls setupDatabase())
 */
const { Client } = require('pg');
const { benchDatabaseUrl, freshMigratedDatabase } = require('../support/database');

const DB_NAME = 'tonghop_bench';
const DATABASE_URL = benchDatabaseUrl(DB_NAME);
const PASSWORD = 'Bench@2024';
const UNITS = 100;
const INDICATORS = 50;

const pad = (n, w) => String(n).padStart(w, '0');
const unitCode = (i) => `U${pad(i + 1, 3)}`;
const indicatorCode = (i) => `i${pad(i + 1, 2)}`;
const username = (i) => `bench-u${pad(i + 1, 3)}`;

/** Multi-row INSERT helper: rows of equal arity → one statement with $n placeholders. */
async function insertRows(db, sql, rows, returning = '') {
  if (rows.length === 0) return [];
  const params = [];
  const tuples = rows.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
  const res = await db.query(`${sql} VALUES ${tuples.join(', ')} ${returning}`, params);
  return res.rows;
}

async function setupDatabase({ log = () => undefined } = {}) {
  const t0 = Date.now();
  const { hash } = require('@node-rs/argon2');
  // one argon2id hash reused for every officer (the API verifies it at login)
  const passwordHashP = hash(PASSWORD);

  log(`  migrate: ${await freshMigratedDatabase(DB_NAME)}`);
  const passwordHash = await passwordHashP;

  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    await db.query('BEGIN');
    const [template] = await insertRows(
      db,
      'INSERT INTO form_templates (code, version, name, period_types)',
      [['BENCH', 1, 'Biểu đo hiệu năng (50 chỉ tiêu)', ['month']]],
      'RETURNING id',
    );
    const [section] = await insertRows(
      db,
      'INSERT INTO form_sections (template_id, code, title, position)',
      [[template.id, 'S1', 'Chỉ tiêu chung', 1]],
      'RETURNING id',
    );
    await insertRows(
      db,
      'INSERT INTO indicators (template_id, section_id, code, name, unit_of_measure, kind, position)',
      Array.from({ length: INDICATORS }, (_, i) => [template.id, section.id, indicatorCode(i), `Chỉ tiêu ${i + 1}`, 'tỷ đồng', 'number', i + 1]),
    );
    const units = await insertRows(
      db,
      'INSERT INTO reporting_units (code, name, kind, effective_from)',
      Array.from({ length: UNITS }, (_, i) => [unitCode(i), `Sở đo hiệu năng ${i + 1}`, 'department', '2020-01-01']),
      'RETURNING id, code',
    );
    units.sort((a, b) => a.code.localeCompare(b.code));
    await insertRows(db, 'INSERT INTO form_section_units (section_id, unit_id)', units.map((u) => [section.id, u.id]));
    const [period] = await insertRows(
      db,
      'INSERT INTO periods (type, year, number, cutoff_from, cutoff_to, deadline, form_template_id)',
      [['month', 2024, 5, '2024-04-15', '2024-05-14', '2024-05-16', template.id]],
      'RETURNING id',
    );
    const submissions = await insertRows(
      db,
      'INSERT INTO submissions (unit_id, period_id, form_template_id)',
      units.map((u) => [u.id, period.id, template.id]),
      'RETURNING id, unit_id',
    );
    await insertRows(
      db,
      'INSERT INTO users (username, password_hash, full_name, role, unit_id)',
      units.map((u, i) => [username(i), passwordHash, `Cán bộ ${u.code}`, 'officer', u.id]),
    );
    await db.query('COMMIT');
    await db.query('ANALYZE');
    const byUnit = new Map(submissions.map((s) => [s.unit_id, s.id]));
    log(`  dataset: 1 template, ${INDICATORS} indicators, ${UNITS} units/officers/submissions (${Date.now() - t0} ms)`);
    return {
      databaseUrl: DATABASE_URL,
      periodId: period.id,
      password: PASSWORD,
      indicatorCodes: Array.from({ length: INDICATORS }, (_, i) => indicatorCode(i)),
      officers: units.map((u, i) => ({ username: username(i), unitId: u.id, submissionId: byUnit.get(u.id) })),
    };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

module.exports = { setupDatabase, DATABASE_URL, DB_NAME, UNITS, INDICATORS };

if (require.main === module) {
  setupDatabase({ log: console.log })
    .then((info) => console.log(`ok: ${info.databaseUrl}, period ${info.periodId}`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
