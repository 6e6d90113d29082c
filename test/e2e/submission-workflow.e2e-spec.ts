import { formatNumber } from '../../libs/domain/src';
import { startTestApp, TestApp } from '../support/test-app';

describe('monthly submission workflow (HTTP, real Postgres)', () => {
  let t: TestApp;
  let periodId: string;
  const auth = async (user: string) => ({ Authorization: `Bearer ${await t.token(user)}` });

  async function submissionOf(unitCode: string) {
    const res = await t.http().get(`/api/submissions?periodId=${periodId}`).set(await auth('reviewer')).expect(200);
    return res.body.find((s: { unitCode: string }) => s.unitCode === unitCode) as { id: string; version: number; state: string };
  }

  async function auditCount(id: string) {
    const res = await t.http().get(`/api/submissions/${id}/audit`).set(await auth('reviewer')).expect(200);
    return res.body.length as number;
  }

  beforeAll(async () => {
    t = await startTestApp('workflow');
    const res = await t.http().post('/api/periods').set(await auth('admin')).send({ type: 'month', year: 2024, number: 5 }).expect(201);
    periodId = res.body.id;
    expect(res.body).toMatchObject({ cutoffFrom: '2024-04-15', cutoffTo: '2024-05-14', deadline: '2024-05-16' });
    expect(res.body.submissions.total).toBe(2);
  });
  afterAll(() => t.close());

  it('logs in with username and password and refuses a wrong password', async () => {
    const ok = await t.http().post('/api/auth/login').send({ username: 'officer-sa', password: 'Test@2024!' }).expect(200);
    expect(ok.body.user).toMatchObject({ role: 'officer', unitId: expect.any(String) });
    const bad = await t.http().post('/api/auth/login').send({ username: 'officer-sa', password: 'sai' }).expect(401);
    expect(bad.body.code).toBe('INVALID_CREDENTIALS');
    await t.http().get('/api/submissions').expect(401);
  });

  it('refuses to open the same period twice', async () => {
    const res = await t.http().post('/api/periods').set(await auth('admin')).send({ type: 'month', year: 2024, number: 5 }).expect(409);
    expect(res.body.code).toBe('PERIOD_EXISTS');
  });

  it('runs draft → submitted → returned → submitted → approved with derived figures and an audit trail', async () => {
    const officer = await auth('officer-sa');
    const reviewer = await auth('reviewer');
    let s = await submissionOf('SA');
    expect(s.state).toBe('draft');

    const empty = await t.http().get(`/api/submissions/${s.id}`).set(officer).expect(200);
    expect(empty.body.values.map((v: { indicatorCode: string }) => v.indicatorCode)).toEqual([
      'forest', 'sown', 'sown_rice', 'sown_maize', 'buffalo', 'narrative_sa',
    ]);
    expect(empty.body.values[0]).toMatchObject({ value: null, derived: { cumulative: null, planPct: null } });

    // an incomplete form cannot be submitted: the list names the indicators
    const refused = await t.http().post(`/api/submissions/${s.id}/submit`).set(officer).send({ version: s.version }).expect(422);
    expect(refused.body.code).toBe('SUBMISSION_INVALID');
    expect(refused.body.details.map((d: { indicatorCode: string }) => d.indicatorCode)).toEqual(['forest', 'sown', 'sown_rice']);

    const saved = await t.http().put(`/api/submissions/${s.id}/values`).set(officer).send({
      version: s.version,
      values: [
        { indicatorCode: 'forest', value: '710,83' },
        { indicatorCode: 'sown', value: '47.393', note: 'ước đạt' },
        { indicatorCode: 'sown_rice', value: 15560 },
        { indicatorCode: 'buffalo', value: '56945' },
        { indicatorCode: 'narrative_sa', value: 'Trong tháng, tiếp tục triển khai sản xuất vụ Đông Xuân.' },
      ],
    }).expect(200);
    expect(saved.body.version).toBe(s.version + 1);

    const view = await t.http().get(`/api/submissions/${s.id}`).set(officer).expect(200);
    const byCode = Object.fromEntries(view.body.values.map((v: { indicatorCode: string }) => [v.indicatorCode, v]));
    expect(byCode.forest.value).toBe('710.83');
    expect(formatNumber(byCode.forest.derived.cumulative, { decimals: 0 })).toBe('5.000');
    expect(formatNumber(byCode.forest.derived.planPct, { decimals: 1 })).toBe('55,5');
    expect(formatNumber(byCode.sown.derived.planPct, { decimals: 1 })).toBe('97,8');
    expect(formatNumber(byCode.sown.derived.samePeriodChangePct, { decimals: 1 })).toBe('1,7');
    expect(formatNumber(byCode.buffalo.derived.samePeriodChangePct, { decimals: 2 })).toBe('-9,06');
    expect(byCode.sown.note).toBe('ước đạt');
    expect(byCode.narrative_sa.value).toMatch(/Đông Xuân/);

    s = { ...s, version: view.body.version };
    const submitted = await t.http().post(`/api/submissions/${s.id}/submit`).set(officer).send({ version: s.version }).expect(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', version: s.version + 1 });

    const returned = await t.http().post(`/api/submissions/${s.id}/return`).set(reviewer).send({
      version: submitted.body.version,
      reason: 'Đề nghị kiểm tra lại diện tích lúa.',
      comments: [{ indicatorCode: 'sown_rice', text: 'Số liệu lúa thấp hơn cùng kỳ, đề nghị xác minh.' }],
    }).expect(200);
    expect(returned.body.state).toBe('returned');

    const seen = await t.http().get(`/api/submissions/${s.id}`).set(officer).expect(200);
    expect(seen.body.reviews.at(-1)).toMatchObject({
      action: 'return',
      reason: 'Đề nghị kiểm tra lại diện tích lúa.',
      comments: [{ indicatorCode: 'sown_rice', text: expect.stringContaining('xác minh') }],
    });

    const fixed = await t.http().put(`/api/submissions/${s.id}/values`).set(officer)
      .send({ version: returned.body.version, values: [{ indicatorCode: 'sown_rice', value: '15.600' }] }).expect(200);
    const again = await t.http().post(`/api/submissions/${s.id}/submit`).set(officer).send({ version: fixed.body.version }).expect(200);
    const approved = await t.http().post(`/api/submissions/${s.id}/approve`).set(reviewer).send({ version: again.body.version }).expect(200);
    expect(approved.body.state).toBe('approved');

    const audit = await t.http().get(`/api/submissions/${s.id}/audit`).set(officer).expect(200);
    expect(audit.body.map((a: { action: string }) => a.action)).toEqual([
      'values.updated', 'state.submit', 'state.return', 'values.updated', 'state.submit', 'state.approve',
    ]);
    expect(audit.body[3]).toMatchObject({
      actorUsername: 'officer-sa',
      before: { values: { sown_rice: '15560' } },
      after: { values: { sown_rice: '15600' } },
    });
  });

  it('refuses to edit an approved submission (409) and writes nothing', async () => {
    const s = await submissionOf('SA');
    const before = await auditCount(s.id);
    const res = await t.http().put(`/api/submissions/${s.id}/values`).set(await auth('officer-sa'))
      .send({ version: s.version, values: [{ indicatorCode: 'forest', value: 1 }] }).expect(409);
    expect(res.body.code).toBe('SUBMISSION_LOCKED');
    const res2 = await t.http().post(`/api/submissions/${s.id}/return`).set(await auth('reviewer'))
      .send({ version: s.version, reason: 'x' }).expect(409);
    expect(res2.body.code).toBe('SUBMISSION_LOCKED');
    expect(await auditCount(s.id)).toBe(before);
  });

  it('refuses a stale version with 409 carrying the current version, and writes nothing', async () => {
    const s = await submissionOf('SB');
    const officer = await auth('officer-sb');
    await t.http().put(`/api/submissions/${s.id}/values`).set(officer)
      .send({ version: s.version, values: [{ indicatorCode: 'retail', value: '2.912,9' }] }).expect(200);
    const before = await auditCount(s.id);
    const stale = await t.http().put(`/api/submissions/${s.id}/values`).set(officer)
      .send({ version: s.version, values: [{ indicatorCode: 'retail', value: 1 }] }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: s.version + 1 });
    const view = await t.http().get(`/api/submissions/${s.id}`).set(officer).expect(200);
    expect(view.body.values[0].value).toBe('2912.9');
    expect(formatNumber(view.body.values[0].derived.cumulative)).toBe('14.701,6');
    expect(formatNumber(view.body.values[0].derived.samePeriodChangePct, { decimals: 1 })).toBe('12,9');
    expect(await auditCount(s.id)).toBe(before);
  });

  it('keeps notes and text exactly as typed — quotes, backslashes, braces, commas, line breaks — in the values and the audit', async () => {
    const s = await submissionOf('SB');
    const officer = await auth('officer-sb');
    const note = 'Số liệu "ước tính" {sơ bộ}, \\ theo C:\\bao-cao\nNULL; dòng 2';
    await t.http().put(`/api/submissions/${s.id}/values`).set(officer)
      .send({ version: s.version, values: [{ indicatorCode: 'retail', value: '2.912,9', note }] }).expect(200);
    const view = await t.http().get(`/api/submissions/${s.id}`).set(officer).expect(200);
    expect(view.body.values[0]).toMatchObject({ value: '2912.9', note });
    const audit = await t.http().get(`/api/submissions/${s.id}/audit`).set(await auth('reviewer')).expect(200);
    expect(audit.body.at(-1).after).toMatchObject({ version: s.version + 1, values: { retail: '2912.9' }, notes: { retail: note } });
  });

  it("keeps a figure's note and typed cumulative when a later save leaves them out, and clears what is sent as null", async () => {
    const officer = await auth('officer-sb');
    const stored = async (id: string) =>
      (await t.db.query(`SELECT numeric_value::text AS num, note, cumulative_entered::text AS cum FROM submission_values WHERE submission_id = $1 AND indicator_code = 'retail'`, [id]))[0];
    const save = async (value: Record<string, unknown>) => {
      const s = await submissionOf('SB');
      await t.http().put(`/api/submissions/${s.id}/values`).set(officer).send({ version: s.version, values: [{ indicatorCode: 'retail', ...value }] }).expect(200);
      return s.id;
    };
    const id = await save({ value: '3.000', note: 'ước tính', cumulative: '14.000,5' });
    expect(await stored(id)).toEqual({ num: '3000.000000', note: 'ước tính', cum: '14000.500000' });
    await save({ value: '3.100' });
    expect(await stored(id)).toEqual({ num: '3100.000000', note: 'ước tính', cum: '14000.500000' });
    await save({ value: '3.200', note: null });
    expect(await stored(id)).toEqual({ num: '3200.000000', note: null, cum: '14000.500000' });
    await save({ value: '3.300', cumulative: null });
    expect(await stored(id)).toEqual({ num: '3300.000000', note: null, cum: null });
  });

  it('needs a reason to return a submission (400)', async () => {
    const s0 = await submissionOf('SB');
    const officer = await auth('officer-sb');
    const sub = await t.http().post(`/api/submissions/${s0.id}/submit`).set(officer).send({ version: s0.version }).expect(200);
    for (const body of [{ version: sub.body.version }, { version: sub.body.version, reason: '   ' }]) {
      const res = await t.http().post(`/api/submissions/${s0.id}/return`).set(await auth('reviewer')).send(body).expect(400);
      expect(res.body.code).toBe('RETURN_REASON_REQUIRED');
      expect(res.body.message).toMatch(/lý do/);
    }
    const res = await t.http().post(`/api/submissions/${s0.id}/return`).set(await auth('reviewer'))
      .send({ version: sub.body.version, reason: 'x', comments: [{ indicatorCode: 'forest', text: 'không thuộc SB' }] }).expect(400);
    expect(res.body.code).toBe('UNKNOWN_INDICATOR');
    expect((await submissionOf('SB')).state).toBe('submitted');
  });

  it('checks breakdowns, bounds and integers when submitting', async () => {
    const t2 = await startTestApp('rules');
    try {
      const admin = { Authorization: `Bearer ${await t2.token('admin')}` };
      const p = await t2.http().post('/api/periods').set(admin).send({ type: 'month', year: 2024, number: 6 }).expect(201);
      const officer = { Authorization: `Bearer ${await t2.token('officer-sa')}` };
      const list = await t2.http().get(`/api/submissions?periodId=${p.body.id}`).set(officer).expect(200);
      expect(list.body).toHaveLength(1);
      const s = list.body[0];
      const saved = await t2.http().put(`/api/submissions/${s.id}/values`).set(officer).send({
        version: s.version,
        values: [
          { indicatorCode: 'forest', value: -1 },
          { indicatorCode: 'sown', value: 100 },
          { indicatorCode: 'sown_rice', value: 80 },
          { indicatorCode: 'sown_maize', value: 30 },
          { indicatorCode: 'buffalo', value: '12,5' },
        ],
      }).expect(200);
      expect(saved.body.warnings.length).toBeGreaterThan(0);
      const res = await t2.http().post(`/api/submissions/${s.id}/submit`).set(officer).send({ version: saved.body.version }).expect(422);
      const codes = res.body.details.map((d: { indicatorCode: string; code: string }) => `${d.indicatorCode}:${d.code}`).sort();
      expect(codes).toEqual(['buffalo:NOT_INTEGER', 'forest:BELOW_MIN', 'sown:PARTS_ABOVE_PARENT']);
    } finally {
      await t2.close();
    }
  });
});
