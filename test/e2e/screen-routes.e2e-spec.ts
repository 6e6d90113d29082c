import type { BasisFigure, ValueView } from '../../libs/contracts/src';
import { dec, decimalText, decOrNull, deriveFigures, PeriodFigure } from '../../libs/domain/src';
import { OffsetClock } from '../../libs/queue/src';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';


/** The routes the web screens stand on beyond the workflow: who am I, templates, password reset, board and basis fields. */
describe('routes for the web screens', () => {
  let t: TestApp;
  let periodId: string;
  const auth = async (user: string) => ({ Authorization: `Bearer ${await t.token(user)}` });

  beforeAll(async () => {
    // the server's clock: Thursday 16 May 2024, 00:30 in Lạng Sơn (still the 15th in UTC) — the screens count deadlines from it
    t = await startTestApp('screens', { clock: new OffsetClock(new Date('2024-05-15T17:30:00Z')) });
    const res = await t.http().post('/api/periods').set(await auth('admin')).send({ type: 'month', year: 2024, number: 5 }).expect(201);
    periodId = res.body.id;
  });
  afterAll(() => t.close());

  it('lists periods with their dates as calendar days, as the period itself gives them', async () => {
    const list = await t.http().get('/api/periods').set(await auth('officer-sa')).expect(200);
    expect(list.body[0]).toMatchObject({ id: periodId, cutoffFrom: '2024-04-15', cutoffTo: '2024-05-14', deadline: '2024-05-16' });
    const one = await t.http().get(`/api/periods/${periodId}`).set(await auth('officer-sa')).expect(200);
    expect(one.body.deadline).toBe('2024-05-16');
  });

  it('GET /me names the user and their unit', async () => {
    const officer = await t.http().get('/api/me').set(await auth('officer-sa')).expect(200);
    expect(officer.body).toMatchObject({ username: 'officer-sa', fullName: 'Cán bộ SA', role: 'officer', unit: { code: 'SA', name: 'Sở A' } });
    expect(officer.body.passwordHash).toBeUndefined();
    const reviewer = await t.http().get('/api/me').set(await auth('reviewer')).expect(200);
    expect(reviewer.body).toMatchObject({ role: 'reviewer', unit: null });
    // today in Vietnam on the server's clock: not the machine's date, nor the UTC date
    expect(officer.body.today).toBe('2024-05-16');
  });

  it('lists form templates and shows one with its sections, units and indicators', async () => {
    const list = await t.http().get('/api/forms').set(await auth('admin')).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ code: 'TEST-THANG', version: 1, sections: 2, indicators: 8 })]);
    const form = await t.http().get(`/api/forms/${list.body[0].id}`).set(await auth('reviewer')).expect(200);
    expect(form.body.sections.map((s: { code: string; units: string[] }) => [s.code, s.units])).toEqual([
      ['II.1.1/SA', ['SA']],
      ['II.1.3/SB', ['SB']],
    ]);
    expect(form.body.sections[0].indicators[2]).toMatchObject({ code: 'sown_rice', parentCode: 'sown', unit: 'ha', required: true });
    const missing = await t.http().get('/api/forms/00000000-0000-0000-0000-000000000000').set(await auth('admin')).expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('lets the administrator reset a password: the old one stops working, the new one works, and it is audited', async () => {
    const users = await t.http().get('/api/users').set(await auth('admin')).expect(200);
    const target = users.body.find((u: { username: string }) => u.username === 'officer-sb');
    const short = await t.http().post(`/api/users/${target.id}/password`).set(await auth('admin')).send({ password: 'ngan' }).expect(400);
    expect(short.body.details[0]).toMatchObject({ field: 'password', code: 'WEAK_PASSWORD' });
    // a common password with a year and a sign is as weak
    await t.http().post(`/api/users/${target.id}/password`).set(await auth('admin')).send({ password: 'MatKhauMoi@2024' }).expect(400);
    await t.http().post(`/api/users/${target.id}/password`).set(await auth('admin')).send({ password: 'đồi thông Mẫu Sơn tháng năm' }).expect(200);
    await t.http().post('/api/auth/login').send({ username: 'officer-sb', password: PASSWORD }).expect(401);
    const fresh = await t.http().post('/api/auth/login').send({ username: 'officer-sb', password: 'đồi thông Mẫu Sơn tháng năm' }).expect(200);
    expect(fresh.body.mustChangePassword).toBe(true);
    const [audit] = await t.db.query(`SELECT action, after FROM audit_log WHERE entity_type = 'user' AND entity_id = $1`, [target.id]);
    expect(audit).toMatchObject({ action: 'user.password_reset', after: null });
    const unknown = await t.http().post('/api/users/00000000-0000-0000-0000-000000000000/password').set(await auth('admin'))
      .send({ password: 'đồi thông Mẫu Sơn tháng năm' }).expect(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
  });

  it('gives each figure its rules and the basis of its derived figures, from which the client recomputes them exactly', async () => {
    const officer = await auth('officer-sa');
    const [{ id }] = (await t.http().get(`/api/submissions?periodId=${periodId}`).set(officer).expect(200)).body;
    const { body: draft } = await t.http().get(`/api/submissions/${id}`).set(officer).expect(200);
    await t.http().put(`/api/submissions/${id}/values`).set(officer)
      .send({ version: draft.version, values: [{ indicatorCode: 'forest', value: '710,83' }] }).expect(200);
    const { body } = await t.http().get(`/api/submissions/${id}`).set(officer).expect(200);
    const forest = (body.values as ValueView[]).find((v) => v.indicatorCode === 'forest')!;
    expect(forest.rule).toMatchObject({ hasCumulative: true, hasPlan: true, compareOn: 'cumulative', min: '0' });
    expect(forest.basis).toEqual({
      // each earlier figure names the approved submission (and unit) it comes from
      earlier: [
        { period: 1, value: '1200', enteredCumulative: null, submissionId: expect.any(String), unitId: body.unitId },
        { period: 2, value: '1100.17', enteredCumulative: null, submissionId: expect.any(String), unitId: body.unitId },
        { period: 3, value: '1000', enteredCumulative: null, submissionId: expect.any(String), unitId: body.unitId },
        { period: 4, value: '989', enteredCumulative: null, submissionId: expect.any(String), unitId: body.unitId },
      ],
      lastYear: [],
      plan: '9009',
    });
    const toMap = (list: BasisFigure[]) =>
      new Map<number, PeriodFigure>(list.map((f) => [f.period, { value: decOrNull(f.value), enteredCumulative: decOrNull(f.enteredCumulative) }]));
    const d = deriveFigures({
      rule: forest.rule,
      periodNumber: 5,
      current: { value: dec('710.83'), enteredCumulative: null },
      earlier: toMap(forest.basis!.earlier),
      lastYear: toMap(forest.basis!.lastYear),
      annualPlan: decOrNull(forest.basis!.plan),
    });
    // the same decimal strings: the server's percentages to 10 decimals, the client's exact quotient rounded alike
    expect(decimalText(d.cumulative!)).toBe(forest.derived!.cumulative);
    expect(decimalText(d.planPct!)).toBe(forest.derived!.planPct);
    const narrative = (body.values as ValueView[]).find((v) => v.indicatorCode === 'narrative_sa')!;
    expect(narrative).toMatchObject({ basis: null, derived: null });
  });

  it('tells the period board the last action on each submission, with who did it', async () => {
    const list = (await t.http().get(`/api/submissions?periodId=${periodId}`).set(await auth('reviewer')).expect(200)).body;
    const sb = list.find((s: { unitCode: string }) => s.unitCode === 'SB');
    expect(sb.lastAction).toBeNull();
    await t.db.query(`UPDATE submissions SET state = 'submitted' WHERE id = $1`, [sb.id]);
    await t.http().post(`/api/submissions/${sb.id}/return`).set(await auth('reviewer'))
      .send({ version: sb.version, reason: 'Thiếu số liệu' }).expect(200);
    const after = (await t.http().get(`/api/submissions?periodId=${periodId}`).set(await auth('reviewer')).expect(200)).body;
    expect(after.find((s: { unitCode: string }) => s.unitCode === 'SB').lastAction).toMatchObject({
      action: 'return',
      actorName: 'Chuyên viên Văn phòng',
      at: expect.any(String),
    });
  });
});
