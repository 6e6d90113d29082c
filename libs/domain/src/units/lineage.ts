import type { IsoDate } from '../period';

/**
 * One indicator passing from a unit to another on a day (sáp nhập, chia tách, điều chuyển chỉ
 * tiêu). From `effectiveDate` on, the successor fills it; the months before stay the
 * predecessor's, and are the successor's history.
 */
export interface IndicatorTransfer {
  predecessorId: string;
  successorId: string;
  code: string;
  effectiveDate: IsoDate;
}

/**
 * Who fills each indicator on `day`: the units the form assigns its section to (`base`, code →
 * unit ids), then every transfer in force on that day, oldest first.
 */
export function holdersOn(
  base: ReadonlyMap<string, Iterable<string>>,
  transfers: readonly IndicatorTransfer[],
  day: IsoDate,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [code, units] of base) out.set(code, new Set(units));
  const due = transfers.filter((t) => t.effectiveDate <= day).sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
  for (const t of due) {
    const holders = out.get(t.code);
    if (!holders) continue; // an indicator this form does not have
    holders.delete(t.predecessorId);
    holders.add(t.successorId);
  }
  return out;
}

/** The codes `unitId` fills, from holdersOn's answer. */
export function codesHeldBy(holders: ReadonlyMap<string, ReadonlySet<string>>, unitId: string): Set<string> {
  const out = new Set<string>();
  for (const [code, units] of holders) if (units.has(unitId)) out.add(code);
  return out;
}

/** Where a unit's history of one indicator is read: `unitId`'s approved figures of the periods that end before `before` (null: any). */
export interface HistorySource {
  unitId: string;
  before: IsoDate | null;
}

/**
 * The units whose approved figures of `code` are `unitId`'s history: its own, then each
 * predecessor it took the indicator over from for the periods before the transfer, and theirs
 * before them (a chain of restructurings), each bounded by the earliest transfer on the way.
 */
export function historySources(unitId: string, code: string, transfers: readonly IndicatorTransfer[]): HistorySource[] {
  const out: HistorySource[] = [{ unitId, before: null }];
  const walk = (successor: string, before: IsoDate | null) => {
    for (const t of transfers) {
      if (t.successorId !== successor || t.code !== code) continue;
      if (before !== null && t.effectiveDate >= before) continue; // a transfer after the bound is not this chain's past
      out.push({ unitId: t.predecessorId, before: t.effectiveDate });
      walk(t.predecessorId, t.effectiveDate);
    }
  };
  walk(unitId, null);
  return out;
}

/** A figure of some unit, of a period ending on `periodEnd`. */
export interface UnitFigureRow {
  unitId: string;
  code: string;
  periodEnd: IsoDate;
}

/**
 * The rows that are history of `unitId` (own rows, and predecessors' rows of the periods before
 * they handed the indicator over), each once. `sources` is historySources per code.
 */
export function rowsOfLineage<R extends UnitFigureRow>(rows: readonly R[], sources: ReadonlyMap<string, readonly HistorySource[]>): R[] {
  return rows.filter((r) =>
    (sources.get(r.code) ?? []).some((s) => s.unitId === r.unitId && (s.before === null || r.periodEnd < s.before)),
  );
}
