import type { DecimalString } from '@app/contracts';
import { Dec, dec, decimalText, ErrorDetail, FigureValue, fitsDouble, formatNumber, parseCell, parseCumulative } from '@app/domain';
import ExcelJS from 'exceljs';
import type { SubmissionView } from '@app/contracts';
import type { CellState, CellText, Edits, RowModel } from '../officer/form-model';

/**
 * The form as an Excel file laid out like the screen (officers live in Excel): sections, indicators,
 * units, the reference figures, the cells to fill, and the indicator code in column A, by which the
 * file is read back. Only the white cells are read: this month, the cumulative where it is typed,
 * the note.
 */
export const HEADER = ['Mã chỉ tiêu', 'Chỉ tiêu', 'ĐVT', 'Tháng trước', 'Cùng kỳ năm trước', 'Kế hoạch năm', 'Thực hiện tháng', 'Lũy kế', '% KH', 'So cùng kỳ (%)', 'Ghi chú'];
const COL = { code: 1, name: 2, unit: 3, lastMonth: 4, samePeriod: 5, plan: 6, value: 7, cumulative: 8, planPct: 9, samePeriodPct: 10, note: 11 };
const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F3F6' } } as const;
const SECTION = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F2' } } as const;
const HEAD = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF13315C' } } as const;
const thin = { style: 'thin', color: { argb: 'FFC9D1DC' } } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * A figure as an exact cell: a number cell when a double holds it exactly (nearly always), else a
 * text cell in the Vietnamese form ("123.456.789.012.345,123456"), which Excel shows as written
 * and `readWorkbook` parses back exactly, as it would a typed figure.
 */
export function figureCell(value: FigureValue | DecimalString | null | undefined): number | string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : decimalText(value);
  return fitsDouble(text) ? Number(text) : formatNumber(text);
}

/** A percentage as the sheet shows it, rounded once here (the cell's format shows one decimal). */
const percentCell = (pct: Dec | null | undefined) => (pct ? figureCell(pct.toDecimalPlaces(1, Dec.ROUND_HALF_UP)) : null);

