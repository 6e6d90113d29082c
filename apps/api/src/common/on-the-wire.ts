/** What JSON makes of a row: its Dates become ISO 8601 strings, as the response contracts say. */
export type OnTheWire<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

/** A row as it goes out, its Dates made ISO strings here rather than by JSON.stringify, so the types hold. */
export function onTheWire<T extends object>(row: T): OnTheWire<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
  return out as OnTheWire<T>;
}
