import { findReportTemplateIdForPeriod, installReportTemplate } from '../../libs/database/src';
import { ReportTemplate, vnInstant } from '../../libs/domain/src';
import { ManualClock } from '../../libs/queue/src';
import { startTestApp, TestApp } from '../support/test-app';

const TEMPLATE: ReportTemplate = {
  code: 'TEST-BC',
  version: 1,
  formCode: 'TEST-THANG',
  periodType: 'month',
  name: 'Báo cáo kiểm thử',
  document: {
    issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH KIỂM THỬ'], place: 'Kiểm thử', numberSuffix: 'BC-UBND', kind: 'BÁO CÁO',
    title: ['Tình hình tháng {month}'], signature: { onBehalf: 'TM. ỦY BAN NHÂN DÂN', for: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' }, recipients: ['Lưu: VT.'], archive: 'VT',
  },
  decimals: {},
  sections: [
    {
      id: 'II.1.1', number: '1.', heading: 'Nông, lâm nghiệp', level: 2, units: ['SA'],
      statements: [{ unit: 'SA', indicator: 'forest', sentence: 'Trồng rừng mới {months} tháng đầu năm được {cumulative}, {plan}.' }],
    },
  ],
};

/** Phiên bản mẫu báo cáo over HTTP: sentence patterns edited, previewed on the last approved period, checked at publishing. */
describe('report template versions (HTTP, real Postgres)', () => {
  const clock = new ManualClock(vnInstant('2024-05-20', '10:00'));
  let t: TestApp;
  let draft: { id: string; version: number };
  const auth = async () => ({ Authorization: `Bearer ${await t.token('admin')}` });
  const text = (content: { sections: Array<{ id: string; paragraphs: Array<Array<{ text?: string }>> }> }, id: string) =>
    content.sections.find((s) => s.id === id)!.paragraphs.map((p) => p.map((r) => r.text ?? '').join('')).join('\n');

  beforeAll(async () => {
    t = await startTestApp('report-template', { clock });
    await installReportTemplate(t.db, TEMPLATE);
  });
  afterAll(() => t.close());

  async function counts() {
    const [row] = await t.db.query(`SELECT (SELECT count(*)::int FROM report_templates) AS templates, (SELECT count(*)::int FROM audit_log) AS audit`);
    return row;
  }

  it('previews an edited sentence on the last period whose submissions are all approved', async () => {
    draft = (await t.http().post('/api/report-template-drafts').set(await auth()).send({ code: 'TEST-BC' }).expect(201)).body;
    expect(draft).toMatchObject({ code: 'TEST-BC', baseVersion: 1, problems: [] });
    const saved = await t.http().put(`/api/report-template-drafts/${draft.id}`).set(await auth())
      .send({ version: draft.version, sections: [{ id: 'II.1.1', statements: [{ sentence: 'Diện tích rừng trồng mới lũy kế {months} tháng đạt {cumulative}, {plan:short}.' }] }] }).expect(200);
    draft = saved.body;
    const preview = await t.http().post(`/api/report-template-drafts/${draft.id}/preview`).set(await auth()).send({}).expect(201);
    expect(preview.body.label).toMatch(/tháng 4 năm 2024/i);
    expect(text(preview.body.content, 'II.1.1')).toMatch(/^Diện tích rừng trồng mới lũy kế 4 tháng đạt 4\.289,17 ha, đạt 47,6%\.$/);
  });

  it('refuses at publishing a pattern naming an unknown indicator or placeholder, every one, writing nothing', async () => {
    const saved = await t.http().put(`/api/report-template-drafts/${draft.id}`).set(await auth())
      .send({ version: draft.version, sections: [{ id: 'II.1.1', statements: [{ sentence: 'Đàn bò có {cattle.value}, {forest.total}, {forest.cumulative:big}, {quarterly}.' }] }] }).expect(200);
    draft = saved.body;
    const before = await counts();
    const res = await t.http().post(`/api/report-template-drafts/${draft.id}/publish`).set(await auth()).send({ version: draft.version }).expect(422);
    expect(res.body.code).toBe('TEMPLATE_INVALID');
    expect(res.body.details.map((d: { code: string }) => d.code)).toEqual([
      'TEMPLATE_UNKNOWN_INDICATOR', 'TEMPLATE_UNKNOWN_PLACEHOLDER', 'TEMPLATE_UNKNOWN_PLACEHOLDER', 'TEMPLATE_UNKNOWN_PLACEHOLDER',
    ]);
    expect(res.body.details[0].message).toContain('cattle');
    expect(await counts()).toEqual(before);
    const unknownSection = await t.http().put(`/api/report-template-drafts/${draft.id}`).set(await auth())
      .send({ version: draft.version, sections: [{ id: 'IX', statements: [] }] }).expect(400);
    expect(unknownSection.body.code).toBe('TEMPLATE_UNKNOWN_SECTION');
  });

  it('publishes a good version as the template’s next, which consolidation then uses', async () => {
    draft = (await t.http().put(`/api/report-template-drafts/${draft.id}`).set(await auth())
      .send({ version: draft.version, sections: [{ id: 'II.1.1', statements: [{ sentence: 'Trồng rừng mới được {cumulative}, {plan}.' }] }] }).expect(200)).body;
    const res = await t.http().post(`/api/report-template-drafts/${draft.id}/publish`).set(await auth()).send({ version: draft.version }).expect(201);
    expect(res.body).toMatchObject({ code: 'TEST-BC', version: 2 });
    const [row] = await t.db.query(`SELECT body FROM report_templates WHERE code = 'TEST-BC' AND version = 2`);
    expect(row.body.sections[0].statements[0].sentence).toBe('Trồng rừng mới được {cumulative}, {plan}.');
    expect(row.body.version).toBe(2);
    const [april] = await t.db.query(`SELECT id FROM periods WHERE type = 'month' AND year = 2024 AND number = 4`);
    expect(await findReportTemplateIdForPeriod(t.db, april.id)).toBe(res.body.templateId);
    const [audit] = await t.db.query(`SELECT action FROM audit_log WHERE entity_type = 'report_template'`);
    expect(audit.action).toBe('report_template.published');
    await t.http().get(`/api/report-template-drafts/${draft.id}`).set(await auth()).expect(404);
  });
});
