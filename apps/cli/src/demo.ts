import { loadEnv } from '@app/config';
import { createDataSource, resolvePostgres } from '@app/database';
import { formatNumber } from '@app/domain';
import { Client } from 'pg';
import { createApp } from '../../api/src/app.factory';
import { webAppBuilt } from '../../api/src/web/serve-web';
import { ApiClient } from './api-client';
import { DEMO_PASSWORD, seedDemo } from './commands';
import { playScriptedMonth } from './scripted-month';

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
 * `npm run demo`: migrate, seed, play May 2024 over the real HTTP API, print a summary, and leave
 * the API running. Without DATABASE_URL it uses a database of its own, made afresh each run.
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
  log(`PostgreSQL (${pg.source}): ${seeded.units} đơn vị, biểu mẫu ${seeded.forms.join(', ')}, ${seeded.historySubmissions} báo cáo của các tháng trước.\n`);

  const app = await createApp(pg.url, { logger: ['error', 'warn'] });
  await app.listen(env.PORT, '0.0.0.0');
  const base = `http://127.0.0.1:${env.PORT}/api`;
  const password = DEMO_PASSWORD();
  const month = await playScriptedMonth(base, password, log);

  if (month.returned) {
    const api = new ApiClient(base);
    const reviewer = await api.login('reviewer', password);
    const view = await api.call<{
      unitName: string;
      values: Array<{ name: string; unit: string; value: number | null; derived: { cumulative: number | null; planPct: number | null } | null }>;
    }>(reviewer, 'GET', `/submissions/${month.returned.submissionId}`);
    log(`\nSố liệu của ${view.unitName} (lũy kế và % kế hoạch do máy chủ tính):`);
    for (const v of view.values.filter((x) => x.derived?.cumulative != null).slice(0, 5)) {
      const plan = v.derived?.planPct == null ? '' : `, đạt ${formatNumber(v.derived.planPct, { decimals: 1 })}% kế hoạch`;
      log(`  • ${v.name}: trong tháng ${formatNumber(v.value ?? 0)} ${v.unit}, lũy kế ${formatNumber(v.derived!.cumulative!)} ${v.unit}${plan}`);
    }
  }

  log(`\nAPI đang chạy: http://localhost:${env.PORT}/api — tài liệu OpenAPI: http://localhost:${env.PORT}/api/docs`);
  log(`Tài khoản mẫu, mật khẩu ${password}: admin, reviewer, reviewer-lead, signer, officer-<mã đơn vị> (ví dụ officer-snn).`);
  log('Nhấn Ctrl+C để dừng.');
  if (webAppBuilt()) {
    log(`\nMở giao diện web: http://localhost:${env.PORT}/  (cán bộ: officer-snn · Văn phòng: reviewer · quản trị: admin)`);
  } else {
    log('\nGiao diện web chưa được build (npm run build:web), nên chỉ có API.');
  }
  const stop = async () => {
    await app.close();
    await pg.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
