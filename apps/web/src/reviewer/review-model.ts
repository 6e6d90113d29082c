import type { AuditRow, DecimalString, ValueView } from '@app/contracts';
import { dec, decimalText } from '@app/domain';

/** A figure's DecimalString, or a text indicator's text, as the audit holds them. */
export interface Change {
  before: string | null;
  after: string | null;
}

// the server writes every figure in one canonical form, so equal figures are equal strings
const same = (a: string | null, b: string | null) => (a ?? null) === (b ?? null);

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
  /** change in percent, e.g. "-62.5" */
  pct: DecimalString;
}

/** Figures far from last month or from the same period last year (±50% by default) are worth a second look. */
export function flagsFor(v: ValueView, threshold = 50): Flag[] {
  if (v.kind !== 'number' || v.value === null || !v.derived) return [];
  const flags: Flag[] = [];
  const last = v.derived.lastMonth === null ? null : dec(v.derived.lastMonth);
  if (last !== null && !last.isZero()) {
    const pct = dec(v.value).div(last).minus(1).times(100);
    if (pct.abs().gte(threshold)) flags.push({ kind: 'lastMonth', pct: decimalText(pct) });
  }
  const change = v.derived.samePeriodChangePct;
  if (change !== null && dec(change).abs().gte(threshold)) flags.push({ kind: 'samePeriod', pct: change });
  return flags;
}
