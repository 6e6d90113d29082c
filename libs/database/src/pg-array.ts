/**
 * Postgres array literals ("{a,"b c",NULL}") built in one pass, for the batched statements that send
 * thousands of cells as a few array parameters: node-postgres would build the same text by
 * concatenating and escaping element by element, which costs more than the statement itself.
 */

/** An array of text (or of decimal strings, or of uuids): every element quoted, NULL for null. */
export function textArray(values: ReadonlyArray<string | null>): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts[i] = v === null ? 'NULL' : quote(v);
  }
  return `{${parts.join(',')}}`;
}

/** An array of integers. */
export function intArray(values: ReadonlyArray<number>): string {
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new TypeError(`intArray: ${v} is not an integer`);
  }
  return `{${values.join(',')}}`;
}

/** An array of booleans. */
export function boolArray(values: ReadonlyArray<boolean>): string {
  let s = '';
  for (let i = 0; i < values.length; i++) s += i === 0 ? (values[i] ? 't' : 'f') : values[i] ? ',t' : ',f';
  return `{${s}}`;
}

const NEEDS_ESCAPE = /["\\]/;
const ESCAPES = /["\\]/g;

function quote(v: string): string {
  return NEEDS_ESCAPE.test(v) ? `"${v.replace(ESCAPES, '\\$&')}"` : `"${v}"`;
}
