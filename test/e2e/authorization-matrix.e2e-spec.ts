import { testConfig } from '../support/test-config';
import { createHmac } from 'node:crypto';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';

/**
 * Every route × every role × own/other unit. The subject submission belongs to unit SA:
 * "officer-own" is SA's officer, "officer-other" is SB's. Denied calls must change nothing.
 */
type Caller = 'anonymous' | 'admin' | 'reviewer' | 'signer' | 'officer-own' | 'officer-other';
const CALLERS: Caller[] = ['anonymous', 'admin', 'reviewer', 'signer', 'officer-own', 'officer-other'];
const USER: Record<Exclude<Caller, 'anonymous'>, string> = {
  admin: 'admin',
  reviewer: 'reviewer',
  signer: 'signer',
  'officer-own': 'officer-sa',
  'officer-other': 'officer-sb',
};

type State = 'draft' | 'submitted' | 'approved';
interface Ids {
  sub: string;
  period: string;
  unit: string;
  form: string;
  user: string;
  /** figure revisions waiting for the office: one to approve, one to return */
  revApprove: string;
  revReturn: string;
}
interface Route {
  name: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: (ids: Ids) => string;
  body?: (version: number, n: number, ids: Ids) => object;
  /** state the subject is put in before the call */
  state?: State;
  expected: Record<Caller, number>;
}

const read = { anonymous: 401, admin: 200, reviewer: 200, signer: 200, 'officer-own': 200, 'officer-other': 200 };
const readOwn = { ...read, 'officer-other': 404 };
const officerWrite = { anonymous: 401, admin: 403, reviewer: 403, signer: 403, 'officer-own': 200, 'officer-other': 404 };
const reviewerWrite = { anonymous: 401, admin: 403, reviewer: 200, signer: 403, 'officer-own': 403, 'officer-other': 403 };
const office = { anonymous: 401, admin: 200, reviewer: 200, signer: 200, 'officer-own': 403, 'officer-other': 403 };
const adminOnly = { anonymous: 401, admin: 200, reviewer: 403, signer: 403, 'officer-own': 403, 'officer-other': 403 };

const NO_DRAFT = '00000000-0000-4000-8000-000000000000';

