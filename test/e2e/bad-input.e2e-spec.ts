import { startTestApp, TestApp } from '../support/test-app';

describe('bad input gets a 4xx with a stable code and a Vietnamese message, and changes nothing', () => {
  let t: TestApp;
  let sub: { id: string; version: number };
  let officer: string;

  beforeAll(async () => {
    t = await startTestApp('badinput');
    const admin = `Bearer ${await t.token('admin')}`;
    const p = await t.http().post('/api/periods').set('Authorization', admin).send({ type: 'month', year: 2024, number: 5 }).expect(201);
    officer = `Bearer ${await t.token('officer-sa')}`;
    const list = await t.http().get(`/api/submissions?periodId=${p.body.id}`).set('Authorization', officer).expect(200);
    sub = list.body[0];
  });
  afterAll(() => t.close());

  async function snapshot() {
    const [s] = await t.db.query(`SELECT version, state FROM submissions WHERE id = $1`, [sub.id]);
    const values = await t.db.query(`SELECT * FROM submission_values WHERE submission_id = $1 ORDER BY indicator_code`, [sub.id]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log`);
    return { s, values, n };
  }

  const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
  const v = () => sub.version;

  const bad: Array<[string, () => unknown, number, string]> = [
    ['an unknown top-level field', () => ({ version: v(), values: [], hacker: true }), 400, 'VALIDATION_FAILED'],
    ['an unknown field in a value', () => ({ version: v(), values: [{ indicatorCode: 'forest', value: 1, extra: 1 }] }), 400, 'VALIDATION_FAILED'],
    ['a missing version', () => ({ values: [] }), 400, 'VALIDATION_FAILED'],
    ['a version of the wrong type', () => ({ version: '1', values: [] }), 400, 'VALIDATION_FAILED'],
    ['values that are not a list', () => ({ version: v(), values: { forest: 1 } }), 400, 'VALIDATION_FAILED'],
    ['a value object that is a string', () => ({ version: v(), values: ['forest'] }), 400, 'VALIDATION_FAILED'],
    ['an indicator code of the wrong type', () => ({ version: v(), values: [{ indicatorCode: 12, value: 1 }] }), 400, 'VALIDATION_FAILED'],
    ['a non-numeric string', () => ({ version: v(), values: [{ indicatorCode: 'forest', value: 'mười hai' }] }), 400, 'VALIDATION_FAILED'],
    ['a huge number', () => ({ version: v(), values: [{ indicatorCode: 'forest', value: 1e300 }] }), 400, 'VALIDATION_FAILED'],
    ['a huge numeric string', () => ({ version: v(), values: [{ indicatorCode: 'forest', value: '9'.repeat(30) }] }), 400, 'VALIDATION_FAILED'],
    ['a boolean as a number', () => ({ version: v(), values: [{ indicatorCode: 'forest', value: true }] }), 400, 'VALIDATION_FAILED'],
    ['an object as a number', () => ({ version: v(), values: [{ indicatorCode: 'forest', value: { n: 1 } }] }), 400, 'VALIDATION_FAILED'],
    ['a number for a text indicator', () => ({ version: v(), values: [{ indicatorCode: 'narrative_sa', value: 5 }] }), 400, 'VALIDATION_FAILED'],
    ['an unknown indicator', () => ({ version: v(), values: [{ indicatorCode: 'retail', value: 5 }] }), 400, 'VALIDATION_FAILED'],
    ['a duplicated indicator', () => ({ version: v(), values: [{ indicatorCode: 'forest', value: 5 }, { indicatorCode: 'forest', value: 6 }] }), 400, 'VALIDATION_FAILED'],
    ['a note of the wrong type', () => ({ version: v(), values: [{ indicatorCode: 'forest', value: 5, note: 7 }] }), 400, 'VALIDATION_FAILED'],
    ['one bad value among good ones', () => ({ version: v(), values: [{ indicatorCode: 'sown', value: 5 }, { indicatorCode: 'forest', value: '1,2,3' }] }), 400, 'VALIDATION_FAILED'],
    ['a negative version', () => ({ version: -1, values: [] }), 400, 'VALIDATION_FAILED'],
    ['a null body', () => null, 400, 'VALIDATION_FAILED'],
    // what Postgres or XML cannot hold, pasted into a note or a text: refused at the door, never a 500
    ['a NUL in a note', () => ({ version: v(), values: [{ indicatorCode: 'forest', value: 5, note: 'ghi\u0000chú' }] }), 400, 'INVALID_TEXT'],
    ['a lone high surrogate in a text figure', () => ({ version: v(), values: [{ indicatorCode: 'narrative_sa', value: 'Tình hình \uD83D tốt' }] }), 400, 'INVALID_TEXT'],
    ['a lone low surrogate in a note', () => ({ version: v(), values: [{ indicatorCode: 'forest', value: 5, note: '\uDE00' }] }), 400, 'INVALID_TEXT'],
  ];

  it.each(bad)('refuses %s', async (_label, body, status, code) => {
    const before = await snapshot();
    const res = await t.http().put(`/api/submissions/${sub.id}/values`).set('Authorization', officer)
      .set('content-type', 'application/json').send(JSON.stringify(body()));
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(VIETNAMESE);
    expect(await snapshot()).toEqual(before);
  });

  // the save's DTO is built from its top-level fields only (ShallowBody): prototype keys anywhere in the
  // body must still be refused, by the JSON parser or by the hand check of each value
  const poisoned: Array<[string, () => string, string]> = [
    ['a top-level __proto__', () => `{"version":${v()},"values":[],"__proto__":{"polluted":true}}`, 'MALFORMED_JSON'],
    ['a __proto__ in a value', () => `{"version":${v()},"values":[{"indicatorCode":"forest","value":1,"__proto__":{"polluted":true}}]}`, 'MALFORMED_JSON'],
    ['a constructor.prototype in a value', () => `{"version":${v()},"values":[{"indicatorCode":"forest","value":1,"constructor":{"prototype":{"polluted":true}}}]}`, 'MALFORMED_JSON'],
    ['a plain constructor key in a value', () => `{"version":${v()},"values":[{"indicatorCode":"forest","value":1,"constructor":1}]}`, 'VALIDATION_FAILED'],
  ];

  it.each(poisoned)('refuses %s with 400 and changes nothing', async (_label, body, code) => {
    const before = await snapshot();
    const res = await t.http().put(`/api/submissions/${sub.id}/values`).set('Authorization', officer)
      .set('content-type', 'application/json').send(body());
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(VIETNAMESE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it('names the offending indicators and their own codes', async () => {
    const res = await t.http().put(`/api/submissions/${sub.id}/values`).set('Authorization', officer).send({
      version: v(),
      values: [
        { indicatorCode: 'forest', value: 'abc' },
        { indicatorCode: 'sown', value: '1e400' },
        { indicatorCode: 'sown_rice', value: '0,1234567' },
        { indicatorCode: 'nope', value: 1 },
      ],
    }).expect(400);
    expect(res.body.details.map((d: { indicatorCode: string; code: string }) => `${d.indicatorCode}:${d.code}`)).toEqual([
      'forest:INVALID_NUMBER', 'sown:VALUE_TOO_LARGE', 'sown_rice:TOO_MANY_DECIMALS', 'nope:UNKNOWN_INDICATOR',
    ]);
    for (const d of res.body.details) expect(d.message).toMatch(VIETNAMESE);
  });

  it('refuses malformed JSON, wrong content and oversized bodies without a 500', async () => {
    const before = await snapshot();
    const malformed = await t.http().put(`/api/submissions/${sub.id}/values`).set('Authorization', officer)
      .set('content-type', 'application/json').send('{"version": 1, "values": [');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    const text = await t.http().put(`/api/submissions/${sub.id}/values`).set('Authorization', officer)
      .set('content-type', 'text/plain').send('version=1');
    expect(text.status).toBe(400);
    const huge = await t.http().put(`/api/submissions/${sub.id}/values`).set('Authorization', officer)
      .set('content-type', 'application/json').send(JSON.stringify({ version: 1, values: [], pad: 'x'.repeat(3_000_000) }));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad period requests with 400 and codes', async () => {
    const admin = `Bearer ${await t.token('admin')}`;
    for (const body of [{ type: 'week', year: 2024, number: 1 }, { type: 'month', year: 2024, number: 13 }, { type: 'month', year: 'x', number: 1 }, {}]) {
      const res = await t.http().post('/api/periods').set('Authorization', admin).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('accepts both number notations and stores exact decimals', async () => {
    const res = await t.http().put(`/api/submissions/${sub.id}/values`).set('Authorization', officer).send({
      version: v(),
      values: [
        { indicatorCode: 'forest', value: '1.234,56' },
        { indicatorCode: 'sown', value: '1234.5' },
        { indicatorCode: 'sown_rice', value: 0.1 },
      ],
    }).expect(200);
    sub.version = res.body.version;
    const rows = await t.db.query(`SELECT indicator_code, numeric_value FROM submission_values WHERE submission_id = $1 ORDER BY 1`, [sub.id]);
    expect(rows).toEqual([
      { indicator_code: 'forest', numeric_value: '1234.560000' },
      { indicator_code: 'sown', numeric_value: '1234.500000' },
      { indicator_code: 'sown_rice', numeric_value: '0.100000' },
    ]);
  });

  it('lets exactly one of two concurrent saves of the same version win', async () => {
    const send = (value: string) =>
      t.http().put(`/api/submissions/${sub.id}/values`).set('Authorization', officer)
        .send({ version: sub.version, values: [{ indicatorCode: 'forest', value }] });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => send(`${i + 1}`)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    const winnerIndex = results.findIndex((r) => r.status === 200);
    const winner = results[winnerIndex];
    const [row] = await t.db.query(`SELECT numeric_value FROM submission_values WHERE submission_id = $1 AND indicator_code = 'forest'`, [sub.id]);
    expect(Number(row.numeric_value)).toBe(winnerIndex + 1);
    for (const loser of results.filter((r) => r.status === 409)) expect(loser.body.currentVersion).toBe(winner.body.version);
    const audits = await t.db.query(`SELECT after FROM audit_log WHERE submission_id = $1 AND action = 'values.updated' ORDER BY id DESC LIMIT 1`, [sub.id]);
    expect(audits[0].after.version).toBe(winner.body.version);
    expect(Number(audits[0].after.values.forest)).toBe(Number(row.numeric_value));
    sub.version = winner.body.version;
  });

  it('keeps concurrent saves of different submissions independent (grouped into one commit or not)', async () => {
    const [sb] = await t.db.query(
      `SELECT s.id, s.version FROM submissions s JOIN reporting_units u ON u.id = s.unit_id WHERE u.code = 'SB' AND s.period_id = (SELECT period_id FROM submissions WHERE id = $1)`,
      [sub.id],
    );
    const officerB = `Bearer ${await t.token('officer-sb')}`;
    const burst = await Promise.all([
      t.http().put(`/api/submissions/${sub.id}/values`).set('Authorization', officer).send({ version: sub.version, values: [{ indicatorCode: 'sown', value: 11 }] }),
      t.http().put(`/api/submissions/${sb.id}/values`).set('Authorization', officerB).send({ version: sb.version + 7, values: [{ indicatorCode: 'retail', value: 5 }] }),
      t.http().put(`/api/submissions/${sb.id}/values`).set('Authorization', officerB).send({ version: sb.version, values: [{ indicatorCode: 'retail', value: 6 }, { indicatorCode: 'cpi_change', value: '-1,5' }] }),
      t.http().put(`/api/submissions/${sub.id}/values`).set('Authorization', officer).send({ version: sub.version, values: [{ indicatorCode: 'nope', value: 1 }] }),
    ]);
    expect(burst.map((r) => r.status)).toEqual([200, 409, 200, 400]);
    const rows = await t.db.query(
      `SELECT indicator_code, numeric_value FROM submission_values WHERE submission_id = ANY($1) AND indicator_code IN ('sown', 'retail', 'cpi_change') ORDER BY 1`,
      [[sub.id, sb.id]],
    );
    expect(rows).toEqual([
      { indicator_code: 'cpi_change', numeric_value: '-1.500000' },
      { indicator_code: 'retail', numeric_value: '6.000000' },
      { indicator_code: 'sown', numeric_value: '11.000000' },
    ]);
    sub.version = burst[0].body.version;
  });

  it('throttles repeated failed logins with 429', async () => {
    const attempts = [];
    for (let i = 0; i < 12; i++) {
      attempts.push((await t.http().post('/api/auth/login').send({ username: 'signer', password: `sai-${i}` })).status);
    }
    expect(attempts.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(attempts.at(-1)).toBe(429);
    const blocked = await t.http().post('/api/auth/login').send({ username: 'signer', password: 'Test@2024!' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    // another user from the same address is not locked out
    await t.http().post('/api/auth/login').send({ username: 'reviewer', password: 'Test@2024!' }).expect(200);
  });

  it('refuses a NUL in the query, names the field, and keeps a whole emoji', async () => {
    const res = await t.http().get('/api/units?date=2024%00-05-01').set('Authorization', officer).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_TEXT', details: [{ field: 'query.date', code: 'INVALID_TEXT' }] });
    expect(res.body.message).toMatch(VIETNAMESE);
    const noted = await t.http().put(`/api/submissions/${sub.id}/values`).set('Authorization', officer)
      .send({ version: v(), values: [{ indicatorCode: 'forest', value: 5, note: 'đạt 😀' }] });
    expect(noted.status).toBe(200);
    sub.version = noted.body.version;
  });

  it('refuses a malformed login body with 400, not 401', async () => {
    for (const body of [{ username: 'x' }, { username: 1, password: 2 }, { username: 'x', password: 'y', extra: 1 }]) {
      const res = await t.http().post('/api/auth/login').send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });
});
