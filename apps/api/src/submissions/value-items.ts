import { ErrorDetail } from '@app/domain';

export interface ValueItem {
  indicatorCode: string;
  value: unknown;
  cumulative?: unknown;
  note?: string | null;
}

const ALLOWED = new Set(['indicatorCode', 'value', 'cumulative', 'note']);

/**
 * The shape of each `values[i]` of a save, checked by hand on the hot path (the rules are those a
 * nested DTO would state: known fields only, a code of 1–200 characters, a note of ≤ 4000).
 */
export function readValueItems(raw: unknown[]): { items: ValueItem[]; errors: ErrorDetail[] } {
  const items: ValueItem[] = [];
  const errors: ErrorDetail[] = [];
  const fail = (field: string, message: string) => errors.push({ field, code: 'VALIDATION_FAILED', message: `${field}: ${message}` });
  raw.forEach((item, i) => {
    const at = `values.${i}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return fail(at, 'phải là một đối tượng.');
    const o = item as Record<string, unknown>;
    const unknown = Object.keys(o).filter((k) => !ALLOWED.has(k));
    if (unknown.length > 0) return fail(`${at}.${unknown[0]}`, 'trường này không được phép.');
    if (typeof o.indicatorCode !== 'string' || o.indicatorCode.length < 1 || o.indicatorCode.length > 200) {
      return fail(`${at}.indicatorCode`, 'phải là mã chỉ tiêu (chuỗi 1–200 ký tự).');
    }
    if (!('value' in o)) return fail(`${at}.value`, 'bắt buộc phải có (null để xóa).');
    if (o.note !== undefined && o.note !== null && (typeof o.note !== 'string' || o.note.length > 4000)) {
      return fail(`${at}.note`, 'phải là chuỗi ký tự, tối đa 4000 ký tự.');
    }
    items.push({ indicatorCode: o.indicatorCode, value: o.value, cumulative: o.cumulative, note: o.note as string | null | undefined });
  });
  return { items, errors };
}
