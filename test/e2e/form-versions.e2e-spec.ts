import { vnInstant } from '../../libs/domain/src';
import { ManualClock } from '../../libs/queue/src';
import { startTestApp, TestApp } from '../support/test-app';

/** Phiên bản biểu mẫu over HTTP: a draft edited and published from a month; bad versions refused whole. */
describe('form versions (HTTP, real Postgres)', () => {
  const clock = new ManualClock(vnInstant('2024-05-20', '10:00'));
  let t: TestApp;
  let mayId: string;
  const auth = async () => ({ Authorization: `Bearer ${await t.token('admin')}` });

  beforeAll(async () => {
    t = await startTestApp('form-versions', { clock });
    mayId = (await t.http().post('/api/periods').set(await auth()).send({ type: 'month', year: 2024, number: 5 }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  async function snapshot() {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM form_templates) AS templates, (SELECT count(*)::int FROM form_sections) AS sections,
              (SELECT count(*)::int FROM indicators) AS indicators, (SELECT count(*)::int FROM audit_log) AS audit,
              (SELECT coalesce(max(version), 0) FROM form_drafts) AS draft`,
    );
    return row;
  }

  async function codesOf(periodId: string, unit = 'SA'): Promise<string[]> {
    const [sub] = await t.db.query(
      `SELECT s.id FROM submissions s JOIN reporting_units u ON u.id = s.unit_id WHERE s.period_id = $1 AND u.code = $2`,
      [periodId, unit],
    );
    const view = await t.http().get(`/api/submissions/${sub.id}`).set(await auth()).expect(200);
    return view.body.values.map((v: { indicatorCode: string }) => v.indicatorCode);
  }

  type Body = { name: string; periodTypes: string[]; sections: Array<{ code: string; title: string; units: string[]; indicators: Array<Record<string, unknown>> }> };
  let draft: { id: string; version: number; body: Body };
  let original: Body;

  async function save(body: Body) {
    const res = await t.http().put(`/api/form-drafts/${draft.id}`).set(await auth()).send({ version: draft.version, body }).expect(200);
    draft = res.body;
    return res.body;
  }

  function edited(change: (b: Body) => void): Body {
    const { code: _code, deadline, reminders, ...rest } = draft.body as Body & { code: string; deadline: unknown; reminders: unknown };
    const body = JSON.parse(JSON.stringify({ ...rest, ...(deadline ? { deadline } : {}), ...(reminders ? { reminders } : {}) })) as Body;
    change(body);
    return body;
  }

  it('starts a draft from the newest version; a second draft of the same form is refused', async () => {
    const res = await t.http().post('/api/form-drafts').set(await auth()).send({ formCode: 'TEST-THANG' }).expect(201);
    draft = res.body;
    original = res.body.body;
    expect(res.body).toMatchObject({ formCode: 'TEST-THANG', baseVersion: 1, version: 1, problems: [] });
    expect(res.body.body.sections.map((s: { code: string }) => s.code)).toEqual(['II.1.1/SA', 'II.1.3/SB']);
    const again = await t.http().post('/api/form-drafts').set(await auth()).send({ formCode: 'TEST-THANG' }).expect(409);
    expect(again.body.code).toBe('FORM_DRAFT_EXISTS');
    await t.http().post('/api/form-drafts').set(await auth()).send({ formCode: 'NO-SUCH-FORM' }).expect(404);
  });

  const sa = (b: Body) => b.sections[0].indicators;
  const bad: Array<[string, (b: Body) => void, string[]]> = [
    ['a duplicate code', (b) => sa(b).push({ code: 'forest', name: 'Trồng rừng (lần hai)', kind: 'number' }), ['FORM_DUPLICATE_CODE']],
    ['a missing parent', (b) => sa(b).push({ code: 'sown_bean', name: 'Đậu', kind: 'number', unit: 'ha', parent: 'sown_legume' }), ['FORM_MISSING_PARENT']],
    [
      'a cycle of parents',
      (b) => {
        sa(b).find((i) => i.code === 'sown')!.parent = 'sown_rice';
      },
      ['FORM_CYCLE'],
    ],
    ['a parent filled by another unit', (b) => b.sections[1].indicators.push({ code: 'retail_food', name: 'Lương thực', kind: 'number', parent: 'sown' }), ['FORM_PARENT_OTHER_UNIT']],
    [
      'a changed unit of measure under a kept code',
      (b) => {
        sa(b).find((i) => i.code === 'buffalo')!.unit = 'nghìn con';
      },
      ['FORM_MEANING_CHANGED'],
    ],
    ['a section given to an unknown unit', (b) => b.sections[0].units.push('SZ'), ['FORM_UNKNOWN_UNIT']],
    [
      'all of them at once',
      (b) => {
        sa(b).push({ code: 'forest', name: 'x', kind: 'number' }, { code: 'a', name: 'A', kind: 'number', parent: 'b' }, { code: 'b', name: 'B', kind: 'number', parent: 'a' });
        sa(b).push({ code: 'c', name: 'C', kind: 'number', parent: 'zz' });
      },
      ['FORM_DUPLICATE_CODE', 'FORM_CYCLE', 'FORM_MISSING_PARENT'],
    ],
  ];

  it.each(bad)('refuses to publish %s with every problem’s code, and writes nothing', async (_label, change, codes) => {
    const saved = await save(edited(change));
    expect(saved.problems.map((p: { code: string }) => p.code).sort()).toEqual([...codes].sort());
    const before = await snapshot();
    const res = await t.http().post(`/api/form-drafts/${draft.id}/publish`).set(await auth()).send({ version: draft.version, effectiveFrom: '2024-06' }).expect(422);
    expect(res.body.code).toBe('FORM_INVALID');
    expect(res.body.message).toMatch(/lỗi/);
    expect(res.body.details.map((d: { code: string }) => d.code).sort()).toEqual([...codes].sort());
    for (const d of res.body.details) expect(d).toMatchObject({ field: expect.stringMatching(/^sections\[\d+\]/), message: expect.any(String) });
    expect(await snapshot()).toEqual(before);
    await save(edited((b) => {
      b.sections = JSON.parse(JSON.stringify(original.sections)); // back to the published content
    }));
  });

  it('refuses a malformed draft at save (400) and a stale save (409)', async () => {
    const base = edited(() => undefined);
    const malformed = await t.http().put(`/api/form-drafts/${draft.id}`).set(await auth())
      .send({ version: draft.version, body: { ...base, sections: [{ ...base.sections[0], indicators: [{ code: 'x', name: 'X', kind: 'money' }] }] } }).expect(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const staleRes = await t.http().put(`/api/form-drafts/${draft.id}`).set(await auth()).send({ version: draft.version - 1, body: base }).expect(409);
    expect(staleRes.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: draft.version });
  });

  it('publishes a version that adds an indicator and retires another: the next period has it, the open one is untouched', async () => {
    await save(
      edited((b) => {
        const list = sa(b);
        list.splice(list.findIndex((i) => i.code === 'buffalo'), 1);
        list.push({ code: 'cattle', name: 'Đàn bò', unit: 'con', kind: 'number', hasSamePeriod: true, aggregation: 'stock', min: '0', integerOnly: true });
        list.find((i) => i.code === 'sown')!.name = 'Tổng diện tích gieo trồng';
      }),
    );
    expect(draft).toMatchObject({ problems: [] });
    const maySnapshot = await t.db.query(`SELECT id, form_template_id FROM submissions WHERE period_id = $1 ORDER BY id`, [mayId]);
    const res = await t.http().post(`/api/form-drafts/${draft.id}/publish`).set(await auth()).send({ version: draft.version, effectiveFrom: '2024-06' }).expect(201);
    expect(res.body).toMatchObject({ code: 'TEST-THANG', version: 2, effectiveFrom: '2024-06-01' });
    await t.http().get(`/api/form-drafts/${draft.id}`).set(await auth()).expect(404);

    expect(await t.db.query(`SELECT id, form_template_id FROM submissions WHERE period_id = $1 ORDER BY id`, [mayId])).toEqual(maySnapshot);
    const may = await codesOf(mayId);
    expect(may).toContain('buffalo');
    expect(may).not.toContain('cattle');

    const june = await t.http().post('/api/periods').set(await auth()).send({ type: 'month', year: 2024, number: 6 }).expect(201);
    expect(june.body.formTemplateId).toBe(res.body.templateId);
    const juneCodes = await codesOf(june.body.id);
    expect(juneCodes).toContain('cattle');
    expect(juneCodes).not.toContain('buffalo');
    expect(await codesOf(june.body.id, 'SB')).toEqual(['retail', 'cpi_change']);

    const [audit] = await t.db.query(`SELECT action, after FROM audit_log WHERE entity_type = 'form_template'`);
    expect(audit).toMatchObject({ action: 'form.published', after: { code: 'TEST-THANG', version: 2, effectiveFrom: '2024-06-01' } });
  });

  it('refuses a retired code brought back with another meaning', async () => {
    draft = (await t.http().post('/api/form-drafts').set(await auth()).send({ formCode: 'TEST-THANG' }).expect(201)).body;
    expect(draft.body.sections[0].indicators.map((i) => i.code)).toContain('cattle');
    await save(edited((b) => sa(b).push({ code: 'buffalo', name: 'Đàn dê', unit: 'con', kind: 'number' })));
    const res = await t.http().post(`/api/form-drafts/${draft.id}/publish`).set(await auth()).send({ version: draft.version, effectiveFrom: '2024-07' }).expect(422);
    expect(res.body.details).toEqual([expect.objectContaining({ code: 'FORM_CODE_REUSED', indicatorCode: 'buffalo' })]);
    await t.http().delete(`/api/form-drafts/${draft.id}`).set(await auth()).expect(204);
  });
});