const ROUTES: Route[] = [
  { name: 'GET /units', method: 'get', path: () => '/api/units', expected: read },
  { name: 'GET /units/restructurings', method: 'get', path: () => '/api/units/restructurings', expected: adminOnly },
  { name: 'GET /units/:code/indicators', method: 'get', path: () => '/api/units/SA/indicators?date=2024-05-01', expected: adminOnly },
  {
    name: 'POST /units',
    method: 'post',
    path: () => '/api/units',
    body: (_v, n) => ({ code: `MX${n}`, name: 'Đơn vị mới', kind: 'department', effectiveFrom: '2031-01-01' }),
    expected: { ...adminOnly, admin: 201 },
  },
  { name: 'PATCH /units/:code', method: 'patch', path: () => '/api/units/SA', body: () => ({ name: 'Sở A' }), expected: adminOnly },
  // units ZA and ZB fill nothing: closing them (after the periods this file opens) is allowed once
  {
    name: 'POST /units/restructurings',
    method: 'post',
    path: () => '/api/units/restructurings',
    body: () => ({ effectiveDate: '2031-01-01', decision: 'Quyết định giải thể', close: [{ code: 'ZA' }] }),
    expected: { ...adminOnly, admin: 201 },
  },
  {
    name: 'POST /units/:code/close',
    method: 'post',
    path: () => '/api/units/ZB/close',
    body: () => ({ effectiveDate: '2031-01-01', decision: 'Quyết định giải thể' }),
    expected: adminOnly,
  },
  { name: 'GET /periods', method: 'get', path: () => '/api/periods', expected: read },
  { name: 'GET /periods/:id', method: 'get', path: (i) => `/api/periods/${i.period}`, expected: read },
  {
    name: 'POST /periods',
    method: 'post',
    path: () => '/api/periods',
    body: (_v, n) => ({ type: 'month', year: 2030, number: n }),
    expected: { ...adminOnly, admin: 201 },
  },
  { name: 'GET /submissions', method: 'get', path: (i) => `/api/submissions?periodId=${i.period}`, expected: read },
  { name: 'GET /submissions/:id', method: 'get', path: (i) => `/api/submissions/${i.sub}`, expected: readOwn },
  { name: 'GET /submissions/:id/audit', method: 'get', path: (i) => `/api/submissions/${i.sub}/audit`, expected: readOwn },
  {
    name: 'PUT /submissions/:id/values',
    method: 'put',
    path: (i) => `/api/submissions/${i.sub}/values`,
    body: (version) => ({ version, values: [{ indicatorCode: 'forest', value: '1,5' }] }),
    state: 'draft',
    expected: officerWrite,
  },
  {
    name: 'POST /submissions/:id/submit',
    method: 'post',
    path: (i) => `/api/submissions/${i.sub}/submit`,
    body: (version) => ({ version }),
    state: 'draft',
    expected: officerWrite,
  },
  {
    name: 'POST /submissions/:id/return',
    method: 'post',
    path: (i) => `/api/submissions/${i.sub}/return`,
    body: (version) => ({ version, reason: 'Kiểm tra lại' }),
    state: 'submitted',
    expected: reviewerWrite,
  },
  {
    name: 'POST /submissions/:id/approve',
    method: 'post',
    path: (i) => `/api/submissions/${i.sub}/approve`,
    body: (version) => ({ version }),
    state: 'submitted',
    expected: reviewerWrite,
  },
  {
    name: 'POST /submissions/:id/figure-revisions',
    method: 'post',
    path: (i) => `/api/submissions/${i.sub}/figure-revisions`,
    body: () => ({ items: [{ indicatorCode: 'forest', value: '1,6', status: 'official' }], reason: 'Số liệu chính thức' }),
    state: 'approved',
    expected: { ...officerWrite, 'officer-own': 201 },
  },
  { name: 'GET /figure-revisions', method: 'get', path: () => '/api/figure-revisions', expected: read },
  {
    name: 'POST /figure-revisions/:id/approve',
    method: 'post',
    path: (i) => `/api/figure-revisions/${i.revApprove}/approve`,
    body: () => ({}),
    state: 'approved',
    expected: reviewerWrite,
  },
  {
    name: 'POST /figure-revisions/:id/return',
    method: 'post',
    path: (i) => `/api/figure-revisions/${i.revReturn}/return`,
    body: () => ({ reason: 'Chưa đúng nguồn' }),
    state: 'approved',
    expected: reviewerWrite,
  },
  { name: 'GET /periods/:id/completeness', method: 'get', path: (i) => `/api/periods/${i.period}/completeness`, expected: read },
  { name: 'GET /periods/:id/extensions', method: 'get', path: (i) => `/api/periods/${i.period}/extensions`, expected: read },
  {
    name: 'POST /periods/:id/extensions',
    method: 'post',
    path: (i) => `/api/periods/${i.period}/extensions`,
    body: (_v, n, i) => ({ unitId: i.unit, deadline: `2024-05-${String(20 + (n % 8)).padStart(2, '0')}`, reason: 'Đơn vị đề nghị gia hạn' }),
    expected: { ...adminOnly, admin: 201 },
  },
  { name: 'GET /me/notifications', method: 'get', path: () => '/api/me/notifications', expected: read },
  { name: 'POST /me/notifications/read-all', method: 'post', path: () => '/api/me/notifications/read-all', expected: read },
  // the office reads the queues, only the administrator changes them (the test below)
  { name: 'GET /admin/queues (bull-board)', method: 'get', path: () => '/api/admin/queues', expected: office },
  { name: 'GET /admin/queues/api/queues (bull-board)', method: 'get', path: () => '/api/admin/queues/api/queues', expected: office },
  { name: 'PUT /admin/queues/api/queues/:queue/pause (bull-board)', method: 'put', path: () => '/api/admin/queues/api/queues/reminders/pause', expected: { ...adminOnly, reviewer: 403, signer: 403 } },
  // sessions: the refresh cookie is the credential there (sessions.e2e-spec.ts); without one, 401 for all
  {
    name: 'POST /auth/password (own, wrong current password)',
    method: 'post',
    path: () => '/api/auth/password',
    body: () => ({ currentPassword: 'not the password', newPassword: 'một mật khẩu mới đủ dài' }),
    expected: { anonymous: 401, admin: 400, reviewer: 400, signer: 400, 'officer-own': 400, 'officer-other': 400 },
  },
  { name: 'POST /auth/refresh (no cookie)', method: 'post', path: () => '/api/auth/refresh', body: () => ({}), expected: { anonymous: 401, admin: 401, reviewer: 401, signer: 401, 'officer-own': 401, 'officer-other': 401 } },
  { name: 'GET /me', method: 'get', path: () => '/api/me', expected: read },
  // exports: an officer's answer holds their own unit only (figures-export.e2e-spec.ts checks the content)
  { name: 'GET /periods/:id/export.csv', method: 'get', path: (i) => `/api/periods/${i.period}/export.csv`, expected: read },
  { name: 'GET /periods/:id/export.xlsx', method: 'get', path: (i) => `/api/periods/${i.period}/export.xlsx`, expected: read },
  { name: 'GET /periods/:id/exchange.json', method: 'get', path: (i) => `/api/periods/${i.period}/exchange.json`, expected: adminOnly },
  { name: 'GET /me/history.csv', method: 'get', path: () => '/api/me/history.csv?from=2024-01&to=2024-05', expected: { ...officerWrite, 'officer-other': 200 } },
  { name: 'GET /indicators', method: 'get', path: () => '/api/indicators', expected: read },
  { name: 'GET /dashboard/timeliness', method: 'get', path: () => '/api/dashboard/timeliness?year=2024&through=5', expected: office },
  { name: 'GET /indicators/key', method: 'get', path: () => '/api/indicators/key', expected: read },
  // without ?unit= an officer gets their own unit's series (SB's officer: SB's); with SA's code, SB's officer gets 404
  { name: 'GET /indicators/:code/series', method: 'get', path: () => '/api/indicators/forest/series?from=2024-01&to=2024-05', expected: read },
  { name: 'GET /indicators/:code/series?unit=', method: 'get', path: () => '/api/indicators/forest/series?from=2024-01&to=2024-05&unit=SA', expected: readOwn },
  { name: 'GET /forms', method: 'get', path: () => '/api/forms', expected: office },
  { name: 'GET /forms/:id', method: 'get', path: (i) => `/api/forms/${i.form}`, expected: office },
  { name: 'GET /users', method: 'get', path: () => '/api/users', expected: adminOnly },
  { name: 'GET /admin/stuck', method: 'get', path: () => '/api/admin/stuck', expected: adminOnly },
  {
    name: 'POST /users/:id/password',
    method: 'post',
    path: (i) => `/api/users/${i.user}/password`,
    body: () => ({ password: 'một mật khẩu mới đủ dài' }),
    expected: adminOnly,
  },
  { name: 'PATCH /users/:id', method: 'patch', path: (i) => `/api/users/${i.user}`, body: () => ({ fullName: 'Đích (đổi tên)' }), expected: adminOnly },
  { name: 'POST /users/:id/deactivate', method: 'post', path: (i) => `/api/users/${i.user}/deactivate`, expected: adminOnly },
  { name: 'POST /users/:id/reactivate', method: 'post', path: (i) => `/api/users/${i.user}/reactivate`, expected: adminOnly },
  // reference data (forms, calendar, plans): the administrator's alone; an unknown draft is 404 to the admin
  { name: 'GET /form-drafts', method: 'get', path: () => '/api/form-drafts', expected: adminOnly },
  { name: 'POST /form-drafts', method: 'post', path: () => '/api/form-drafts', body: () => ({ formCode: 'TEST-THANG' }), expected: { ...adminOnly, admin: 201 } },
  { name: 'GET /form-drafts/:id', method: 'get', path: () => `/api/form-drafts/${NO_DRAFT}`, expected: { ...adminOnly, admin: 404 } },
  {
    name: 'PUT /form-drafts/:id',
    method: 'put',
    path: () => `/api/form-drafts/${NO_DRAFT}`,
    body: () => ({ version: 1, body: { name: 'Biểu', periodTypes: ['month'], sections: [] } }),
    expected: { ...adminOnly, admin: 404 },
  },
  {
    name: 'POST /form-drafts/:id/publish',
    method: 'post',
    path: () => `/api/form-drafts/${NO_DRAFT}/publish`,
    body: () => ({ version: 1, effectiveFrom: '2030-01' }),
    expected: { ...adminOnly, admin: 404 },
  },
  { name: 'DELETE /form-drafts/:id', method: 'delete', path: () => `/api/form-drafts/${NO_DRAFT}`, expected: { ...adminOnly, admin: 404 } },
  { name: 'GET /calendar', method: 'get', path: () => '/api/calendar', expected: adminOnly },
  { name: 'GET /calendar/:year', method: 'get', path: () => '/api/calendar/2030', expected: adminOnly },
  {
    name: 'PUT /calendar/:year',
    method: 'put',
    path: () => '/api/calendar/2030',
    body: () => ({ decision: 'Thông báo lịch nghỉ năm 2030', daysOff: [{ date: '2030-01-01', name: 'Tết Dương lịch' }], makeUpDays: [] }),
    expected: adminOnly,
  },
  { name: 'GET /plans/:year', method: 'get', path: () => '/api/plans/2024', expected: adminOnly },
  { name: 'PUT /plans/:year', method: 'put', path: () => '/api/plans/2024', body: () => ({ lines: [{ indicatorCode: 'forest', target: '9009' }] }), expected: adminOnly },
  // a JSON body is not a workbook: the admin is told so (400), the others are refused before
  { name: 'POST /plans/:year/import', method: 'post', path: () => '/api/plans/2024/import', body: () => ({ rows: [] }), expected: { ...adminOnly, admin: 400 } },
  { name: 'GET /report-template-drafts', method: 'get', path: () => '/api/report-template-drafts', expected: adminOnly },
  { name: 'POST /report-template-drafts', method: 'post', path: () => '/api/report-template-drafts', body: () => ({ code: 'NO-SUCH-TEMPLATE' }), expected: { ...adminOnly, admin: 404 } },
  { name: 'GET /report-template-drafts/:id', method: 'get', path: () => `/api/report-template-drafts/${NO_DRAFT}`, expected: { ...adminOnly, admin: 404 } },
  {
    name: 'PUT /report-template-drafts/:id',
    method: 'put',
    path: () => `/api/report-template-drafts/${NO_DRAFT}`,
    body: () => ({ version: 1, sections: [] }),
    expected: { ...adminOnly, admin: 404 },
  },
  { name: 'POST /report-template-drafts/:id/preview', method: 'post', path: () => `/api/report-template-drafts/${NO_DRAFT}/preview`, expected: { ...adminOnly, admin: 404 } },
  {
    name: 'POST /report-template-drafts/:id/publish',
    method: 'post',
    path: () => `/api/report-template-drafts/${NO_DRAFT}/publish`,
    body: () => ({ version: 1 }),
    expected: { ...adminOnly, admin: 404 },
  },
  {
    name: 'POST /users',
    method: 'post',
    path: () => '/api/users',
    body: (_v, n) => ({ username: `new-user-${n}-${Date.now()}`, password: 'một mật khẩu mới đủ dài', fullName: 'Người mới', role: 'reviewer' }),
    expected: { ...adminOnly, admin: 201 },
  },
];

