import { INestApplicationContext } from '@nestjs/common';
import { vnInstant } from '../../libs/domain/src';
import { ManualClock } from '../../libs/queue/src';
import { QueueProbe, startWorker } from '../support/queue-probe';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';

/**
 * A day off entered by the administrator after the worker started: the period's deadline moves
 * (API) and the worker's reminders follow it at its next scan, nothing on the new day off; the
 * officers of the units still owing figures are told of the new deadline.
 */
describe('reminders follow an entered calendar (real Redis and Postgres, injected clock)', () => {
  const clock = new ManualClock(vnInstant('2024-05-10', '08:30'));
  let t: TestApp;
  let worker: INestApplicationContext;
  let probe: QueueProbe;
  let may: string;
  const auth = async () => ({ Authorization: `Bearer ${await t.token('admin')}` });

  beforeAll(async () => {
    t = await startTestApp('calendar-reminders', { clock });
    may = (await t.http().post('/api/periods').set(await auth()).send({ type: 'month', year: 2024, number: 5 }).expect(201)).body.id;
    worker = await startWorker(t, { clock });
    probe = new QueueProbe(t.redisUrl, t.queuePrefix);
  });
  afterAll(async () => {
    await worker?.close();
    await probe?.close();
    await t?.close();
  });

  async function day(date: string) {
    clock.set(vnInstant(date, '09:00'));
    await probe.scan();
    await probe.idle();
    const rows: Array<{ kind: string; day: string }> = await t.db.query(`SELECT kind, day::text AS day FROM reminders WHERE period_id = $1 AND day = $2 ORDER BY kind`, [may, date]);
    return rows.map((r) => r.kind);
  }

  it('moves the on-deadline reminders to the new deadline and says nothing on the new day off', async () => {
    expect((await t.db.query(`SELECT deadline::text FROM periods WHERE id = $1`, [may]))[0].deadline).toBe('2024-05-16');
    expect(await day('2024-05-13')).toContain('before_deadline'); // 3 working days before Thu 16/5: the worker has started
    const res = await t.http().put('/api/calendar/2024').set(await auth()).send({
      decision: 'Thông báo nghỉ bù (giả định cho kiểm thử)',
      lunar: { tet: '2024-02-10', hungKings: '2024-04-18' },
      daysOff: [
        { date: '2024-01-01', name: 'Tết Dương lịch' },
        { from: '2024-02-08', to: '2024-02-14', name: 'Tết Nguyên đán' },
        { date: '2024-04-18', name: 'Giỗ Tổ Hùng Vương' },
        { from: '2024-04-27', to: '2024-05-01', name: 'Ngày Chiến thắng và Quốc tế Lao động' },
        { date: '2024-05-16', name: 'Nghỉ bù (giả định)' },
        { from: '2024-08-31', to: '2024-09-03', name: 'Quốc khánh' },
      ],
      makeUpDays: [{ date: '2024-05-04', name: 'Làm bù cho thứ Hai 29/4/2024' }],
    }).expect(200);
    expect(res.body.recomputed).toEqual([expect.objectContaining({ before: '2024-05-16', after: '2024-05-17' })]);
    expect(await day('2024-05-16')).toEqual([]); // a day off now: no reminder, and it is no longer the deadline
    expect(await day('2024-05-17')).toContain('on_deadline');
    // the officers of both units (neither has sent its figures) hear of it, once, with the decision
    const told: Array<{ username: string; title: string; body: string }> = await waitFor(async () => {
      const rows = await t.db.query(`SELECT u.username, n.title, n.body FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'deadline.moved' ORDER BY u.username`);
      return rows.length >= 2 && rows;
    }, 15_000, 'the officers told of the moved deadline');
    expect(told.map((n) => [n.username, n.title])).toEqual([
      ['officer-sa', 'Hạn nộp báo cáo tháng 5 năm 2024 của Sở A chuyển sang 17/05/2024'],
      ['officer-sb', 'Hạn nộp báo cáo tháng 5 năm 2024 của Sở B chuyển sang 17/05/2024'],
    ]);
    expect(told[0].body).toContain('chuyển từ 16/05/2024 sang thứ Sáu, 17/05/2024');
    expect(told[0].body).toContain('Căn cứ: ');
  });
});
