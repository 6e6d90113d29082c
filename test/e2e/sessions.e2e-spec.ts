import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { ensureUsers } from '../../libs/database/src';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';
import { testConfig } from '../support/test-config';

/**
 * Sessions that can be revoked: a 15-minute access token, a refresh cookie rotated on each use
 * (a reuse ends the session), and logout, password change and reset, deactivation and role change
 * ending every session of the user at once — on every API process.
 */
describe('sessions', () => {
  let t: TestApp;
  let admin: string;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp('sessions');
    await ensureUsers(t.db, ['s-logout', 's-reset', 's-deact', 's-role', 's-self', 's-rotate', 's-other'].map((username) => ({ username, role: 'reviewer' as const, fullName: username, password: PASSWORD })));
    for (const r of await t.db.query(`SELECT id, username FROM users`)) ids.set(r.username, r.id);
    admin = await t.token('admin');
  });
  afterAll(() => t.close());

  const login = async (username: string, password = PASSWORD) => {
    const res = await t.http().post('/api/auth/login').send({ username, password }).expect(200);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    return { token: res.body.accessToken as string, cookie: setCookie[0].split(';')[0], setCookie: setCookie[0], body: res.body };
  };
  const get = (token: string, path = '/api/units') => t.http().get(path).set('Authorization', `Bearer ${token}`);
  const refresh = (cookie: string) => t.http().post('/api/auth/refresh').set('Cookie', cookie).send({});
  const asAdmin = (method: 'post' | 'patch', path: string, body: object = {}) => t.http()[method](path).set('Authorization', `Bearer ${admin}`).send(body);

  it('login gives a 15-minute access token and an HttpOnly, SameSite=Strict refresh cookie for the API only', async () => {
    const s = await login('s-rotate');
    expect(s.body).toMatchObject({ expiresIn: 900, mustChangePassword: false, user: { username: 's-rotate' } });
    expect(s.setCookie).toMatch(new RegExp(`^tonghop_refresh_${ids.get('s-rotate')!.replace(/-/g, '')}=[A-Za-z0-9_-]{43}; Path=/api; HttpOnly; SameSite=Strict; Max-Age=43200`));
    const claims = JSON.parse(Buffer.from(s.token.split('.')[1], 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(900);
    // only the hash is stored
    const stored = await t.db.query(`SELECT token_hash FROM refresh_tokens WHERE user_id = $1`, [ids.get('s-rotate')]);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].token_hash).not.toContain(s.cookie.split('=')[1]);
  });

  it('rotates the refresh token on use, and a token used again later ends the sessions', async () => {
    const s = await login('s-rotate');
    const first = await refresh(s.cookie).expect(200);
    const next = String(first.headers['set-cookie']).split(';')[0];
    expect(next).not.toBe(s.cookie);
    await get(first.body.accessToken).expect(200);
    // the old cookie again at once: two tabs of one browser racing; refused, and the session goes on
    expect((await refresh(s.cookie).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await get(first.body.accessToken).expect(200);
    // the old cookie again later (the use moved 10 s back): someone kept a copy
    await t.db.query(`UPDATE refresh_tokens SET used_at = used_at - interval '10 seconds' WHERE user_id = $1 AND used_at IS NOT NULL`, [ids.get('s-rotate')]);
    const reuse = await refresh(s.cookie).expect(401);
    expect(reuse.body.code).toBe('REFRESH_REUSED');
    // the legitimate holder's newer token is revoked with it
    expect((await refresh(next).expect(401)).body.code).toBe('UNAUTHENTICATED');
    // and every session of the user ends, access tokens included: which holder is the thief is unknown
    await get(first.body.accessToken).expect(401);
    const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.refresh_reused' AND entity_id = $1`, [ids.get('s-rotate')]);
    expect(audit.n).toBe(1);
  });

  it('a refresh with no cookie, or a made-up one, is 401', async () => {
    expect((await t.http().post('/api/auth/refresh').send({}).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await refresh(`tonghop_refresh_${ids.get('s-other')!.replace(/-/g, '')}=made-up`).expect(401);
  });

  it('logout ends every session of the user: access tokens and refresh cookies of all devices', async () => {
    const a = await login('s-logout');
    const b = await login('s-logout');
    await get(a.token).expect(200);
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${a.token}`).expect(200);
    expect((await get(a.token).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await get(b.token).expect(401);
    await refresh(a.cookie).expect(401);
    await refresh(b.cookie).expect(401);
    await get((await login('s-logout')).token).expect(200);
  });

  it('a password reset by the administrator ends the sessions, and the new password must be changed first', async () => {
    const s = await login('s-reset');
    await asAdmin('post', `/api/users/${ids.get('s-reset')}/password`, { password: 'abc' }).expect(400);
    await get(s.token).expect(200); // a refused reset changes nothing
    await asAdmin('post', `/api/users/${ids.get('s-reset')}/password`, { password: 'rừng thông Mẫu Sơn mùa đông' }).expect(200);
    await get(s.token).expect(401);
    await refresh(s.cookie).expect(401);
    const fresh = await login('s-reset', 'rừng thông Mẫu Sơn mùa đông');
    expect(fresh.body.mustChangePassword).toBe(true);
    expect((await get(fresh.token).expect(403)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await get(fresh.token, '/api/me').expect(200)).body.mustChangePassword).toBe(true);
    const changed = await t.http().post('/api/auth/password').set('Authorization', `Bearer ${fresh.token}`)
      .send({ currentPassword: 'rừng thông Mẫu Sơn mùa đông', newPassword: 'hoa đào Lạng Sơn nở sớm' }).expect(200);
    expect(changed.body.mustChangePassword).toBe(false);
    await get(changed.body.accessToken).expect(200);
    await get(fresh.token).expect(401);
  });

  it('deactivation ends the sessions and refuses the login; reactivation lets the user back in', async () => {
    const s = await login('s-deact');
    const off = await asAdmin('post', `/api/users/${ids.get('s-deact')}/deactivate`).expect(200);
    expect(off.body).toMatchObject({ active: false });
    expect(off.body.passwordHash).toBeUndefined();
    await get(s.token).expect(401);
    await refresh(s.cookie).expect(401);
    expect((await t.http().post('/api/auth/login').send({ username: 's-deact', password: PASSWORD }).expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    await asAdmin('post', `/api/users/${ids.get('s-deact')}/reactivate`).expect(200);
    await get((await login('s-deact')).token).expect(200);
    // the administrator cannot lock themselves out
    expect((await asAdmin('post', `/api/users/${ids.get('admin')}/deactivate`).expect(403)).body.code).toBe('FORBIDDEN');
  });

  it('a role change ends the sessions; the next login carries the new role', async () => {
    const s = await login('s-role');
    await get(s.token, '/api/forms').expect(200);
    await asAdmin('patch', `/api/users/${ids.get('s-role')}`, { role: 'officer', unitCode: 'SA' }).expect(200);
    await get(s.token, '/api/forms').expect(401);
    const again = await login('s-role');
    expect(again.body.user).toMatchObject({ role: 'officer' });
    await get(again.token, '/api/forms').expect(403);
    // a change of name alone ends nothing
    await asAdmin('patch', `/api/users/${ids.get('s-role')}`, { fullName: 'Tên mới' }).expect(200);
    await get(again.token, '/api/units').expect(200);
  });

  it('self-service change: the current password proves it, the policy applies, other sessions end', async () => {
    const a = await login('s-self');
    const b = await login('s-self');
    const change = (body: object) => t.http().post('/api/auth/password').set('Authorization', `Bearer ${a.token}`).send(body);
    expect((await change({ currentPassword: 'wrong', newPassword: 'một mật khẩu đủ dài' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    for (const weak of ['short', 'password1234', 's-self-and-more-text']) {
      expect((await change({ currentPassword: PASSWORD, newPassword: weak }).expect(400)).body.code).toBe('WEAK_PASSWORD');
    }
    await get(b.token).expect(200);
    const ok = await change({ currentPassword: PASSWORD, newPassword: 'một mật khẩu đủ dài' }).expect(200);
    await get(ok.body.accessToken).expect(200);
    await get(b.token).expect(401);
    await refresh(b.cookie).expect(401);
    const actions = (await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [ids.get('s-self')])).map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'user.password_changed']));
  });

  it('an account created twice at once: one is created, the other is a 409, never a 500', async () => {
    const body = { username: 'twice-at-once', password: 'một mật khẩu mới đủ dài', fullName: 'Hai lần', role: 'reviewer' };
    const answers = await Promise.all([asAdmin('post', '/api/users', body), asAdmin('post', '/api/users', body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.body.code).toBe('ALREADY_EXISTS');
    const created = answers.find((r) => r.status === 201)!.body;
    expect(created).toMatchObject({ username: 'twice-at-once', mustChangePassword: true });
    expect(created.passwordHash).toBeUndefined();
    const [audit] = await t.db.query(`SELECT actor_id FROM audit_log WHERE action = 'user.created' AND entity_id = $1`, [created.id]);
    expect(audit.actor_id).toBe(ids.get('admin'));
  });

  it('records logins and failed logins in the audit log', async () => {
    await t.http().post('/api/auth/login').send({ username: 's-other', password: 'not the password' }).expect(401);
    await t.http().post('/api/auth/login').send({ username: 'nobody-here', password: 'not the password' }).expect(401);
    const rows = await t.db.query(`SELECT entity_id, action, after FROM audit_log WHERE action = 'auth.login_failed' ORDER BY id`);
    expect(rows.map((r: { entity_id: string; after: { reason: string } }) => [r.entity_id, r.after.reason])).toEqual(
      expect.arrayContaining([[ids.get('s-other'), 'wrong_password'], ['nobody-here', 'unknown_user']]),
    );
  });

  it('a logout on one API process is refused at once by another, despite its cache (Redis tells it)', async () => {
    const other: INestApplication = await createApp(testConfig({ SESSION_CACHE_MS: '60000' }), t.databaseUrl, { logger: false, redisUrl: t.redisUrl, queuePrefix: t.queuePrefix });
    await other.init();
    try {
      const s = await login('s-other');
      const onOther = () => request(other.getHttpServer()).get('/api/units').set('Authorization', `Bearer ${s.token}`);
      await onOther().expect(200); // now cached there for a minute
      await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${s.token}`).expect(200);
      const deadline = Date.now() + 2000;
      let status = 200;
      while (status === 200 && Date.now() < deadline) status = (await onOther()).status;
      expect(status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
