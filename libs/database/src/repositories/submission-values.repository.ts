import { EDITABLE_STATES } from '@app/domain';
import type { DataSource } from 'typeorm';
import { poolOf } from '../driver-pool';
import { boolArray, intArray, textArray } from '../pg-array';
import { SAVE_BATCH_SQL } from './save-batch.sql';

/** One validated save: the submission, the version the client read, and its cells as columns. */
export interface ValuesSaveRequest {
  submissionId: string;
  version: number;
  actorId: string;
  codes: string[];
  nums: Array<string | null>;
  texts: Array<string | null>;
  cumSet: boolean[];
  cums: Array<string | null>;
  noteSet: boolean[];
  notes: Array<string | null>;
  /** ước / sơ bộ / chính thức where the save states it (absent: the batch leaves the stored one) */
  statusSet?: boolean[];
  statuses?: Array<string | null>;
}

/** the editable states as one array literal, encoded once: the statement refuses a save in any other state */
const EDITABLE = textArray(EDITABLE_STATES);

/**
 * The audit "after" of one save, as JSON text: {version, values, notes?, cumulative?}. Figures are
 * written as JSON number literals straight from their decimal strings, so jsonb keeps them exact.
 */
export function auditAfter(r: ValuesSaveRequest): string {
  const values: string[] = [];
  const notes: string[] = [];
  const cums: string[] = [];
  const statuses: string[] = [];
  for (let k = 0; k < r.codes.length; k++) {
    const key = JSON.stringify(r.codes[k]);
    values.push(`${key}:${r.nums[k] ?? (r.texts[k] === null ? 'null' : JSON.stringify(r.texts[k]))}`);
    if (r.noteSet[k]) notes.push(`${key}:${JSON.stringify(r.notes[k])}`);
    if (r.cumSet[k]) cums.push(`${key}:${r.cums[k] ?? 'null'}`);
    if (r.statusSet?.[k]) statuses.push(`${key}:${JSON.stringify(r.statuses![k])}`);
  }
  const parts = [`"version":${r.version + 1}`, `"values":{${values.join(',')}}`];
  if (notes.length) parts.push(`"notes":{${notes.join(',')}}`);
  if (cums.length) parts.push(`"cumulative":{${cums.join(',')}}`);
  if (statuses.length) parts.push(`"status":{${statuses.join(',')}}`);
  return `{${parts.join(',')}}`;
}

/**
 * A column that is NULL (or false) in every cell — text, cumulative and note in a save of figures —
 * goes as an empty array: the statement's `unnest` pads a shorter array with NULLs, and a NULL
 * "is set" reads as not set, so the statement sees the same rows without parsing thousands of NULLs.
 */
function sparseText(values: ReadonlyArray<string | null>): string {
  return values.every((v) => v === null) ? '{}' : textArray(values);
}

function sparseBool(values: ReadonlyArray<boolean>): string {
  return values.some((v) => v) ? boolArray(values) : '{}';
}

/**
 * Writes many saves in ONE statement and one commit of its own (never the caller's transaction):
 * the new version of each save that qualified (its version matched, its submission is editable),
 * null for each that did not. A named statement on the driver's pool: parsed once per connection.
 */
export async function saveValuesBatch(db: DataSource, requests: ValuesSaveRequest[]): Promise<Array<number | null>> {
  const cells = { idx: [] as number[], codes: [] as string[], nums: [] as Array<string | null>, texts: [] as Array<string | null>,
    cumSet: [] as boolean[], cums: [] as Array<string | null>, noteSet: [] as boolean[], notes: [] as Array<string | null>,
    statusSet: [] as boolean[], statuses: [] as Array<string | null> };
  requests.forEach((r, i) => {
    for (let k = 0; k < r.codes.length; k++) {
      cells.idx.push(i);
      cells.codes.push(r.codes[k]);
      cells.nums.push(r.nums[k]);
      cells.texts.push(r.texts[k]);
      cells.cumSet.push(r.cumSet[k]);
      cells.cums.push(r.cums[k]);
      cells.noteSet.push(r.noteSet[k]);
      cells.notes.push(r.notes[k]);
      cells.statusSet.push(r.statusSet?.[k] ?? false);
      cells.statuses.push(r.statuses?.[k] ?? null);
    }
  });
  const { rows } = await poolOf(db).query<{ idx: number; version: number }>({
    name: 'submission-save-batch',
    text: SAVE_BATCH_SQL,
    values: [
      textArray(requests.map((r) => r.submissionId)),
      intArray(requests.map((r) => r.version)),
      textArray(requests.map((r) => r.actorId)),
      `[${requests.map(auditAfter).join(',')}]`,
      intArray(cells.idx),
      textArray(cells.codes),
      textArray(cells.nums),
      sparseText(cells.texts),
      sparseBool(cells.cumSet),
      sparseText(cells.cums),
      sparseBool(cells.noteSet),
      sparseText(cells.notes),
      EDITABLE,
      sparseBool(cells.statusSet),
      sparseText(cells.statuses),
    ],
  });
  const versions = new Map(rows.map((r) => [Number(r.idx), Number(r.version)]));
  return requests.map((_, i) => versions.get(i) ?? null);
}
