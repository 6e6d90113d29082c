import ExcelJS from 'exceljs';
import type { AuditRow, SubmissionView, ValueView } from '../../libs/contracts/src';
import { dec, decimalText, percentOf } from '../../libs/domain/src';
import { buildWorkbook, readWorkbook } from '../../apps/web/src/excel/form-workbook';
import { baseText, buildRows, CellState, cellState, CellText, saveItems } from '../../apps/web/src/officer/form-model';
import { startTestApp, TestApp } from '../support/test-app';

/** 21 significant digits: a double would make 123456789012345.12 of it. */
const BIG = '123456789012345.123456';
const BIGGER = '987654321098765.654321';

/** Every figure of a value view: the figure, the typed cumulative, the derived ones, the basis, the bounds. */
function figuresOf(v: ValueView): unknown[] {
  if (v.kind === 'text') return [];
  const basis = v.basis ? [...v.basis.earlier, ...v.basis.lastYear].flatMap((f) => [f.value, f.enteredCumulative]).concat(v.basis.plan) : [];
  const derived = v.derived ? [v.derived.cumulative, v.derived.computedCumulative, v.derived.planPct, v.derived.samePeriodChangePct, v.derived.samePeriodRatioPct, v.derived.samePeriodBase, v.derived.lastMonth, v.derived.plan] : [];
  return [v.value, v.cumulativeEntered, v.rule.min, v.rule.max, ...derived, ...basis];
}

/**
 * A figure beyond a double's 15–17 digits keeps every digit through the whole path an officer's
 * figure takes: save, the submission view, the audit, the web's Excel export and import, and the
 * save that follows the import.
 */
describe('exact figures end to end (HTTP, real Postgres, the web’s workbook module)', () => {
  let t: TestApp;
  let id: string;
  const auth = async (user: string) => ({ Authorization: `Bearer ${await t.token(user)}` });
  const view = async (): Promise<SubmissionView> => (await t.http().get(`/api/submissions/${id}`).set(await auth('officer-sa')).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp('exact');
    const period = await t.http().post('/api/periods').set(await auth('admin')).send({ type: 'month', year: 2024, number: 5 }).expect(201);
    const list = await t.http().get(`/api/submissions?periodId=${period.body.id}`).set(await auth('officer-sa')).expect(200);
    id = list.body[0].id;
  });
  afterAll(() => t.close());

  it('saves 123456789012345.123456 and serves it, and every figure derived from it, as exact decimal strings', async () => {
    const before = await view();
    await t.http().put(`/api/submissions/${id}/values`).set(await auth('officer-sa'))
      .send({ version: before.version, values: [{ indicatorCode: 'forest', value: BIG }, { indicatorCode: 'sown', value: '47.393' }] })
      .expect(200);
    const [stored] = await t.db.query(`SELECT numeric_value::text AS v FROM submission_values WHERE submission_id = $1 AND indicator_code = 'forest'`, [id]);
    expect(stored.v).toBe('123456789012345.123456');

    const after = await view();
    const forest = after.values.find((v) => v.indicatorCode === 'forest')!;
    expect(forest.value).toBe(BIG);
    // 1200 + 1100.17 + 1000 + 989 approved earlier this year
    const cumulative = dec(BIG).plus('4289.17');
    expect(forest.derived).toMatchObject({ cumulative: '123456789016634.293456', computedCumulative: '123456789016634.293456', lastMonth: '989', plan: '9009' });
    expect(forest.derived!.planPct).toBe(decimalText(percentOf(cumulative, dec(9009))!));
    expect(after.values.find((v) => v.indicatorCode === 'sown')!.value).toBe('47393');
    const figures = after.values.flatMap(figuresOf);
    expect(figures.length).toBeGreaterThan(20);
    for (const f of figures) expect(f === null || (typeof f === 'string' && /^-?\d+(\.\d*[1-9])?$/.test(f))).toBe(true);

    const audit: AuditRow[] = (await t.http().get(`/api/submissions/${id}/audit`).set(await auth('officer-sa')).expect(200)).body;
    expect(audit.at(-1)!.after).toMatchObject({ values: { forest: BIG, sown: '47393' } });
  });

  it('exports it to Excel and imports it back exactly, and an imported figure of the same size saves exactly', async () => {
    const current = await view();
    const rows = buildRows(current);
    const bases: Record<string, CellText> = Object.fromEntries(rows.map((r) => [r.code, baseText(r.view)]));
    const states = (edits: Record<string, Partial<CellText>>) =>
      new Map<string, CellState>(rows.map((r) => [r.code, cellState(r, bases[r.code], edits[r.code])]));
    expect(bases.forest.value).toBe('123.456.789.012.345,123456');

    const file = await buildWorkbook(current, rows, states({}), 'Tháng 5/2024');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file);
    const ws = wb.worksheets[0];
    let line = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'forest') line = n;
    });
    // too many digits for a number cell: text, in the form an officer reads and types
    expect(ws.getCell(`G${line}`).value).toBe('123.456.789.012.345,123456');
    expect(ws.getCell(`H${line}`).value).toBe('123.456.789.016.634,293456');
    expect(await readWorkbook(file, rows, bases)).toEqual({ edits: {}, read: rows.length, errors: [] });

    ws.getCell(`G${line}`).value = '987.654.321.098.765,654321';
    const imported = await readWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer, rows, bases);
    expect(imported!.errors).toEqual([]);
    expect(imported!.edits).toEqual({ forest: { value: '987.654.321.098.765,654321' } });

    const { items } = saveItems(rows, bases, states(imported!.edits));
    await t.http().put(`/api/submissions/${id}/values`).set(await auth('officer-sa')).send({ version: current.version, values: items }).expect(200);
    const saved = await view();
    expect(saved.values.find((v) => v.indicatorCode === 'forest')!.value).toBe(BIGGER);
    const audit: AuditRow[] = (await t.http().get(`/api/submissions/${id}/audit`).set(await auth('officer-sa')).expect(200)).body;
    expect(audit.at(-1)).toMatchObject({ before: { values: { forest: BIG } }, after: { values: { forest: BIGGER } } });
  });

  it('says so in OpenAPI: figures are strings', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    const schemas = doc.components.schemas;
    expect(schemas.ValueViewDto.properties.value).toMatchObject({ type: 'string', example: '710.83', description: expect.stringContaining('decimal string') });
    expect(schemas.DerivedViewDto.properties.planPct).toMatchObject({ type: 'string', nullable: true });
    expect(schemas.FigureSourceDto.properties.value).toMatchObject({ type: 'string' });
    expect(doc.paths['/api/submissions/{id}'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/SubmissionViewDto' });
  });
});

