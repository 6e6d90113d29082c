import { formatVnDateWithWeekday, vnInstant } from '@app/domain';
import { ApiClient } from './api-client';
import type { DemoQueues } from './demo-queues';
import type { ReceivedMail, SmtpSink } from './mail-sink';
import { MonthScript, RETURNED_UNIT, ScriptedMonthResult } from './scripted-month';

/** Submits on the deadline day. */
export const LAST_MINUTE_UNIT = 'UBNDH';
/** Submits a day after the deadline, after its overdue reminder. */
export const LATE_UNIT = 'SXD';
/** Its submission waits in review long enough to remind the reviewers, then the lead reviewer. */
export const SLOW_REVIEW_UNIT = 'CTK';

export interface TimedMonthDeps {
  baseUrl: string;
  password: string;
  /** the data folder (TONGHOP_CONFIG_DIR) with what each unit types */
  configDir: string;
  setClock: (at: Date) => Promise<void>;
  queues: DemoQueues;
  sink: SmtpSink;
  log: (line: string) => void;
}

/**
 * May 2024 day by day on the demo clock (deadline Thu 16/5): each morning the worker's scan sends
 * what is due, and the demo prints what reached the SMTP sink. Units submit over the week, one
 * on the deadline day and one a day late; the office reviews each morning, returns one submission,
 * and leaves one waiting long enough to be reminded and escalated.
 */
export async function playTimedMonth(d: TimedMonthDeps): Promise<ScriptedMonthResult> {
  const script = new MonthScript(new ApiClient(d.baseUrl), d.password, d.log, d.configDir);
  let seen = 0;

  const at = async (date: string, time: string) => d.setClock(vnInstant(date, time));
  const morning = async (date: string) => {
    d.log(`\n— ${formatVnDateWithWeekday(date)} —`);
    await at(date, '08:30');
    await d.queues.scanNow();
    await d.queues.settle();
    printMail(d, d.sink.received.slice(seen), seen === 0);
    seen = d.sink.received.length;
  };
  const submit = async (units: string[], date: string, time: string) => {
    await at(date, time);
    for (const u of units) await script.fillAndSubmit(u);
    await d.queues.settle();
    seen = d.sink.received.length; // "đã gửi báo cáo" notices to the reviewers: counted, not printed
    d.log(`${time}: ${units.length} đơn vị gửi báo cáo${units.length <= 3 ? ` (${units.join(', ')})` : ''}.`);
  };
  const review = async (date: string, except: string[], time = '09:00') => {
    await at(date, time);
    const n = await script.approveSubmitted(except);
    await d.queues.settle();
    seen = d.sink.received.length;
    if (n > 0) d.log(`${time}: Văn phòng duyệt ${n} báo cáo${except.length ? ` (chưa xem ${except.join(', ')})` : ''}.`);
  };

  d.log(`\n— ${formatVnDateWithWeekday('2024-05-10')} —`);
  await at('2024-05-10', '08:00');
  await script.openPeriod();
  const special = [SLOW_REVIEW_UNIT, RETURNED_UNIT, LAST_MINUTE_UNIT, LATE_UNIT];
  const others = script.submissions.map((s) => s.unitCode).filter((c) => !special.includes(c));

  await morning('2024-05-13');
  await submit([SLOW_REVIEW_UNIT, RETURNED_UNIT, ...others.slice(0, 10)], '2024-05-13', '10:00');

  await morning('2024-05-14');
  await review('2024-05-14', [SLOW_REVIEW_UNIT, RETURNED_UNIT]);
  await at('2024-05-14', '09:30');
  await script.returnAndFix();
  await d.queues.settle();
  printMail(d, d.sink.received.slice(seen).filter((m) => m.subject.startsWith('Trả lại')), false);
  seen = d.sink.received.length;
  await submit(others.slice(10, 20), '2024-05-14', '10:00');

  await morning('2024-05-15');
  await review('2024-05-15', [SLOW_REVIEW_UNIT]);
  await submit(others.slice(20), '2024-05-15', '10:00');

  await morning('2024-05-16');
  await review('2024-05-16', [SLOW_REVIEW_UNIT]);
  await submit([LAST_MINUTE_UNIT], '2024-05-16', '15:00');

  await morning('2024-05-17');
  await review('2024-05-17', []);
  await submit([LATE_UNIT], '2024-05-17', '10:00');
  await review('2024-05-17', [], '14:00');
  return script.result();
}

function printMail(d: TimedMonthDeps, mails: ReceivedMail[], showOneInFull: boolean): void {
  if (mails.length === 0) {
    d.log('Không có thư nhắc nào hôm nay.');
    return;
  }
  d.log(`Hộp thư mô phỏng (SMTP 127.0.0.1:${d.sink.port}) nhận ${mails.length} thư:`);
  const bySubject = new Map<string, ReceivedMail[]>();
  for (const m of mails) {
    const kind = m.subject.replace(/ của .*$/, '').replace(/ chờ duyệt .*$/, '');
    bySubject.set(kind, [...(bySubject.get(kind) ?? []), m]);
  }
  for (const group of bySubject.values()) {
    const m = group[0];
    const more = group.length > 1 ? `  (+${group.length - 1} thư cùng loại)` : '';
    d.log(`  ✉ ${m.to.join(', ')}: ${m.subject}${more}`);
  }
  if (showOneInFull) {
    const m = mails[0];
    d.log(`\n  ┌ Gửi: ${m.to.join(', ')}\n  │ Tiêu đề: ${m.subject}\n${m.text.trim().split('\n').map((l) => `  │ ${l}`).join('\n')}\n  └`);
  }
}
