import { loadEnv } from '@app/config';
import { createDataSource, resolvePostgres } from '@app/database';
import { formatNumber } from '@app/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../../api/src/app.factory';
import { ApiClient } from './api-client';
import { CONFIG_DIR, DEMO_PASSWORD, seedDemo } from './commands';

interface MayFile {
  year: number;
  month: number;
  submissions: Array<{ unit: string; values: Array<{ indicatorCode: string; value: number | string | null; note?: string | null }> }>;
}

/** The unit whose first submission the reviewer returns, and the figure it typed wrong. */
const RETURNED_UNIT = 'SNN';

async function freshDatabase(adminUrl: string, name: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
}

/**
 * `npm run demo`: migrate, seed, then play May 2024 over the real HTTP API — every unit fills its
 * form and submits, one is returned with a comment and fixed, the office approves them all — and
 * leave the API running.
 */
export async function runDemo(): Promise<void> {
  const env = loadEnv();
  const log = (m: string) => console.log(m);
  const pg = await resolvePostgres({ database: 'tonghop_demo', log });
  if (pg.source !== 'DATABASE_URL') await freshDatabase(pg.adminUrl, 'tonghop_demo');
  const ds = createDataSource(pg.url);
  await ds.initialize();
  await ds.runMigrations();
  const seeded = await seedDemo(ds);
  await ds.destroy();
  log(`PostgreSQL: ${pg.source} — ${seeded.units} đơn vị, biểu mẫu ${seeded.forms.join(', ')}, ${seeded.historySubmissions} báo cáo các tháng trước.`);

  const app = await createApp(pg.url, { logger: ['error', 'warn'] });
  await app.listen(env.PORT, '0.0.0.0');
  const api = new ApiClient(`http://127.0.0.1:${env.PORT}/api`);
  const password = DEMO_PASSWORD();
  const may = JSON.parse(readFileSync(join(CONFIG_DIR, 'demo', 'may-2024.json'), 'utf8')) as MayFile;

  const admin = await api.login('admin', password);
  const period = await api.call<{ id: string; label: string; deadline: string }>(admin, 'POST', '/periods', {
    type: 'month', year: may.year, number: may.month,
  });
  log(`\nMở kỳ báo cáo ${period.label} — hạn nộp ${period.deadline}.`);

  const reviewer = await api.login('reviewer', password);
  const all = await api.call<Array<{ id: string; unitCode: string; version: number }>>(reviewer, 'GET', `/submissions?periodId=${period.id}`);
  const typed = new Map(may.submissions.map((s) => [s.unit, s.values]));

  let returnedIndicator: { code: string; right: number | string | null } | null = null;
  for (const s of all) {
    const officer = await api.login(`officer-${s.unitCode.toLowerCase()}`, password);
    let values = typed.get(s.unitCode) ?? [];
    if (s.unitCode === RETURNED_UNIT) {
      const first = values.find((v) => typeof v.value === 'number' && v.value >= 100);
      if (first) {
        returnedIndicator = { code: first.indicatorCode, right: first.value };
        // a slip of the keyboard: one digit short
        values = values.map((v) => (v === first ? { ...v, value: Math.round(Number(v.value) / 10) } : v));
      }
    }
    const saved = await api.call<{ version: number }>(officer, 'PUT', `/submissions/${s.id}/values`, { version: s.version, values });
    await api.call(officer, 'POST', `/submissions/${s.id}/submit`, { version: saved.version });
  }
  log(`${all.length} đơn vị đã nhập số liệu và gửi báo cáo.`);

  const target = all.find((s) => s.unitCode === RETURNED_UNIT);
  if (target && returnedIndicator) {
    const current = await api.call<{ version: number }>(reviewer, 'GET', `/submissions/${target.id}`);
    const comment = 'Số liệu thấp bất thường so với cùng kỳ, đề nghị kiểm tra lại.';
    const back = await api.call<{ version: number }>(reviewer, 'POST', `/submissions/${target.id}/return`, {
      version: current.version,
      reason: 'Đề nghị rà soát lại số liệu trước khi tổng hợp.',
      comments: [{ indicatorCode: returnedIndicator.code, text: comment }],
    });
    log(`Văn phòng trả lại báo cáo của ${RETURNED_UNIT}: "${comment}" (chỉ tiêu ${returnedIndicator.code}).`);
    const officer = await api.login(`officer-${RETURNED_UNIT.toLowerCase()}`, password);
    const fixed = await api.call<{ version: number }>(officer, 'PUT', `/submissions/${target.id}/values`, {
      version: back.version,
      values: [{ indicatorCode: returnedIndicator.code, value: returnedIndicator.right }],
    });
    await api.call(officer, 'POST', `/submissions/${target.id}/submit`, { version: fixed.version });
    log(`${RETURNED_UNIT} đã sửa và gửi lại.`);
  }

  const pending = await api.call<Array<{ id: string; version: number; state: string }>>(reviewer, 'GET', `/submissions?periodId=${period.id}`);
  for (const s of pending.filter((p) => p.state === 'submitted')) {
    await api.call(reviewer, 'POST', `/submissions/${s.id}/approve`, { version: s.version });
  }
  const summary = await api.call<{ submissions: Record<string, number> }>(reviewer, 'GET', `/periods/${period.id}`);
  log(`Đã duyệt ${summary.submissions.approved}/${summary.submissions.total} báo cáo.`);

  if (target) {
    const view = await api.call<{ values: Array<{ name: string; unit: string; value: number | null; derived: { cumulative: number | null; planPct: number | null } | null }> }>(
      reviewer, 'GET', `/submissions/${target.id}`,
    );
    log(`\nMột vài số liệu của ${RETURNED_UNIT} (tính trên máy chủ):`);
    for (const v of view.values.filter((x) => x.derived?.cumulative !== null && x.derived?.cumulative !== undefined).slice(0, 4)) {
      const plan = v.derived?.planPct === null || v.derived?.planPct === undefined ? '' : `, đạt ${formatNumber(v.derived.planPct, { decimals: 1 })}% kế hoạch`;
      log(`  ${v.name}: trong tháng ${formatNumber(v.value ?? 0)} ${v.unit}, lũy kế ${formatNumber(v.derived!.cumulative!)} ${v.unit}${plan}`);
    }
  }

  log(`\nAPI đang chạy: http://localhost:${env.PORT}/api  (tài liệu OpenAPI: http://localhost:${env.PORT}/api/docs)`);
  log(`Tài khoản mẫu (mật khẩu ${password}): admin, reviewer, reviewer-lead, signer, officer-<mã đơn vị>, ví dụ officer-snn.`);
  log('Nhấn Ctrl+C để dừng.');
  const stop = async () => {
    await app.close();
    await pg.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
