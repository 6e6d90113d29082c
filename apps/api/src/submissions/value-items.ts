import { ErrorDetail, isValueStatus, ValueStatus, VALUE_STATUSES } from '@app/domain';

export interface ValueItem {
  indicatorCode: string;
  value: unknown;
  cumulative?: unknown;
  note?: string | null;
  /** ước / sơ bộ / chính thức; null clears it; absent leaves it as it was */
  status?: ValueStatus | null;
}

const ALLOWED = new Set(['indicatorCode', 'value', 'cumulative', 'note', 'status']);

/** The limits of one item, stated once: checked here, published in the OpenAPI document by ValueInputDto. */
export const VALUE_ITEM_LIMITS = { codeMin: 1, codeMax: 200, noteMax: 4000 } as const;

/**
 * The shape of each `values[i]` of a save: the one check of it (ValueInputDto only describes it).
 * By hand on the hot path, since 50 nested class validations cost more than the save: known fields
 * only, an indicator code of 1–200 characters, `value` present, a note of at most 4000.
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
    const code = o.indicatorCode;
    if (typeof code !== 'string' || code.length < VALUE_ITEM_LIMITS.codeMin || code.length > VALUE_ITEM_LIMITS.codeMax) {
      return fail(`${at}.indicatorCode`, `phải là mã chỉ tiêu (chuỗi ${VALUE_ITEM_LIMITS.codeMin}–${VALUE_ITEM_LIMITS.codeMax} ký tự).`);
    }
    if (!('value' in o)) return fail(`${at}.value`, 'bắt buộc phải có (null để xóa).');
    if (o.note !== undefined && o.note !== null && (typeof o.note !== 'string' || o.note.length > VALUE_ITEM_LIMITS.noteMax)) {
      return fail(`${at}.note`, `phải là chuỗi ký tự, tối đa ${VALUE_ITEM_LIMITS.noteMax} ký tự.`);
    }
    if (o.status !== undefined && o.status !== null && !isValueStatus(o.status)) {
      return fail(`${at}.status`, `phải là một trong ${VALUE_STATUSES.join(', ')} (ước, sơ bộ, chính thức).`);
    }
    items.push({ indicatorCode: code, value: o.value, cumulative: o.cumulative, note: o.note as string | null | undefined, status: o.status as ValueStatus | null | undefined });
  });
  return { items, errors };
}
