import type { PlanLineInput } from '@app/domain';
import { DomainError } from '@app/domain';
import ExcelJS from 'exceljs';

/**
 * The documented layout of a plan workbook (README, "Kế hoạch năm"): the first sheet, a header row,
 * then one line a row — A mã chỉ tiêu, B tên chỉ tiêu (for the reader, not read), C kế hoạch,
 * D áp dụng từ ngày (empty: the year target; a date: a revision from that day), E văn bản điều chỉnh.
 */
export const PLAN_COLUMNS = ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch', 'Áp dụng từ ngày', 'Văn bản điều chỉnh'] as const;

export async function readPlanWorkbook(data: Buffer): Promise<PlanLineInput[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw unreadable('Tệp không phải là bảng tính Excel (.xlsx) đọc được.');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw unreadable('Tệp không có trang tính nào.');
  const header = [1, 2, 3, 4, 5].map((c) => text(sheet.getRow(1).getCell(c).value));
  if (header[0].toLowerCase() !== PLAN_COLUMNS[0].toLowerCase() || header[2].toLowerCase() !== PLAN_COLUMNS[2].toLowerCase()) {
    throw unreadable(`Dòng 1 phải là tiêu đề: ${PLAN_COLUMNS.join(' | ')}.`);
  }
  const lines: PlanLineInput[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const code = text(row.getCell(1).value);
    const target = row.getCell(3).value;
    if (!code && (target === null || target === undefined || target === '')) return; // an empty row
    const from = row.getCell(4).value;
    lines.push({
      row: number,
      indicatorCode: code,
      target: typeof target === 'number' ? target : text(target),
      effectiveFrom: from === null || from === undefined || from === '' ? null : dateText(from),
      decision: text(row.getCell(5).value) || null,
    });
  });
  if (lines.length === 0) throw unreadable('Tệp không có dòng kế hoạch nào (từ dòng 2).');
  return lines;
}

function unreadable(message: string): DomainError {
  return new DomainError('PLAN_FILE_UNREADABLE', message);
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  if (v instanceof Date) return dateText(v);
  return String(v).trim();
}

/** A date cell (Excel keeps it as a UTC midnight) or a typed "dd/mm/yyyy" or "yyyy-mm-dd". */
function dateText(v: ExcelJS.CellValue): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(typeof v === 'object' && v !== null && 'result' in v ? v.result : v).trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return vn ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}` : s;
}
