import type { PeriodType } from '@app/domain';
import { addWorkingDays, formatVnDateWithWeekday, periodLabel, vnInstant } from '@app/domain';
import { ApiClient } from './api-client';
import { playQuickSignOff } from './demo-sign-off';
import type { DemoQueues } from './demo-queues';
import type { SmtpSink } from './mail-sink';
import { MonthScript } from './scripted-month';
import { playScriptedPeriod } from './scripted-period';

export interface DemoMonth {
  year: number;
  month: number;
}

/** `--through 2024-06`: the last month the demo plays (May 2024 … December 2024, day by day; or January … May 2025, quickly). */
export function parseThrough(args: string[]): DemoMonth {
  const i = args.indexOf('--through');
  if (i < 0) return { year: 2024, month: 5 };
  const m = /^(\d{4})-(\d{2})$/.exec(args[i + 1] ?? '');
  const through = m ? { year: Number(m[1]), month: Number(m[2]) } : null;
  const ok = through && ((through.year === 2024 && through.month >= 5 && through.month <= 12) || (through.year === 2025 && through.month >= 1 && through.month <= 5));
  if (!ok) {
    throw new Error('--through nhận một tháng từ 2024-05 đến 2024-12, hoặc từ 2025-01 đến 2025-05 (số liệu mẫu), ví dụ --through 2024-06 hay --through 2025-05.');
  }
  return through;
}

/** The longer period whose report is due with a month: June → six months, September → nine months, December → the year. */
const LONGER: Record<number, { type: Exclude<PeriodType, 'month'>; number: number; file: string }> = {
  6: { type: 'half_year', number: 1, file: 'bao-cao-kt-xh-6-thang-dau-nam-2024' },
  9: { type: 'nine_months', number: 1, file: 'bao-cao-kt-xh-9-thang-nam-2024' },
  12: { type: 'year', number: 1, file: 'bao-cao-kt-xh-nam-2024' },
};

export interface TimedYearDeps {
  baseUrl: string;
  password: string;
  configDir: string;
  setClock: (at: Date) => Promise<void>;
  queues: DemoQueues;
  sink: SmtpSink;
  log: (line: string) => void;
}

const isWeekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

/**
 * The months after May, day by day on the demo clock, each as May went but straight through: the
 * administrator opens the month on the first working day from the 10th; the units submit over two
 * days around the cutoff, the office approves each morning; the worker consolidates; the vice-chairman
 * signs. In June, September and December the six months, nine months or the year follow the next day:
 * opened, its own form filled and approved, consolidated from the approved months, signed. The same
 * code every month.
 */
export async function playTimedLaterMonths(d: TimedYearDeps, through: DemoMonth): Promise<string> {
  let today = '';
  for (let month = 6; month <= through.month; month++) {
    // opened from the 10th; the units submit around the cutoff (14th), the reports are signed after it
    const firstWorkingDay = (date: number) => {
      let day = `2024-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
      while (isWeekend(day)) day = addWorkingDays(day, 1);
      return day;
    };
    const submitting = firstWorkingDay(13);
    const days = [firstWorkingDay(10), submitting, ...[1, 2, 3].map((n) => addWorkingDays(submitting, n))];
    const at = (i: number, time: string) => d.setClock(vnInstant(days[i], time));
    const morning = async (i: number) => {
      d.log(`\n— ${formatVnDateWithWeekday(days[i])} —`);
      const before = d.sink.received.length;
      await at(i, '08:30');
      await d.queues.scanNow();
      await d.queues.settle();
      const mails = d.sink.received.length - before;
      if (mails > 0) d.log(`Hộp thư mô phỏng nhận ${mails} thư nhắc hạn và bản tin.`);
    };

    d.log(`\n══ ${periodLabel('month', 2024, month)} ══`);
    d.log(`\n— ${formatVnDateWithWeekday(days[0])} —`);
    await at(0, '08:00');
    const script = new MonthScript(new ApiClient(d.baseUrl), d.password, d.log, d.configDir, { year: 2024, month }, false);
    await script.openPeriod();
    const units = script.submissions.map((s) => s.unitCode);
    await morning(1);
    await at(1, '10:00');
    for (const u of units.slice(0, 15)) await script.fillAndSubmit(u);
    await d.queues.settle();
    d.log(`10:00: ${units.slice(0, 15).length} đơn vị gửi báo cáo.`);
    await morning(2);
    await at(2, '09:00');
    d.log(`09:00: Văn phòng duyệt ${await script.approveSubmitted()} báo cáo.`);
    await at(2, '10:00');
    for (const u of units.slice(15)) await script.fillAndSubmit(u);
    await d.queues.settle();
    d.log(`10:00: ${units.slice(15).length} đơn vị gửi báo cáo.`);
    await morning(3);
    await at(3, '09:00');
    d.log(`09:00: Văn phòng duyệt ${await script.approveSubmitted()} báo cáo; worker tổng hợp báo cáo ${periodLabel('month', 2024, month)}.`);
    await d.queues.settle();
    await at(3, '15:00');
    await playQuickSignOff(d.baseUrl, d.password, script.period.id, `bao-cao-kt-xh-thang-${month}-2024`, d.log);
    today = days[3];

    const longer = LONGER[month];
    if (longer) {
      d.log(`\n— ${formatVnDateWithWeekday(days[4])} —`);
      await at(4, '08:00');
      const period = await playScriptedPeriod(d.baseUrl, d.password, d.configDir, { type: longer.type, year: 2024, number: longer.number }, d.log);
      d.log(`Worker tổng hợp báo cáo ${period.label} từ các tháng đã duyệt và số liệu riêng của kỳ.`);
      await d.queues.settle();
      await at(4, '15:00');
      await playQuickSignOff(d.baseUrl, d.password, period.periodId, longer.file, d.log);
      today = days[4];
    }
    if (month === through.month) break;
  }
  return today;
}
