import type { CalendarYearView, FormTemplateView, PeriodView, SubmissionView, YearPlansView } from '@app/contracts';
import { periodDeadline, WorkingCalendar } from '@app/domain';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { ApiClient } from '../../apps/cli/src/api-client';
import { demoPassword } from '../../apps/cli/src/commands';
import { CALENDAR_2025, FORM_2025, plan2025From } from '../../apps/cli/src/reference-2025';
import { builtEntry } from '../support/built-apps';
import { testConfig } from '../support/test-config';
import { createTestDatabase } from '../support/test-db';
import { dropQueueKeys } from '../support/redis-keys';
import { TEST_REDIS_URL } from '../support/test-redis';

/** a queue prefix of its own: another run on this machine's Redis stays apart */
const queuePrefix = `tonghop-test-demo2025-${process.pid}`;
import { waitFor } from '../support/wait';

/**
 * `npm run demo -- --through 2025-05` (the built CLI): May 2024 as always, then 2025 quickly with the
 * administrator's restructuring of 1 March 2025 through the API, to May 2025's signed report — in
 * under five minutes. Its own database; its queues in a Redis database of their own.
 */
describe('npm run demo -- --through 2025-05', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let demo: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    database = await createTestDatabase('demo2025');
  });
  afterAll(async () => {
    if (demo && demo.exitCode === null) {
      const exited = new Promise((r) => demo!.once('exit', r));
      demo.kill('SIGINT');
      await exited;
    }
    await database?.drop();
    await dropQueueKeys(TEST_REDIS_URL, queuePrefix);
  });

  it('restructures the units through the API and signs May 2025’s report within five minutes', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise((r) => server.close(r));
    // a queue prefix of its own: another run on this machine's Redis stays apart
    const redis = new URL(TEST_REDIS_URL);
    const started = Date.now();
    demo = spawn(process.execPath, [builtEntry('cli'), 'demo', '--through', '2025-05'], {
      env: { ...process.env, NODE_ENV: 'development', NO_COLOR: '1', DATABASE_URL: database.url, REDIS_URL: redis.toString(), QUEUE_PREFIX: queuePrefix, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    demo.stdout!.on('data', (b: Buffer) => (output += b.toString()));
    demo.stderr!.on('data', (b: Buffer) => (output += b.toString()));
    await waitFor(async () => output.includes('Nhấn Ctrl+C để dừng') || demo!.exitCode !== null, 300_000, 'the demo to finish its run');
    const seconds = (Date.now() - started) / 1000;
    expect({ exit: demo.exitCode, tail: demo.exitCode === null ? '' : output.slice(-2000) }).toEqual({ exit: null, tail: '' });
    expect(output).toContain('SNN + STNMT → SNNMT');
    expect(output).toMatch(/tháng 5 năm 2025: \d+ đơn vị nhập số liệu mẫu/);
    // signed; issued too where LibreOffice makes its PDF
    expect(output).toMatch(/Báo cáo đã (ký|phát hành): .*bao-cao-kt-xh-thang-5-2025\.(docx|pdf)/);
    expect(output).toMatch(/Sở Nông nghiệp và Môi trường .*: \d+ chỉ tiêu của hai sở cũ/);
    expect(seconds).toBeLessThan(300);
    expect(output).toMatch(/Lịch nghỉ năm 2025 \(5 đợt nghỉ, 1 ngày làm bù\)/);
    expect(output).toMatch(/Kế hoạch năm 2025: \d+ chỉ tiêu/);
    expect(output).toMatch(/Biểu mẫu KTXH-THANG phiên bản 2, áp dụng từ 01\/3\/2025/);
    // the calendar and plans before January is opened; the form version before March
    expect(output.indexOf('Lịch nghỉ năm 2025')).toBeLessThan(output.indexOf('tháng 1 năm 2025:'));
    expect(output.indexOf('Kế hoạch năm 2025:')).toBeLessThan(output.indexOf('tháng 1 năm 2025:'));
    expect(output.indexOf('Biểu mẫu KTXH-THANG phiên bản 2')).toBeLessThan(output.indexOf('tháng 3 năm 2025:'));

    // what the administrator entered is what the still-running API serves
    const api = new ApiClient(`http://127.0.0.1:${port}/api`);
    const admin = await api.login('admin', demoPassword(testConfig().TONGHOP_CONFIG_DIR));
    const periods = await api.call<PeriodView[]>(admin, 'GET', '/periods');
    const of2025 = periods.filter((p) => p.type === 'month' && p.year === 2025).sort((a, b) => a.number - b.number);
    expect(of2025.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);

    // (a) the calendar of 2025, entered with its decision, gives the deadlines of 2025
    const calendar = await api.call<CalendarYearView>(admin, 'GET', '/calendar/2025');
    expect(calendar).toMatchObject({ entered: true, decision: CALENDAR_2025.decision, makeUpDays: CALENDAR_2025.makeUpDays });
    expect(calendar.daysOff).toEqual(CALENDAR_2025.daysOff);
    const entered = WorkingCalendar.weekdaysOnly().withYear(2025, { daysOff: CALENDAR_2025.daysOff, makeUpDays: CALENDAR_2025.makeUpDays });
    for (const p of of2025) expect({ n: p.number, deadline: p.deadline }).toEqual({ n: p.number, deadline: periodDeadline({ rule: 'working_days_after_cutoff', days: 2 }, p.cutoffTo, entered) });

    // (b) the plans of 2025 (2024's, synthetic) serve % of plan in May 2025
    const [plans2024, plans2025] = await Promise.all([2024, 2025].map((y) => api.call<YearPlansView>(admin, 'GET', `/plans/${y}`)));
    const target2025 = new Map(plans2025.plans.filter((p) => p.target !== null).map((p) => [p.indicatorCode, p.target!]));
    const forest2024 = plans2024.plans.find((p) => p.indicatorCode === 'new_forest_planted')!;
    expect(target2025.get('new_forest_planted')).toBe(plan2025From(forest2024.revisions.at(-1)?.target ?? forest2024.target!));
    const may = of2025[4];
    const rows = await api.call<Array<{ id: string; unitCode: string }>>(admin, 'GET', `/submissions?periodId=${may.id}`);
    const snnmt = await api.call<SubmissionView>(admin, 'GET', `/submissions/${rows.find((r) => r.unitCode === 'SNNMT')!.id}`);
    const forest = snnmt.values.find((v) => v.indicatorCode === 'new_forest_planted')!;
    expect(forest.derived?.plan).toBe(target2025.get('new_forest_planted'));
    expect(Number(forest.derived!.planPct)).toBeCloseTo((Number(forest.derived!.cumulative) / Number(target2025.get('new_forest_planted'))) * 100, 6);

    // (c) May 2025 on the form version of March 2025: the successors fill the merged units' sections
    const form = await api.call<FormTemplateView>(admin, 'GET', `/forms/${may.formTemplateId}`);
    expect(form.version).toBe(2);
    const units = new Set(form.sections.flatMap((s) => s.units));
    for (const gone of ['SNN', 'STNMT', 'SKHDT', 'SGTVT', 'STTTT', 'SLDTBXH', 'BDT']) expect(units.has(gone)).toBe(false);
    expect(form.sections.find((s) => s.code === 'II.4/STNMT')!.units).toEqual(['SNNMT']);
    const codes = snnmt.values.map((v) => v.indicatorCode);
    expect(codes).toContain(FORM_2025.added.indicator.code);
    expect(snnmt.values.find((v) => v.indicatorCode === FORM_2025.added.indicator.code)!.value).not.toBeNull();
    const all = form.sections.flatMap((s) => s.indicators.map((i) => i.code));
    expect(all).not.toContain(FORM_2025.retired);
    // February, opened before, keeps the first version
    const february = await api.call<FormTemplateView>(admin, 'GET', `/forms/${of2025[1].formTemplateId}`);
    expect(february.version).toBe(1);
  }, 330_000);
});
