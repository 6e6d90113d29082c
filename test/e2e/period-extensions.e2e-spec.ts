import { vnInstant } from '../../libs/domain/src';
import { ManualClock } from '../../libs/queue/src';
import { startTestApp, TestApp } from '../support/test-app';

/** Gia hạn and tình hình nộp báo cáo over HTTP: who may, what bad input gets, what is recorded. */
describe('deadline extensions and completeness (HTTP)', () => {
  const clock = new ManualClock(vnInstant('2024-05-20', '10:00'));
  let t: TestApp;
  let periodId: string;
  let units: Record<string, string>;
  const auth = async (user: string) => ({ Authorization: `Bearer ${await t.token(user)}` });
  const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

  beforeAll(async () => {
    t = await startTestApp('extensions', { clock });
    const res = await t.http().post('/api/periods').set(await auth('admin')).send({ type: 'month', year: 2024, number: 5 }).expect(201);
    periodId = res.body.id;
    units = Object.fromEntries((await t.db.query(`SELECT code, id FROM reporting_units`)).map((u: { code: string; id: string }) => [u.code, u.id]));
  });
  afterAll(() => t.close());

  async function snapshot() {
    const [{ ext }] = await t.db.query(`SELECT count(*)::int AS ext FROM deadline_extensions`);
    const [{ audit }] = await t.db.query(`SELECT count(*)::int AS audit FROM audit_log`);
    const [{ outbox }] = await t.db.query(`SELECT count(*)::int AS outbox FROM outbox_events`);
    return { ext, audit, outbox };
  }

  const bad: Array<[string, () => object, number, string]> = [
    ['a deadline not later than the period’s', () => ({ unitId: units.SA, deadline: '2024-05-16', reason: 'Lý do' }), 400, 'DEADLINE_INVALID'],
    ['a deadline before the cutoff', () => ({ unitId: units.SA, deadline: '2024-05-01', reason: 'Lý do' }), 400, 'DEADLINE_INVALID'],
    ['a date that does not exist', () => ({ unitId: units.SA, deadline: '2024-02-30', reason: 'Lý do' }), 400, 'DEADLINE_INVALID'],
    ['a deadline years away (a typo in the year)', () => ({ unitId: units.SA, deadline: '2042-05-22', reason: 'Lý do' }), 400, 'DEADLINE_INVALID'],
    ['a date in another format', () => ({ unitId: units.SA, deadline: '22/05/2024', reason: 'Lý do' }), 400, 'VALIDATION_FAILED'],
    ['a blank reason', () => ({ unitId: units.SA, deadline: '2024-05-22', reason: '   ' }), 400, 'EXTENSION_REASON_REQUIRED'],
    ['no reason', () => ({ unitId: units.SA, deadline: '2024-05-22' }), 400, 'VALIDATION_FAILED'],
    ['a reason too long', () => ({ unitId: units.SA, deadline: '2024-05-22', reason: 'x'.repeat(1001) }), 400, 'VALIDATION_FAILED'],
    ['an unknown field', () => ({ unitId: units.SA, deadline: '2024-05-22', reason: 'Lý do', extra: 1 }), 400, 'VALIDATION_FAILED'],
    ['a unit id that is not a uuid', () => ({ unitId: 'SA', deadline: '2024-05-22', reason: 'Lý do' }), 400, 'VALIDATION_FAILED'],
    ['a unit without a submission in the period', () => ({ unitId: '00000000-0000-4000-8000-000000000000', deadline: '2024-05-22', reason: 'Lý do' }), 404, 'UNIT_NOT_IN_PERIOD'],
  ];

  it.each(bad)('refuses %s with a stable code and a Vietnamese message, and changes nothing', async (_label, body, status, code) => {
    const before = await snapshot();
    const res = await t.http().post(`/api/periods/${periodId}/extensions`).set(await auth('admin')).send(body());
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body.message).toMatch(VIETNAMESE);
    expect(await snapshot()).toEqual(before);
  });

  it('answers an unknown or malformed period with 404', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'abc']) {
      const res = await t.http().get(`/api/periods/${id}/completeness`).set(await auth('reviewer')).expect(404);
      expect(res.body.code).toBe('PERIOD_NOT_FOUND');
      await t.http().post(`/api/periods/${id}/extensions`).set(await auth('admin')).send({ unitId: units.SA, deadline: '2024-05-22', reason: 'Lý do' }).expect(404);
    }
  });

  it('grants, audits and announces an extension, rolling a day off to the next working day; granting again replaces it', async () => {
    const first = await t.http().post(`/api/periods/${periodId}/extensions`).set(await auth('admin'))
      .send({ unitId: units.SA, deadline: '2024-05-25', reason: '  Đơn vị đề nghị do thay đổi lãnh đạo  ' }).expect(201);
    expect(first.body).toMatchObject({ unitCode: 'SA', deadline: '2024-05-27', reason: 'Đơn vị đề nghị do thay đổi lãnh đạo' }); // Sat → Mon
    const second = await t.http().post(`/api/periods/${periodId}/extensions`).set(await auth('admin'))
      .send({ unitId: units.SA, deadline: '2024-05-22', reason: 'Điều chỉnh theo chỉ đạo' }).expect(201);
    expect(second.body).toMatchObject({ id: first.body.id, deadline: '2024-05-22', reason: 'Điều chỉnh theo chỉ đạo' });
    const audit = await t.db.query(`SELECT action, before, after FROM audit_log WHERE entity_type = 'deadline_extension' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'deadline.extended', before: { deadline: '2024-05-16' }, after: { deadline: '2024-05-27', reason: 'Đơn vị đề nghị do thay đổi lãnh đạo', requested: '2024-05-25' } },
      { action: 'deadline.extended', before: { deadline: '2024-05-27', reason: 'Đơn vị đề nghị do thay đổi lãnh đạo' }, after: { deadline: '2024-05-22', reason: 'Điều chỉnh theo chỉ đạo', requested: '2024-05-22' } },
    ]);
    const events = await t.db.query(`SELECT type, payload FROM outbox_events ORDER BY id`);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['deadline.extended', 'deadline.extended']);
  });

  it('opens a period with a typed deadline moved off a day off, and refuses one before the cutoff', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM periods`);
    const early = await t.http().post('/api/periods').set(await auth('admin')).send({ type: 'month', year: 2024, number: 6, deadline: '2024-06-10' }).expect(400);
    expect(early.body).toMatchObject({ code: 'DEADLINE_INVALID', message: expect.stringMatching(VIETNAMESE) });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM periods`)).toEqual(before);
    const june = await t.http().post('/api/periods').set(await auth('admin')).send({ type: 'month', year: 2024, number: 6, deadline: '2024-06-22' }).expect(201);
    expect(june.body).toMatchObject({ cutoffTo: '2024-06-14', deadline: '2024-06-24' });
  });

  it('shows every unit to the office and only their own unit to an officer', async () => {
    const office = await t.http().get(`/api/periods/${periodId}/completeness`).set(await auth('signer')).expect(200);
    expect(office.body).toMatchObject({ label: 'tháng 5 năm 2024', deadline: '2024-05-16', today: '2024-05-20' });
    expect(office.body.units.map((u: Record<string, unknown>) => [u.unitCode, u.deadline, u.extended, u.timeliness, u.onTime])).toEqual([
      ['SA', '2024-05-22', true, 'pending', null],
      ['SB', '2024-05-16', false, 'overdue', null],
    ]);
    expect(office.body.totals).toMatchObject({ units: 2, submitted: 0, pending: 1, overdue: 1 });
    const own = await t.http().get(`/api/periods/${periodId}/completeness`).set(await auth('officer-sb')).expect(200);
    expect(own.body.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['SB']);
    expect(own.body.totals.units).toBe(1);
    const ext = await t.http().get(`/api/periods/${periodId}/extensions`).set(await auth('officer-sb')).expect(200);
    expect(ext.body).toEqual([]);
    const extSa = await t.http().get(`/api/periods/${periodId}/extensions`).set(await auth('officer-sa')).expect(200);
    expect(extSa.body.map((e: { unitCode: string }) => e.unitCode)).toEqual(['SA']);
  });

  it("gives an officer their unit's own deadline with its submissions: the extension, else the period's", async () => {
    const sa = await t.http().get(`/api/submissions?periodId=${periodId}`).set(await auth('officer-sa')).expect(200);
    expect(sa.body).toEqual([expect.objectContaining({ unitCode: 'SA', deadline: '2024-05-22', extended: true, extensionReason: 'Điều chỉnh theo chỉ đạo' })]);
    const view = await t.http().get(`/api/submissions/${sa.body[0].id}`).set(await auth('officer-sa')).expect(200);
    expect(view.body).toMatchObject({ deadline: '2024-05-22', extension: { deadline: '2024-05-22', reason: 'Điều chỉnh theo chỉ đạo' }, period: { deadline: '2024-05-16' } });
    const sb = await t.http().get(`/api/submissions?periodId=${periodId}`).set(await auth('officer-sb')).expect(200);
    expect(sb.body).toEqual([expect.objectContaining({ unitCode: 'SB', deadline: '2024-05-16', extended: false, extensionReason: null })]);
    const sbView = await t.http().get(`/api/submissions/${sb.body[0].id}`).set(await auth('officer-sb')).expect(200);
    expect(sbView.body).toMatchObject({ deadline: '2024-05-16', extension: null });
  });
});
