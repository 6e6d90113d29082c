import { startTestApp, TestApp } from '../support/test-app';

/**
 * What the API fuzzer (api-fuzz.e2e-spec.ts) found, each pinned by the request that found it: a 500
 * once, now a 4xx with a stable code, and nothing changed.
 */
describe('inputs the fuzzer found', () => {
  let t: TestApp;
  let auth: (user: string) => Promise<string>;
  beforeAll(async () => {
    t = await startTestApp('fuzzfound');
    auth = async (user) => `Bearer ${await t.token(user)}`;
  });
  afterAll(() => t.close());

  it.each(['99999999999', '2147483648', '1e10', '-1', '0', '1.5', 'x'])('a revision number %p that names no revision is a 404, not a 500', async (n) => {
    for (const path of [`/api/reports/7b1f0a52-5c1e-4f63-9c1a-2f8f4d6b2a10/revisions/${encodeURIComponent(n)}`, `/api/reports/7b1f0a52-5c1e-4f63-9c1a-2f8f4d6b2a10/revisions/${encodeURIComponent(n)}/document.docx`]) {
      const res = await t.http().get(path).set('Authorization', await auth('reviewer'));
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'REVISION_NOT_FOUND']);
    }
  });

  const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
  const users = async () => (await t.db.query(`SELECT count(*)::int AS n, md5(string_agg(u::text, ',' ORDER BY u.id)) AS sum FROM users u`))[0];

  // sent as raw JSON: "\u0000" and "\ud800" escapes, as the fuzzer's fetch sent them
  it.each([
    ['a login name with U+0000', 'POST', '/api/auth/login', null, '{"username":"\\u0000","password":"x"}'],
    ['a password with U+0000', 'POST', '/api/auth/login', null, '{"username":"reviewer","password":"Test@2024!\\u0000"}'],
    ['an e-mail address with a lone surrogate', 'POST', '/api/users', 'admin', '{"username":"moi","password":"Mk@12345678","fullName":"Mới","role":"reviewer","email":"\\ud800@x.vn"}'],
    ['a name with a lone low surrogate', 'POST', '/api/users', 'admin', '{"username":"moi","password":"Mk@12345678","fullName":"a\\udfffb","role":"reviewer"}'],
    ['a key with U+0000', 'POST', '/api/users', 'admin', '{"username":"moi","password":"Mk@12345678","fullName":"Mới","role":"reviewer","\\u0000":1}'],
  ])('refuses %s with 400 INVALID_TEXT and changes nothing', async (_label, method, path, user, raw) => {
    const before = await users();
    let req = method === 'POST' ? t.http().post(path) : t.http().put(path);
    if (user) req = req.set('Authorization', await auth(user));
    const res = await req.set('content-type', 'application/json').send(raw);
    expect([res.status, res.body.code]).toEqual([400, 'INVALID_TEXT']);
    expect(res.body.message).toMatch(VIETNAMESE);
    expect(await users()).toEqual(before);
  });

  it('refuses U+0000 in a query string and a path, and still takes a well-formed pair (an emoji)', async () => {
    const reviewer = await auth('reviewer');
    expect((await t.http().get('/api/reports?periodId=%00').set('Authorization', reviewer)).status).toBe(400);
    expect((await t.http().put('/api/reports/7b1f0a52-5c1e-4f63-9c1a-2f8f4d6b2a10/sections/a%00b').set('Authorization', reviewer).send({ version: 1, text: 'x' })).status).toBe(400);
    const res = await t.http().post('/api/auth/login').send({ username: 'reviewer\u{1F642}', password: 'x' });
    expect(res.status).toBe(401);
  });
});
