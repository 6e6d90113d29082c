import ExcelJS from 'exceljs';
import type { SubmissionView, ValueView } from '@app/contracts';
import { baseText, buildRows, cellState, CellState } from '../officer/form-model';
import { dec } from '@app/domain';
import { buildWorkbook, figureCell, HEADER, readWorkbook } from './form-workbook';

const rule = { hasCumulative: false, hasPlan: false, hasSamePeriod: false, compareOn: 'value' as const, samePeriodStyle: 'change' as const, decimals: null, aggregation: 'to_date' as const, integerOnly: false, min: '0', max: null };
const value = (over: Partial<ValueView>): ValueView => ({
  indicatorCode: 'x', name: 'X', unit: 'ha', kind: 'number', sectionCode: 'S', parentCode: null, required: true, note: null, status: null,
  rule, value: null, cumulativeEntered: null, derived: null, basis: { earlier: [], lastYear: [], plan: null }, ...over,
});
const view: SubmissionView = {
  id: 's', unitId: 'u', unitCode: 'SNN', unitName: 'Sở Nông nghiệp và Phát triển nông thôn', periodId: 'p',
  period: { type: 'month', year: 2024, number: 5, deadline: '2024-05-16' },
  deadline: '2024-05-16',
  extension: null,
  fromMonths: null,
  monthStates: null, figureRevisions: [],
  state: 'draft', version: 3, submittedAt: null, approvedAt: null,
  sections: [{ code: 'S', title: 'Sản xuất nông, lâm nghiệp', reportSection: 'II.1.1' }],
  values: [
    value({ indicatorCode: 'forest', name: 'Trồng rừng mới', value: '710.83', rule: { ...rule, hasCumulative: true, hasPlan: true, compareOn: 'cumulative' },
      basis: { earlier: [1, 2, 3, 4].map((p) => ({ period: p, value: '1000', enteredCumulative: null })), lastYear: [], plan: '9009' } }),
    value({ indicatorCode: 'sown', name: 'Diện tích gieo trồng', value: '47.393' }),
    value({ indicatorCode: 'fish', name: 'Sản lượng thủy sản', rule: { ...rule, hasCumulative: true } }),
    value({ indicatorCode: 'story', name: 'Tình hình nổi bật', kind: 'text', required: false, value: 'Mưa đá ở Văn Lãng.' }),
  ],
  problems: [], reviews: [],
};

describe('the form as an Excel file', () => {
  const rows = buildRows(view);
  const bases = Object.fromEntries(rows.map((r) => [r.code, baseText(r.view)]));
  const states = new Map<string, CellState>(rows.map((r) => [r.code, cellState(r, bases[r.code], undefined)]));

  async function exported() {
    const buffer = await buildWorkbook(view, rows, states, 'Tháng 5/2024');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer);
    return wb;
  }

  it('lays the form out like the screen: header, section, indicators with units, figures as numbers', async () => {
    const ws = (await exported()).worksheets[0];
    expect(ws.getRow(5).values).toEqual([undefined, ...HEADER]);
    expect(ws.getCell('B6').value).toBe('II.1.1  Sản xuất nông, lâm nghiệp');
    expect([ws.getCell('A7').value, ws.getCell('B7').value, ws.getCell('C7').value, ws.getCell('G7').value]).toEqual(['forest', 'Trồng rừng mới *', 'ha', 710.83]);
    expect(ws.getCell('H7').value).toBe(4710.83); // the cumulative, computed
    expect(ws.getCell('I7').value).toBe(52.3);
    expect(ws.getCell('G8').value).toBe(47.393);
    expect(ws.getCell('G10').value).toBe('Mưa đá ở Văn Lãng.');
  });

  it('reads an untouched file back as no change', async () => {
    const wb = await exported();
    const result = await readWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer, rows, bases);
    expect(result).toEqual({ edits: {}, read: 4, errors: [] });
  });

  it('reads the officer’s figures, typed as numbers or Vietnamese text, and the typed cumulative', async () => {
    const wb = await exported();
    const ws = wb.worksheets[0];
    ws.getCell('G7').value = 800;
    ws.getCell('G8').value = '1.234,5';
    ws.getCell('G9').value = 12.5;
    ws.getCell('H9').value = 47.393;
    ws.getCell('K9').value = 'ước tính';
    const result = await readWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer, rows, bases);
    expect(result!.errors).toEqual([]);
    expect(result!.edits).toEqual({
      forest: { value: '800' },
      sown: { value: '1.234,5' },
      fish: { value: '12,5', note: 'ước tính', cumulative: '47,393' },
    });
  });

  it('refuses the whole file when a cell is not a figure, naming the cell and the code', async () => {
    const wb = await exported();
    wb.worksheets[0].getCell('G8').value = 'khoảng 50';
    const result = await readWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer, rows, bases);
    expect(result!.edits).toEqual({});
    expect(result!.errors).toEqual([expect.objectContaining({ cell: 'G8', indicatorCode: 'sown', code: 'INVALID_NUMBER' })]);
  });

  it('does not take a file of another form', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').getCell('A1').value = 'khác';
    expect(await readWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer, rows, bases)).toBeNull();
  });

  it('writes a figure a double cannot hold as text, and reads it back exactly', async () => {
    const big = '123456789012345.123456';
    const bigView: SubmissionView = { ...view, values: [value({ indicatorCode: 'big', value: big, rule: { ...rule, hasCumulative: true }, cumulativeEntered: big, basis: { earlier: [], lastYear: [], plan: null } })] };
    const bigRows = buildRows(bigView);
    const bigBases = Object.fromEntries(bigRows.map((r) => [r.code, baseText(r.view)]));
    const bigStates = new Map<string, CellState>(bigRows.map((r) => [r.code, cellState(r, bigBases[r.code], undefined)]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await buildWorkbook(bigView, bigRows, bigStates, 'Tháng 5/2024'));
    const ws = wb.worksheets[0];
    expect(ws.getCell('G7').value).toBe('123.456.789.012.345,123456');
    expect(ws.getCell('H7').value).toBe('123.456.789.012.345,123456');
    expect(await readWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer, bigRows, bigBases)).toEqual({ edits: {}, read: 1, errors: [] });
    ws.getCell('G7').value = '123.456.789.012.345,123457';
    const result = await readWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer, bigRows, bigBases);
    expect(result!.edits).toEqual({ big: { value: '123.456.789.012.345,123457' } });
    expect(bigStates.get('big')!.cell!.numeric!.toFixed()).toBe(big);
  });
});

describe('a figure as an Excel cell', () => {
  it('is a number where a double holds it exactly, else Vietnamese text', () => {
    expect(figureCell('710.83')).toBe(710.83);
    expect(figureCell(dec('47.393'))).toBe(47.393);
    expect(figureCell('123456789012345.123456')).toBe('123.456.789.012.345,123456');
    expect(figureCell('0.0000001')).toBe('0,0000001');
    expect(figureCell(null)).toBeNull();
  });
});