describe('authorization matrix', () => {
  let t: TestApp;
  let ids: Ids;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp('authz');
    const admin = await t.token('admin');
    const period = await t.http().post('/api/periods').set('Authorization', `Bearer ${admin}`)
      .send({ type: 'month', year: 2024, number: 5 }).expect(201);
    const [sub] = await t.db.query(
      `SELECT s.id, s.unit_id FROM submissions s JOIN reporting_units u ON u.id = s.unit_id WHERE u.code = 'SA' AND s.period_id = $1`,
      [period.body.id],
    );
    const [user] = await t.db.query(`INSERT INTO users (username, password_hash, full_name, role) VALUES ('matrix-target', 'x', 'Đích', 'reviewer') RETURNING id`);
    const revision = (code: string) =>
      t.db.query(
        `INSERT INTO figure_revisions (submission_id, indicator_code, numeric_value, status, reason, submitted_by, submitted_at)
         SELECT $1, $2, 7, 'official', 'Số liệu chính thức', id, now() FROM users WHERE username = 'officer-sa' RETURNING id`,
        [sub.id, code],
      );
    const [[approve], [ret]] = [await revision('sown'), await revision('sown_rice')];
    await t.db.query(`INSERT INTO reporting_units (code, name, kind, effective_from) VALUES ('ZA', 'Đơn vị ZA', 'department', '2020-01-01'), ('ZB', 'Đơn vị ZB', 'department', '2020-01-01')`);
    ids = { sub: sub.id, period: period.body.id, unit: sub.unit_id, form: period.body.formTemplateId, user: user.id, revApprove: approve.id, revReturn: ret.id };
    // a complete form, so that "submit" is allowed by the rules and only the role decides
    await t.db.query(
      `INSERT INTO submission_values (submission_id, indicator_code, numeric_value)
       VALUES ($1, 'forest', 1), ($1, 'sown', 10), ($1, 'sown_rice', 5)`,
      [ids.sub],
    );
  });
  afterAll(() => t.close());

  async function arrange(state?: State): Promise<number> {
    if (state) await t.db.query(`UPDATE submissions SET state = $2 WHERE id = $1`, [ids.sub, state]);
    const [row] = await t.db.query(`SELECT version FROM submissions WHERE id = $1`, [ids.sub]);
    return row.version;
  }

  const cases = ROUTES.flatMap((route) => CALLERS.map((caller) => [route.name, caller, route] as const));

  it.each(cases)('%s as %s', async (_name, caller, route) => {
    const version = await arrange(route.state);
    const [{ count: auditBefore }] = await t.db.query(`SELECT count(*)::int AS count FROM audit_log`);
    let req = t.http()[route.method](route.path(ids));
    if (caller !== 'anonymous') req = req.set('Authorization', `Bearer ${await t.token(USER[caller])}`);
    const res = await (route.body ? req.send(route.body(version, (counter = (counter % 12) + 1), ids)) : req);
    expect({ status: res.status, code: res.body.code }).toMatchObject({ status: route.expected[caller] });
    if (res.status >= 400) {
      expect(res.body.code).toMatch(/^[A-Z_]+$/);
      const [{ count: auditAfter }] = await t.db.query(`SELECT count(*)::int AS count FROM audit_log`);
      expect(auditAfter).toBe(auditBefore);
      expect(await arrange()).toBe(version);
    }
  });

  it('lists only the own unit’s submissions to an officer', async () => {
    for (const [user, code] of [['officer-sa', 'SA'], ['officer-sb', 'SB']]) {
      const res = await t.http().get(`/api/submissions?periodId=${ids.period}`).set('Authorization', `Bearer ${await t.token(user)}`).expect(200);
      expect(res.body.map((s: { unitCode: string }) => s.unitCode)).toEqual([code]);
    }
    const all = await t.http().get(`/api/submissions?periodId=${ids.period}`).set('Authorization', `Bearer ${await t.token('signer')}`).expect(200);
    expect(all.body).toHaveLength(2);
  });

  it('scopes a series to the officer’s own unit', async () => {
    const series = async (user: string) =>
      (await t.http().get('/api/indicators/forest/series?from=2024-01&to=2024-04').set('Authorization', `Bearer ${await t.token(user)}`).expect(200)).body;
    const own = await series('officer-sa');
    expect(own.series.map((s: { unit: { code: string } }) => s.unit.code)).toEqual(['SA']);
    expect(own.series[0].points.map((p: { value: string }) => p.value)).toEqual(['1200', '1100.17', '1000', '989']);
    const other = await series('officer-sb');
    expect(other.series.map((s: { unit: { code: string } }) => s.unit.code)).toEqual(['SB']);
    expect(other.series[0].points.every((p: { value: string | null }) => p.value === null)).toBe(true);
    expect((await series('signer')).series[0].points[3]).toMatchObject({ value: '989', cumulative: '4289.17' });
  });

  it('answers a malformed or unknown id with 404, never 500', async () => {
    const officer = `Bearer ${await t.token('officer-sa')}`;
    for (const id of ['abc', '00000000-0000-0000-0000-000000000000', "1' OR '1'='1"]) {
      const res = await t.http().get(`/api/submissions/${encodeURIComponent(id)}`).set('Authorization', officer);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('SUBMISSION_NOT_FOUND');
    }
  });

  describe('forged or expired tokens', () => {
    // tokens made by hand (not by the API's own signer), with the API's secret unless said otherwise
    const b64 = (x: object | Buffer) => (Buffer.isBuffer(x) ? x : Buffer.from(JSON.stringify(x))).toString('base64url');
    const sign = (header: object, payload: object, secret = testConfig().JWT_SECRET) => {
      const unsigned = `${b64(header)}.${b64(payload)}`;
      return `${unsigned}.${b64(createHmac('sha256', secret).update(unsigned).digest())}`;
    };
    const HS256 = { alg: 'HS256', typ: 'JWT' };
    const claimsOf = async (username: string) => JSON.parse(Buffer.from((await t.token(username)).split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    const now = () => Math.floor(Date.now() / 1000);
    const call = (token: string) => t.http().get('/api/units').set('Authorization', `Bearer ${token}`);

    it('accepts a token made the same way with the right secret and a future expiry (so each refusal below is for its one flaw)', async () => {
      await call(sign(HS256, { ...(await claimsOf('reviewer')), iat: now() - 60, exp: now() + 600 })).expect(200);
    });

    it.each<[string, () => Promise<string>]>([
      ['malformed', async () => 'eyJhbGciOiJIUzI1NiJ9.e30.invalid'],
      ['expired (the right secret, exp in the past)', async () => sign(HS256, { ...(await claimsOf('reviewer')), iat: now() - 7200, exp: now() - 60 })],
      ['signed with another secret', async () => sign(HS256, { ...(await claimsOf('reviewer')), iat: now(), exp: now() + 600 }, 'another-secret-of-at-least-thirty-two-chars')],
      ['unsigned (alg: none)', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...(await claimsOf('admin')), iat: now(), exp: now() + 600 })}.`],
      ['tampered: an officer’s real token with its role changed to admin', async () => {
        const [header, , signature] = (await t.token('officer-sa')).split('.');
        return `${header}.${b64({ ...(await claimsOf('officer-sa')), role: 'admin' })}.${signature}`;
      }],
    ])('refuses a token that is %s with 401', async (_label, token) => {
      const res = await call(await token()).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });
  });

  // these end sessions: after every test that uses the cached tokens
  it('opens the queue dashboard to a browser by its session cookie, never a token in the URL; read-only for the office', async () => {
    const path = '/api/admin/queues';
    const cookieOf = async (username: string) => {
      const res = await t.http().post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
      return String(res.headers['set-cookie']).split(';')[0];
    };
    const admin = await cookieOf('admin');
    const page = await t.http().get(path).set('Cookie', admin).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const queues = await t.http().get(`${path}/api/queues`).set('Cookie', admin).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['consolidation', 'events', 'maintenance', 'notifications', 'reminders', 'rendering']);
    // a token in the query is no credential
    expect((await t.http().get(`${path}?token=${await t.token('admin')}`).expect(401)).body.code).toBe('UNAUTHENTICATED');
    // a reviewer's browser reads, and may not change anything
    const reviewer = await cookieOf('reviewer');
    await t.http().get(`${path}/api/queues`).set('Cookie', reviewer).expect(200);
    expect((await t.http().put(`${path}/api/queues/reminders/pause`).set('Cookie', reviewer).expect(403)).body.code).toBe('FORBIDDEN');
    await t.http().get(path).set('Cookie', await cookieOf('officer-sa')).expect(403);
    expect((await t.http().get(path).set('Cookie', admin.replace(/=.*/, '=forged')).expect(401)).body.code).toBe('UNAUTHENTICATED');
    // a session ended (logout) opens nothing any more
    const bearer = (await t.http().post('/api/auth/refresh').set('Cookie', admin).send({}).expect(200));
    const rotated = String(bearer.headers['set-cookie']).split(';')[0];
    await t.http().get(path).set('Cookie', admin).expect(401); // the cookie it replaced
    await t.http().get(path).set('Cookie', rotated).expect(200);
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${bearer.body.accessToken}`).expect(200);
    await t.http().get(path).set('Cookie', rotated).expect(401);
  });

  it('POST /auth/logout: any signed-in role ends its own sessions; anonymous is 401', async () => {
    await t.http().post('/api/auth/logout').expect(401);
    for (const username of Object.values(USER).filter((u) => u !== 'admin')) {
      const res = await t.http().post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
      await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      await t.http().get('/api/units').set('Authorization', `Bearer ${res.body.accessToken}`).expect(401);
    }
  });
});
