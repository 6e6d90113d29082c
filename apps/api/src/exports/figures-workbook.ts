import type { FigureExportRow } from '@app/contracts';
import { fitsDouble } from '@app/domain';
import ExcelJS from 'exceljs';
import { LONG_COLUMNS, longRow } from './figures-csv';

const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF13315C' } } as const;
const FIGURE_COLUMNS = new Set<string>(['value', 'cumulative', 'plan_pct', 'same_period_pct']);
const UNIT_HEADER = ['Mã chỉ tiêu', 'Chỉ tiêu', 'ĐVT', 'Thực hiện tháng', 'Lũy kế', '% kế hoạch', 'So cùng kỳ (%)', 'Kiểu so cùng kỳ'];

/** A figure as an exact cell: a number where a double holds it exactly, else its decimal text. */
export function exactCell(value: string | null): number | string | null {
  if (value === null) return null;
  return fitsDouble(value) ? Number(value) : value;
}

function header(ws: ExcelJS.Worksheet, values: readonly string[]): void {
  const row = ws.getRow(1);
  row.values = [...values];
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.eachCell((c) => (c.fill = HEAD_FILL));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * A period's approved figures as a workbook: the long table first ("Du_lieu", one row per figure,
 * the CSV's columns), then one sheet per unit laid out for reading. Figures are exact cells.
 */
export async function figuresWorkbook(title: string, rows: FigureExportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tổng hợp';
  wb.title = title;
  const long = wb.addWorksheet('Du_lieu');
  header(long, LONG_COLUMNS);
  long.columns = LONG_COLUMNS.map((c) => ({ key: c, width: c.endsWith('name') ? 40 : 14 }));
  for (const r of rows) long.addRow(longRow(r).map((v, i) => (FIGURE_COLUMNS.has(LONG_COLUMNS[i]) ? exactCell(v) : v)));

  const byUnit = new Map<string, FigureExportRow[]>();
  for (const r of rows) byUnit.set(r.unitCode, [...(byUnit.get(r.unitCode) ?? []), r]);
  for (const [unit, list] of byUnit) {
    const ws = wb.addWorksheet(unit.slice(0, 31));
    header(ws, UNIT_HEADER);
    ws.columns = [16, 56, 12, 16, 16, 12, 14, 14].map((width) => ({ width }));
    for (const r of list) {
      ws.addRow([r.indicatorCode, r.indicatorName, r.unitOfMeasure, exactCell(r.value), exactCell(r.cumulative), exactCell(r.planPct), exactCell(r.samePeriodPct), r.samePeriodStyle]);
    }
    ws.getColumn(6).numFmt = '0.0';
    ws.getColumn(7).numFmt = '0.0';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
