import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExchange } from '../../apps/cli/src/exchange-command';
import type { ExchangeDocument } from '../../libs/contracts/src';
import { DemoApp, startDemoApp } from '../support/demo-app';
import { testConfig } from '../support/test-config';

const FOREST = 'new_forest_planted';
const UNITS = ['SNN', 'CTK', 'SCT'];
const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'config', 'exchange', 'period-figures.v1.schema.json'), 'utf8'));

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF), so the test does not trust the writer. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('figures that leave the system: exports and the exchange document', () => {
  let t: DemoApp;
  let stored: Map<string, string>;
  beforeAll(async () => {
    t = await startDemoApp('exports', ['SNN', 'SCT']);
    // a figure no double holds: it must leave the system digit for digit
    await t.approve('CTK', { retail_sales: '123456789012345,123456' }, { retail_sales: 'estimate' });
    // what the database holds, exact: numeric(24,6) printed without trailing zeros
    const rows: Array<{ unit: string; code: string; value: string }> = await t.db.query(
      `SELECT u.code AS unit, v.indicator_code AS code, trim_scale(v.numeric_value)::text AS value
         FROM submissions s JOIN reporting_units u ON u.id = s.unit_id JOIN submission_values v ON v.submission_id = s.id
        WHERE s.period_id = $1 AND s.state = 'approved' AND v.numeric_value IS NOT NULL`,
      [t.periodId],
    );
    stored = new Map(rows.map((r) => [`${r.unit}/${r.code}`, r.value]));
  }, 120_000);
  afterAll(() => t.close());

  const download = async (username: string, path: string, status = 200) => {
    const res = await t.http().get(path).set('Authorization', `Bearer ${await t.token(username)}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(status);
    return { data: res.body as Buffer, headers: res.headers };
  };

  it('exports the period as CSV: every approved figure, exact, with the derived figures of the submission view', async () => {
    const { data, headers } = await download('reviewer', `/api/periods/${t.periodId}/export.csv`);
    expect(headers['content-type']).toMatch(/text\/csv/);
    const [header, ...rows] = parseCsv(data.toString('utf8'));
    expect(header).toEqual(['period', 'unit_code', 'unit_name', 'indicator_code', 'indicator_name', 'unit_of_measure', 'value', 'cumulative', 'plan_pct', 'same_period_pct', 'same_period_style', 'submission_id', 'value_status']);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(UNITS));
    const read = new Map(rows.map((r) => [`${r[1]}/${r[3]}`, r[6]]));
    expect(read).toEqual(stored);
    expect(read.get('CTK/retail_sales')).toBe('123456789012345.123456');
    // the figure marked an estimate says so; one not marked has an empty status
    expect(rows.find((r) => r[1] === 'CTK' && r[3] === 'retail_sales')![12]).toBe('estimate');
    expect(rows.find((r) => r[3] === FOREST)![12]).toBe('');
    const forest = rows.find((r) => r[3] === FOREST)!;
    expect(forest.slice(0, 9)).toEqual(['2024-05', 'SNN', expect.any(String), FOREST, 'Trồng rừng mới', 'ha', '710.83', '5000', expect.stringMatching(/^55\.49/)]);
  });

  it('exports the period as XLSX that exceljs opens: the long table holds every approved figure, one sheet per unit', async () => {
    const { data } = await download('signer', `/api/periods/${t.periodId}/export.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Du_lieu', ...UNITS.slice().sort()]);
    const read = new Map<string, string>();
    wb.getWorksheet('Du_lieu')!.eachRow((row, n) => {
      if (n === 1) return;
      const value = row.getCell(7).value;
      read.set(`${row.getCell(2).value}/${row.getCell(4).value}`, typeof value === 'number' ? String(value) : String(value));
    });
    expect(read).toEqual(stored);
    expect(read.get('CTK/retail_sales')).toBe('123456789012345.123456');
    let units = 0;
    for (const unit of UNITS) units += wb.getWorksheet(unit)!.rowCount - 1;
    expect(units).toBe(stored.size);
  });

  it('gives an officer their own unit only, and their unit’s history month by month', async () => {
    const { data } = await download('officer-snn', `/api/periods/${t.periodId}/export.csv`);
    expect(new Set(parseCsv(data.toString('utf8')).slice(1).map((r) => r[1]))).toEqual(new Set(['SNN']));
    const history = parseCsv((await download('officer-snn', '/api/me/history.csv?from=2023-01&to=2024-05')).data.toString('utf8'));
    const forest = history.filter((r) => r[3] === FOREST);
    expect(forest).toHaveLength(17);
    expect(forest[16].slice(6, 8)).toEqual(['710.83', '5000']);
    await download('reviewer', '/api/me/history.csv?from=2023-01&to=2024-05', 403);
  });

  it('produces the exchange document, valid against its schema; a correction after approval makes a new version that says what changed', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const first = await download('admin', `/api/periods/${t.periodId}/exchange.json`);
    const v1 = JSON.parse(first.data.toString('utf8')) as ExchangeDocument;
    expect(validate(v1) ? [] : validate.errors).toEqual([]);
    expect(v1).toMatchObject({ version: 1, previous: null, changes: [], documentId: '20-2024-05-v1', period: { code: '2024-05' } });
    expect(v1.figures).toHaveLength(stored.size);
    expect(v1.figures.find((f) => f.indicatorCode === FOREST)).toMatchObject({ value: '710.83', cumulative: '5000', reportingUnit: { code: 'SNN' } });
    // nothing changed: the same version, byte for byte
    const again = await download('admin', `/api/periods/${t.periodId}/exchange.json`);
    expect(again.data.equals(first.data)).toBe(true);
    expect(again.headers['x-content-sha256']).toBe(first.headers['x-content-sha256']);

    // đính chính: the administrator reopens SNN's approved submission, the unit corrects the figure, the office approves again
    const snn = t.submissions.get('SNN')!;
    const admin = await t.token('admin');
    const { version } = await t.api.call<{ version: number }>(admin, 'GET', `/submissions/${snn}`);
    await t.api.call(admin, 'POST', `/submissions/${snn}/reopen`, { version, reason: 'Sở NN&PTNT báo cáo lại diện tích trồng rừng' });
    await t.approve('SNN', { [FOREST]: '712,5' });

    const second = await download('admin', `/api/periods/${t.periodId}/exchange.json`);
    const v2 = JSON.parse(second.data.toString('utf8')) as ExchangeDocument;
    expect(validate(v2) ? [] : validate.errors).toEqual([]);
    expect(v2).toMatchObject({ version: 2, documentId: '20-2024-05-v2', previous: { version: 1, sha256: first.headers['x-content-sha256'] } });
    expect(v2.changes).toEqual([
      {
        kind: 'changed', reportingUnit: 'SNN', indicatorCode: FOREST,
        before: expect.objectContaining({ value: '710.83', cumulative: '5000' }),
        after: expect.objectContaining({ value: '712.5', cumulative: '5001.67' }),
      },
    ]);
    // the first version stays as it was sent
    const old = await download('admin', `/api/periods/${t.periodId}/exchange.json?version=1`);
    expect(old.data.equals(first.data)).toBe(true);
    await download('reviewer', `/api/periods/${t.periodId}/exchange.json`, 403);

    // the command gives the same document (no figure changed since: no new version)
    const dir = mkdtempSync(join(tmpdir(), 'exchange-'));
    const saved = process.env.DATABASE_URL;
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      process.env.DATABASE_URL = t.databaseUrl;
      await runExchange(testConfig(), '2024-05', join(dir, 'v.json'));
      expect(readFileSync(join(dir, 'v.json')).equals(second.data)).toBe(true);
      expect(log.mock.calls[0][0]).toMatch(/phiên bản 2, SHA-256 [0-9a-f]{64}/);
    } finally {
      process.env.DATABASE_URL = saved;
      log.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
