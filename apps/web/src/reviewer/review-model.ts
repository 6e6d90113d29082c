import { dec } from '@app/domain';
import type { AuditRow, ValueView } from '../api/types';

export interface Change {
  before: number | string | null;
  after: number | string | null;
}

const same = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? dec(a).eq(dec(b)) : (a ?? null) === (b ?? null);

/**
 * What the unit changed since the office last returned the submission, from the audit log:
 * for each figure its value when returned and its value now. Empty when it was never returned.
 */
export function changesSinceReturn(audit: AuditRow[]): Map<string, Change> {
  const sorted = [...audit].sort((a, b) => a.id - b.id);
  let start = -1;
  sorted.forEach((e, i) => {
    if (e.action === 'state.return') start = i;
  });
  const out = new Map<string, Change>();
  if (start < 0) return out;
  for (const e of sorted.slice(start + 1)) {
    if (e.action !== 'values.updated') continue;
    const before = ((e.before as { values?: Record<string, Change['before']> } | null)?.values ?? {}) as Record<string, Change['before']>;
    const after = ((e.after as { values?: Record<string, Change['after']> } | null)?.values ?? {}) as Record<string, Change['after']>;
    for (const [code, value] of Object.entries(after)) {
      const known = out.get(code);
      out.set(code, { before: known ? known.before : (before[code] ?? null), after: value });
    }
  }
  for (const [code, c] of out) if (same(c.before, c.after)) out.delete(code);
  return out;
}

export interface Flag {
  kind: 'lastMonth' | 'samePeriod';
  /** change in percent, e.g. −62.5 */
  pct: number;
}

/** Figures far from last month or from the same period last year (±50% by default) are worth a second look. */
export function flagsFor(v: ValueView, threshold = 50): Flag[] {
  if (v.kind !== 'number' || v.value === null || typeof v.value !== 'number' || !v.derived) return [];
  const flags: Flag[] = [];
  const last = v.derived.lastMonth;
  if (last !== null && last !== 0) {
    const pct = dec(v.value).div(last).minus(1).times(100).toNumber();
    if (Math.abs(pct) >= threshold) flags.push({ kind: 'lastMonth', pct });
  }
  const change = v.derived.samePeriodChangePct;
  if (change !== null && Math.abs(change) >= threshold) flags.push({ kind: 'samePeriod', pct: change });
  return flags;
}
