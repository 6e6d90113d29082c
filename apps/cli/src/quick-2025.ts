import type { SubmissionView } from '@app/contracts';
import { formatNumber, periodLabel, vnInstant } from '@app/domain';
import { ApiClient } from './api-client';
import { playQuickSignOff } from './demo-sign-off';
import type { DemoQueues } from './demo-queues';
import { enterCalendar2025, enterPlans2025, FORM_2025, publishForm2025 } from './reference-2025';
import { applyLangSon2025, LANG_SON_2025_DAY, playQuickMonth } from './restructuring-2025';
import type { DemoMonth } from './timed-year';

export interface Quick2025Deps {
  baseUrl: string;
  password: string;
  configDir: string;
  setClock: (at: Date) => Promise<void>;
  queues: DemoQueues;
  log: (line: string) => void;
}

/**
 * `--through 2025-MM`: after May 2024, the months of 2025 quickly (synthetic figures, filled and
 * approved at once, not day by day). In December 2024 the administrator enters the calendar and
 * the plans of 2025; before March applies the 1 March 2025 restructuring and publishes the form
 * version the successors fill from March, all through the API; the last month's report is
 * consolidated by the worker and signed.
 * Returns the demo clock's last day.
 */
export async function playQuick2025(d: Quick2025Deps, through: DemoMonth): Promise<string> {
  const api = new ApiClient(d.baseUrl);
  d.log(`\n══ Năm 2025: các tháng chạy nhanh với số liệu mẫu (tổng hợp, không phải số liệu thật) ══`);
  // December 2024: the days off of 2025 are announced; the People's Council's targets of 2025
  await d.setClock(vnInstant('2024-12-20', '09:00'));
  d.log(`\n— Quản trị viên nhập lịch nghỉ và kế hoạch năm 2025 —`);
  const admin = await api.login('admin', d.password);
  await enterCalendar2025(api, admin, d.log);
  await enterPlans2025(api, admin, d.log);
  let periodId = '';
  for (let month = 1; month <= through.month; month++) {
    if (month === 3) {
      await d.setClock(vnInstant('2025-02-27', '09:00'));
      d.log(`\n— Quản trị viên sắp xếp lại các đơn vị từ ${LANG_SON_2025_DAY} và ban hành biểu mẫu cho các sở mới —`);
      await applyLangSon2025(api, await api.login('admin', d.password), d.log);
      await publishForm2025(api, await api.login('admin', d.password), d.log);
    }
    await d.setClock(vnInstant(`2025-${String(month).padStart(2, '0')}-14`, '09:00'));
    const added = new Map([[FORM_2025.added.indicator.code, FORM_2025.added.demoFigure(month)]]);
    periodId = (await playQuickMonth(api, d.password, d.configDir, { year: 2025, month }, d.log, added)).periodId;
    await d.queues.settle();
  }
  const reviewer = await api.login('reviewer', d.password);
  if (through.month >= 3) await showMerged(api, reviewer, periodId, d.log);
  const last = `2025-${String(through.month).padStart(2, '0')}-18`;
  await d.setClock(vnInstant(last, '15:00'));
  d.log(`\nBáo cáo ${periodLabel('month', 2025, through.month)}: worker tổng hợp, Phó Chủ tịch ký.`);
  await playQuickSignOff(d.baseUrl, d.password, periodId, `bao-cao-kt-xh-thang-${through.month}-2025`, d.log);
  return last;
}

/** What the merged department's form says of a figure it took over: its cumulative and "so với cùng kỳ" run through the merger. */
async function showMerged(api: ApiClient, reviewer: string, periodId: string, log: (line: string) => void): Promise<void> {
  const rows = await api.call<Array<{ id: string; unitCode: string }>>(reviewer, 'GET', `/submissions?periodId=${periodId}`);
  const row = rows.find((r) => r.unitCode === 'SNNMT');
  if (!row) return;
  const view = await api.call<SubmissionView>(reviewer, 'GET', `/submissions/${row.id}`);
  const added = view.values.filter((v) => v.indicatorCode === FORM_2025.added.indicator.code).length;
  log(
    `\n${view.unitName} (lập từ Sở NN&PTNT và Sở TN&MT): ${view.values.length - added} chỉ tiêu của hai sở cũ` +
      `${added ? ` và ${added} chỉ tiêu mới của biểu mẫu từ tháng 3/2025` : ''}; lũy kế và cùng kỳ tính cả số liệu của các sở cũ, % kế hoạch theo kế hoạch năm 2025:`,
  );
  for (const code of ['livestock_vaccinations', 'land_certificates_households', 'new_forest_planted']) {
    const v = view.values.find((x) => x.indicatorCode === code);
    if (!v?.derived?.cumulative) continue;
    const same = v.derived.samePeriodChangePct == null ? '' : `, so với cùng kỳ ${formatNumber(v.derived.samePeriodChangePct, { decimals: 1 })}%`;
    const plan = v.derived.planPct == null ? '' : `, đạt ${formatNumber(v.derived.planPct, { decimals: 1 })}% kế hoạch năm`;
    log(`  • ${v.name}: lũy kế ${formatNumber(v.derived.cumulative)} ${v.unit ?? ''}${same}${plan}`);
  }
}