export async function buildWorkbook(view: SubmissionView, rows: RowModel[], states: ReadonlyMap<string, CellState>, title: string): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tổng hợp';
  const ws = wb.addWorksheet(view.unitCode, { views: [{ state: 'frozen', ySplit: 5, xSplit: 2 }] });
  ws.columns = [10, 56, 10, 14, 14, 14, 16, 14, 9, 12, 30].map((width) => ({ width }));
  ws.getColumn(COL.code).font = { color: { argb: 'FF8A94A6' }, size: 9 };
  ws.mergeCells(1, 1, 1, 11);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(2, 1, 2, 11);
  ws.getCell(2, 1).value = `Đơn vị: ${view.unitName} (${view.unitCode}) — hạn nộp ${view.period.deadline.split('-').reverse().join('/')}`;
  ws.mergeCells(3, 1, 3, 11);
  ws.getCell(3, 1).value = 'Nhập vào các ô trắng (Thực hiện tháng, Lũy kế nếu có ô trắng, Ghi chú) rồi dùng "Nhập từ Excel". Không sửa cột Mã chỉ tiêu.';
  ws.getCell(3, 1).font = { italic: true, color: { argb: 'FF5B6576' } };
  const head = ws.getRow(5);
  head.values = HEADER;
  head.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.height = 30;
  head.eachCell((c) => ((c.fill = HEAD), (c.border = BORDER)));

  let r = 6;
  for (const section of view.sections) {
    const members = rows.filter((row) => row.view.sectionCode === section.code);
    if (members.length === 0) continue;
    ws.mergeCells(r, 2, r, 11);
    ws.getCell(r, 2).value = `${section.reportSection ?? ''}  ${section.title}`.trim();
    ws.getRow(r).font = { bold: true };
    for (let c = 1; c <= 11; c++) ws.getCell(r, c).fill = SECTION;
    r++;
    for (const row of members) {
      const s = states.get(row.code)!;
      const v = row.view;
      const line = ws.getRow(r);
      line.getCell(COL.code).value = v.indicatorCode;
      line.getCell(COL.name).value = `${row.depth ? '    – trong đó: ' : ''}${v.name}${v.required ? ' *' : ''}`;
      line.getCell(COL.unit).value = v.unit ?? '';
      line.getCell(COL.note).value = s.text.note;
      if (v.kind === 'text') {
        ws.mergeCells(r, COL.value, r, COL.samePeriodPct);
        line.getCell(COL.value).value = s.text.value;
        line.getCell(COL.value).alignment = { wrapText: true, vertical: 'top' };
        line.height = Math.min(120, 15 * Math.max(2, Math.ceil(s.text.value.length / 90)));
      } else {
        const d = s.derived;
        line.getCell(COL.lastMonth).value = figureCell(v.derived?.lastMonth);
        line.getCell(COL.samePeriod).value = figureCell(d?.samePeriodBase);
        line.getCell(COL.plan).value = figureCell(row.plan);
        line.getCell(COL.value).value = s.cell?.numeric ? figureCell(s.cell.numeric) : s.text.value || null;
        line.getCell(COL.cumulative).value = row.needsCumulative ? figureCell(s.cell?.enteredCumulative) : v.rule.hasCumulative ? figureCell(d?.cumulative) : null;
        line.getCell(COL.planPct).value = v.rule.hasPlan ? percentCell(d?.planPct) : null;
        line.getCell(COL.samePeriodPct).value = v.rule.hasSamePeriod ? percentCell(d?.samePeriodChangePct) : null;
        for (let c = COL.lastMonth; c <= COL.samePeriodPct; c++) {
          const cell = line.getCell(c);
          cell.numFmt = c >= COL.planPct ? '0.0' : '#,##0.######';
          if (typeof cell.value === 'string') cell.alignment = { horizontal: 'right' };
        }
      }
      for (let c = 1; c <= 11; c++) {
        const cell = line.getCell(c);
        cell.border = BORDER;
        const input = c === COL.value || c === COL.note || (c === COL.cumulative && row.needsCumulative);
        if (!input && c > COL.unit) cell.fill = GREY;
        cell.protection = { locked: !input };
      }
      r++;
    }
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

export interface ImportResult {
  /** the cells that differ from what the form holds now */
  edits: Edits;
  /** read: rows of the file whose code is in the form */
  read: number;
  errors: Array<ErrorDetail & { cell: string }>;
}

/** A cell as the officer meant it, in the text form the screen and the parser use. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(dec(value)); // "47,393": never misread as 47393
  if (typeof value === 'string') return value;
  if (value instanceof Date) return '#date';
  if (typeof value === 'object' && 'result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(value);
}

export async function readWorkbook(data: ArrayBuffer, rows: RowModel[], current: Record<string, CellText>): Promise<ImportResult | null> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const ws = wb.worksheets[0];
  if (!ws) return null;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const edits: Edits = {};
  const errors: ImportResult['errors'] = [];
  let read = 0;
  ws.eachRow((line, number) => {
    const row = byCode.get(cellText(line.getCell(COL.code).value).trim());
    if (!row) return;
    read++;
    const now = current[row.code];
    const value = cellText(line.getCell(COL.value).value).trim();
    const note = cellText(line.getCell(COL.note).value);
    const edit: Partial<CellText> = {};
    const parsed = parseCell(row.rule, value === '#date' ? 'ngày tháng' : value);
    if (!parsed.ok) errors.push({ ...parsed.error, cell: `G${number}` });
    else if (row.rule.kind === 'text' ? value !== now.value.trim() : !sameValue(value, now.value)) edit.value = value;
    if (note !== now.note) edit.note = note;
    if (row.needsCumulative) {
      const cumulative = cellText(line.getCell(COL.cumulative).value).trim();
      const c = parseCumulative(row.rule, cumulative);
      if (!c.ok) errors.push({ ...c.error, cell: `H${number}` });
      else if (!sameValue(cumulative, now.cumulative)) edit.cumulative = cumulative;
    }
    if (Object.keys(edit).length > 0) edits[row.code] = edit;
  });
  return read === 0 ? null : { edits: errors.length ? {} : edits, read, errors };
}

function sameValue(a: string, b: string): boolean {
  const rule = { code: '', name: '', kind: 'number' as const, required: false, min: null, max: null, integerOnly: false, parentCode: null };
  const pa = parseCell(rule, a);
  const pb = parseCell(rule, b);
  if (!pa.ok || !pb.ok) return a === b;
  return pa.numeric === null ? pb.numeric === null : pb.numeric !== null && pa.numeric.eq(pb.numeric);
}
