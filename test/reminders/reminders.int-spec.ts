import { INestApplicationContext } from '@nestjs/common';
import { ensureUsers } from '../../libs/database/src';
import { vnInstant } from '../../libs/domain/src';
import { DEFAULT_JOB_OPTIONS, JOBS, ManualClock } from '../../libs/queue/src';
import { QueueProbe, startWorker } from '../support/queue-probe';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';

/**
 * The month as the clock moves through it, on real Postgres and Redis, with a worker in process.
 * Test units SA and SB; the May 2024 deadline is Thu 16/5 (cutoff Tue 14/5 + 2 working days).
 */
describe('reminders (real Redis and Postgres, injected clock)', () => {
  const clock = new ManualClock(vnInstant('2024-05-10', '08:30'));
  let t: TestApp;
  let worker: INestApplicationContext;
  let probe: QueueProbe;
  const periods: Record<string, string> = {};
  const auth = async (user: string) => ({ Authorization: `Bearer ${await t.token(user)}` });

  beforeAll(async () => {
    t = await startTestApp('reminders', { clock });
    await ensureUsers(t.db, [{ username: 'reviewer-lead', role: 'reviewer', fullName: 'Phó Chánh Văn phòng', isLead: true, password: PASSWORD }]);
    for (const [key, number] of [['may', 5], ['june', 6]] as const) {
      const res = await t.http().post('/api/periods').set(await auth('admin')).send({ type: 'month', year: 2024, number }).expect(201);
      periods[key] = res.body.id;
    }
    worker = await startWorker(t, { clock });
    probe = new QueueProbe(t.redisUrl, t.queuePrefix);
  });
  afterAll(async () => {
    await worker?.close();
    await probe?.close();
    await t?.close();
  });
  afterEach(async () => expect(await probe.failedReasons()).toEqual([]));

  /** Sets the clock, runs one scan through the queue and waits for every job it caused. */
  async function day(date: string, time = '09:00') {
    clock.set(vnInstant(date, time));
    const result = await probe.scan();
    await probe.idle();
    return result;
  }

  async function sent(period: string, on?: string) {
    const rows: Array<{ kind: string; day: string; unit: string | null; recipients: number }> = await t.db.query(
      `SELECT r.kind, r.day::text AS day, u.code AS unit, r.recipients FROM reminders r
         LEFT JOIN submissions s ON s.id = r.submission_id LEFT JOIN reporting_units u ON u.id = s.unit_id
        WHERE r.period_id = $1 AND ($2::date IS NULL OR r.day = $2::date) ORDER BY r.day, r.kind, u.code`,
      [periods[period], on ?? null],
    );
    return rows.map((r) => `${r.day} ${r.kind}${r.unit ? ` ${r.unit}` : ''} →${r.recipients}`);
  }

  async function fillAndSubmit(unit: 'SA' | 'SB', period: string, at: string) {
    clock.set(new Date(at));
    const officer = await auth(`officer-${unit.toLowerCase()}`);
    const [s] = (await t.http().get(`/api/submissions?periodId=${periods[period]}`).set(officer).expect(200)).body;
    const values = unit === 'SA'
      ? [{ indicatorCode: 'forest', value: 710.83 }, { indicatorCode: 'sown', value: 48000 }, { indicatorCode: 'sown_rice', value: 100 }]
      : [{ indicatorCode: 'retail', value: '2.912,9' }];
    const saved = await t.http().put(`/api/submissions/${s.id}/values`).set(officer).send({ version: s.version, values }).expect(200);
    await t.http().post(`/api/submissions/${s.id}/submit`).set(officer).send({ version: saved.body.version }).expect(200);
  }

  it('reminds on the right working days, follows the policy, and stops once the unit submits', async () => {
    expect((await day('2024-05-10')).reminders).toBe(0);
    await day('2024-05-13', '07:30'); // before the day's sending time (08:00)
    expect(await sent('may')).toEqual([]);

    await day('2024-05-13');
    expect(await sent('may', '2024-05-13')).toEqual(['2024-05-13 before_deadline SA →1', '2024-05-13 before_deadline SB →1', '2024-05-13 digest →3']);

    await fillAndSubmit('SB', 'may', '2024-05-14T10:00:00+07:00');
    await day('2024-05-14'); // two working days before: not in the policy; only the digest
    await day('2024-05-15');
    await day('2024-05-16');
    await day('2024-05-17');
    await fillAndSubmit('SA', 'may', '2024-05-17T14:00:00+07:00'); // one day late
    await day('2024-05-18'); // Saturday
    await day('2024-05-20');
    expect((await sent('may')).filter((r) => !r.includes('digest'))).toEqual([
      '2024-05-13 before_deadline SA →1',
      '2024-05-13 before_deadline SB →1',
      '2024-05-15 before_deadline SA →1',
      '2024-05-16 on_deadline SA →1',
      '2024-05-16 review_pending SB →2', // both reviewers, two working days after SB submitted
      '2024-05-17 overdue SA →1',
      '2024-05-20 review_escalated SB →1', // the lead reviewer only, two working days later
    ]);
    expect((await sent('may')).filter((r) => r.includes('digest')).map((r) => r.slice(0, 10))).toEqual([
      '2024-05-13', '2024-05-14', '2024-05-15', '2024-05-16', '2024-05-17', '2024-05-20',
    ]);

    const inbox = await t.http().get('/api/me/notifications').set(await auth('officer-sa')).expect(200);
    const reminders = inbox.body.items.filter((n: { kind: string }) => ['before_deadline', 'on_deadline', 'overdue'].includes(n.kind));
    expect(reminders.map((n: { title: string }) => n.title)).toEqual([
      'Quá hạn: báo cáo tháng 5 năm 2024 của Sở A chưa được gửi (quá hạn 1 ngày làm việc)',
      'Hôm nay là hạn nộp báo cáo tháng 5 năm 2024 của Sở A',
      'Nhắc hạn: báo cáo tháng 5 năm 2024 của Sở A — hạn nộp 16/05/2024, còn 1 ngày làm việc',
      'Nhắc hạn: báo cáo tháng 5 năm 2024 của Sở A — hạn nộp 16/05/2024, còn 3 ngày làm việc',
    ]);
  });

  it('reports completeness against each unit’s deadline, with the reminders sent', async () => {
    const res = await t.http().get(`/api/periods/${periods.may}/completeness`).set(await auth('reviewer')).expect(200);
    expect(res.body.units.map((u: Record<string, unknown>) => [u.unitCode, u.state, u.timeliness, u.onTime, u.remindersSent, u.lastReminderDay])).toEqual([
      ['SA', 'submitted', 'late', false, 4, '2024-05-17'],
      ['SB', 'submitted', 'on_time', true, 1, '2024-05-13'],
    ]);
    expect(res.body.units[0].submittedAt).toBe('2024-05-17T07:00:00.000Z');
    expect(res.body.totals).toEqual({ units: 2, submitted: 2, approved: 0, onTime: 1, late: 1, pending: 0, overdue: 0, remindersSent: 5 });
  });

  it('sends each reminder once when the scan runs twice, on two workers at once, and when a job runs twice', async () => {
    const second = await startWorker(t, { clock });
    try {
      clock.set(vnInstant('2024-06-13', '09:00')); // June deadline Tue 18/6: three working days before
      const scans = await Promise.all([probe.scan(), probe.scan(), probe.scan()]);
      // a scan that runs after another's jobs are done finds them sent: only the first is sure to see them
      expect(Math.max(...scans.map((s) => s.reminders))).toBe(2);
      // the same reminder job under other job ids, so BullMQ cannot drop them: only the unique row stops them
      const data = { kind: 'before_deadline', periodId: periods.june, submissionId: await submissionOf('SA', 'june'), day: '2024-06-13' };
      await Promise.all(['twice-1', 'twice-2', 'twice-3'].map((jobId) => probe.reminders.add(JOBS.remind, data, { ...DEFAULT_JOB_OPTIONS, jobId })));
      await probe.idle();
      expect(await sent('june')).toEqual(['2024-06-13 before_deadline SA →1', '2024-06-13 before_deadline SB →1', '2024-06-13 digest →3']);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key LIKE 'before_deadline.%.2024-06-13'`);
      expect(n).toBe(2);
      const completed = await probe.reminders.getJobCounts('completed');
      expect(completed.completed).toBeGreaterThanOrEqual(3 + 3 + 3); // three scans, three reminders, three forced repeats
    } finally {
      await second.close();
    }
  });

  it('follows a deadline extended by the administrator, in reminders and in completeness', async () => {
    const sa = await unitId('SA');
    const ext = await t.http().post(`/api/periods/${periods.june}/extensions`).set(await auth('admin'))
      .send({ unitId: sa, deadline: '2024-06-22', reason: 'Sự cố mất điện kéo dài tại đơn vị' }).expect(201);
    expect(ext.body).toMatchObject({ unitCode: 'SA', deadline: '2024-06-24', reason: 'Sự cố mất điện kéo dài tại đơn vị' }); // Sat 22/6 → Mon 24/6
    for (const d of ['2024-06-18', '2024-06-19', '2024-06-20', '2024-06-21', '2024-06-24']) await day(d);
    expect((await sent('june')).filter((r) => !r.includes('digest') && r > '2024-06-14')).toEqual([
      '2024-06-18 on_deadline SB →1',
      '2024-06-19 before_deadline SA →1',
      '2024-06-19 overdue SB →1',
      '2024-06-20 overdue SB →1',
      '2024-06-21 before_deadline SA →1',
      '2024-06-21 overdue SB →1',
      '2024-06-24 on_deadline SA →1',
      '2024-06-24 overdue SB →1',
    ]);
    await fillAndSubmit('SA', 'june', '2024-06-24T16:00:00+07:00');
    const res = await t.http().get(`/api/periods/${periods.june}/completeness`).set(await auth('signer')).expect(200);
    expect(res.body.units.map((u: Record<string, unknown>) => [u.unitCode, u.deadline, u.extended, u.timeliness])).toEqual([
      ['SA', '2024-06-24', true, 'on_time'],
      ['SB', '2024-06-18', false, 'overdue'],
    ]);
    // the officers hear of the extension through the outbox
    const inbox = await waitForInbox('officer-sa', 'deadline.extended');
    expect(inbox.title).toBe('Gia hạn nộp báo cáo tháng 6 năm 2024 của Sở A đến 24/06/2024');
    expect(inbox.body).toContain('Lý do: Sự cố mất điện kéo dài tại đơn vị');
  });

  async function submissionOf(unit: string, period: string): Promise<string> {
    const [row] = await t.db.query(
      `SELECT s.id FROM submissions s JOIN reporting_units u ON u.id = s.unit_id WHERE u.code = $1 AND s.period_id = $2`,
      [unit, periods[period]],
    );
    return row.id;
  }

  async function unitId(code: string): Promise<string> {
    return (await t.db.query(`SELECT id FROM reporting_units WHERE code = $1`, [code]))[0].id;
  }

  async function waitForInbox(user: string, kind: string): Promise<{ title: string; body: string }> {
    const { waitFor } = await import('../support/wait');
    return waitFor(async () => {
      const res = await t.http().get('/api/me/notifications').set(await auth(user));
      return res.body.items.find((n: { kind: string }) => n.kind === kind);
    }, 15_000, `a ${kind} notification for ${user}`);
  }
});
