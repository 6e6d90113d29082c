import { vnInstant } from '../../libs/domain/src';
import { ManualClock } from '../../libs/queue/src';
import { startTestApp, TestApp } from '../support/test-app';

/** Lịch nghỉ entered by the administrator: checked, audited, and moving the deadlines of periods not yet closed. */
describe('calendar entry (HTTP, real Postgres)', () => {
  const clock = new ManualClock(vnInstant('2024-05-15', '10:00'));
  let t: TestApp;
  let mayId: string;
  let aprilId: string;
  const auth = async () => ({ Authorization: `Bearer ${await t.token('admin')}` });

  const FILE_2024 = {
    lunar: { tet: '2024-02-10', hungKings: '2024-04-18' },
    daysOff: [
      { date: '2024-01-01', name: 'Tết Dương lịch' },
      { from: '2024-02-08', to: '2024-02-14', name: 'Tết Nguyên đán Giáp Thìn' },
      { date: '2024-04-18', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { from: '2024-04-27', to: '2024-05-01', name: 'Ngày Chiến thắng và Quốc tế Lao động' },
      { from: '2024-08-31', to: '2024-09-03', name: 'Quốc khánh' },
    ],
    makeUpDays: [{ date: '2024-05-04', name: 'Làm bù cho thứ Hai 29/4/2024' }],
  };

  beforeAll(async () => {
    t = await startTestApp('calendar', { clock });
    mayId = (await t.http().post('/api/periods').set(await auth()).send({ type: 'month', year: 2024, number: 5 }).expect(201)).body.id;
    // April was opened from history; its submissions are all approved: closed, its deadline stays
    [{ id: aprilId }] = await t.db.query(`SELECT id FROM periods WHERE type = 'month' AND year = 2024 AND number = 4`);
  });
  afterAll(() => t.close());

  async function snapshot() {
    return t.db.query(
      `SELECT (SELECT count(*)::int FROM calendar_years) AS years, (SELECT count(*)::int FROM audit_log) AS audit,
              (SELECT json_agg(deadline::text ORDER BY id) FROM periods) AS deadlines`,
    );
  }

  it('says which years have no schedule yet', async () => {
    const res = await t.http().get('/api/calendar').set(await auth()).expect(200);
    expect(res.body.missing).toEqual([]);
    expect(res.body.years[0]).toMatchObject({ year: 2025, scheduled: true, entered: false });
    clock.set(vnInstant('2026-10-01', '08:00'));
    try {
      const later = await t.http().get('/api/calendar').set(await auth()).expect(200);
      expect(later.body.missing).toEqual([2027]);
      expect(later.body.years[0]).toMatchObject({ year: 2027, scheduled: false, daysOff: [] });
    } finally {
      clock.set(vnInstant('2024-05-15', '10:00'));
    }
  });

  const bad: Array<[string, object, number, string]> = [
    ['a make-up day on a weekday', { ...FILE_2024, decision: 'QĐ', makeUpDays: [{ date: '2024-05-06', name: 'Làm bù' }] }, 400, 'CALENDAR_INVALID'],
    ['a day of another year', { ...FILE_2024, decision: 'QĐ', daysOff: [{ date: '2025-01-01', name: 'Tết' }] }, 400, 'CALENDAR_INVALID'],
    ['a day that is off and a make-up day', { ...FILE_2024, decision: 'QĐ', makeUpDays: [{ date: '2024-04-27', name: 'Làm bù' }] }, 400, 'CALENDAR_INVALID'],
    ['a blank decision', { ...FILE_2024, decision: '   ' }, 400, 'CALENDAR_INVALID'],
    ['no decision', { ...FILE_2024 }, 400, 'VALIDATION_FAILED'],
    ['a date that does not exist', { ...FILE_2024, decision: 'QĐ', daysOff: [{ date: '2024-02-30', name: 'x' }] }, 400, 'VALIDATION_FAILED'],
  ];
  it.each(bad)('refuses %s, writing nothing', async (_label, body, status, code) => {
    const before = await snapshot();
    const res = await t.http().put('/api/calendar/2024').set(await auth()).send(body);
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(await snapshot()).toEqual(before);
  });

  it('moves the deadline of the open period when a new day off falls on it, and leaves closed periods alone', async () => {
    const before = (await t.http().get(`/api/periods/${mayId}`).set(await auth()).expect(200)).body.deadline;
    expect(before).toBe('2024-05-16'); // 2 working days after the cutoff of 14 May
    const [april] = await t.db.query(`SELECT deadline::text FROM periods WHERE id = $1`, [aprilId]);
    const decision = 'Công văn số 123/UBND-KGVX ngày 02/5/2024 về việc nghỉ bù (giả định cho kiểm thử)';
    const res = await t.http().put('/api/calendar/2024').set(await auth())
      .send({ ...FILE_2024, decision, daysOff: [...FILE_2024.daysOff, { date: '2024-05-16', name: 'Nghỉ bù (giả định)' }] }).expect(200);
    expect(res.body.recomputed).toEqual([{ periodId: mayId, label: expect.any(String), before: '2024-05-16', after: '2024-05-17', unitExtensionId: null }]);
    expect(res.body.year).toMatchObject({ year: 2024, entered: true, decision, version: 1 });
    expect((await t.http().get(`/api/periods/${mayId}`).set(await auth()).expect(200)).body.deadline).toBe('2024-05-17');
    expect(await t.db.query(`SELECT deadline::text FROM periods WHERE id = $1`, [aprilId])).toEqual([april]);
    const audit = await t.db.query(`SELECT entity_type, action, before, after FROM audit_log WHERE entity_type IN ('period', 'calendar_year') AND action <> 'period.opened' ORDER BY id`);
    expect(audit).toEqual([
      { entity_type: 'period', action: 'period.deadline_recomputed', before: { deadline: '2024-05-16' }, after: { deadline: '2024-05-17', calendarYear: 2024, decision } },
      expect.objectContaining({ entity_type: 'calendar_year', action: 'calendar.entered', after: expect.objectContaining({ decision, recomputed: 1 }) }),
    ]);
    // the next period opened counts the entered day off too
    const june = await t.http().post('/api/periods').set(await auth()).send({ type: 'month', year: 2024, number: 6 }).expect(201);
    expect(june.body.deadline).toBe('2024-06-18');
  });

  it('refuses a stale replacement (409) and takes back the day off with the current version', async () => {
    const stale = await t.http().put('/api/calendar/2024').set(await auth()).send({ ...FILE_2024, decision: 'Sửa', version: 7 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
    const res = await t.http().put('/api/calendar/2024').set(await auth()).send({ ...FILE_2024, decision: 'Hủy ngày nghỉ bù giả định', version: 1 }).expect(200);
    expect(res.body.recomputed).toEqual([expect.objectContaining({ periodId: mayId, before: '2024-05-17', after: '2024-05-16' })]);
    expect(res.body.year.version).toBe(2);
  });
});
