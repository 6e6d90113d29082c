import { cutoffWindow, Dec, dec, decOrNull, ExactValue, exactOrNull, historySources, HistorySource, parseExact, PeriodFigure, PeriodType, rowsOfLineage } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { loadIndicatorTransfers } from '../repositories/units.repository';

/** An approved figure of an earlier period, with the submission it comes from (a predecessor's, before a restructuring). */
export type HistoryFigure<N = Dec> = PeriodFigure<N> & { submissionId?: string; unitId?: string };

export type FigureHistory<N = Dec> = Map<string, { earlier: Map<number, HistoryFigure<N>>; lastYear: Map<number, HistoryFigure<N>> }>;

export interface HistoryRow {
  unit_id: string;
  year: number;
  number: number;
  indicator_code: string;
  numeric_value: string | null;
  cumulative_entered: string | null;
  /** the approved submission the figure comes from */
  submission_id?: string;
  /** the unit that reported it, when not `unit_id` itself (a predecessor in a restructuring) */
  source_unit_id?: string;
}

/**
 * Approved figures of the earlier periods of this year and of periods 1..n of last year, per unit
 * and indicator: what cumulatives and "so với cùng kỳ" are derived from. One query for any number
 * of units (the submission view asks for one, consolidation for all).
 */
export async function loadFigureHistory(
  db: DataSource | EntityManager,
  unitIds: string[],
  period: { type: string; year: number; number: number },
  codes: string[],
): Promise<Map<string, FigureHistory>> {
  return groupFigureHistory(await queryFigureHistory(db, unitIds, period, codes), period);
}

/** The same history as exact figures (exact-decimal.ts), for consolidation. */
export async function loadExactFigureHistory(
  db: DataSource | EntityManager,
  unitIds: string[],
  period: { type: string; year: number; number: number },
  codes: string[],
): Promise<Map<string, FigureHistory<ExactValue>>> {
  return groupFigureHistory(await queryFigureHistory(db, unitIds, period, codes), period, exactOrNull);
}

/** The submissions the figures of a history come from: a predecessor's too, for an indicator taken over in a restructuring. */
export function submissionIdsOf<N>(history: Map<string, FigureHistory<N>>): string[] {
  const ids = new Set<string>();
  for (const byCode of history.values()) {
    for (const { earlier, lastYear } of byCode.values()) {
      for (const figure of [...earlier.values(), ...lastYear.values()]) if (figure.submissionId) ids.add(figure.submissionId);
    }
  }
  return [...ids];
}

/**
 * The approved submissions loadExactFigureHistory reads its figures from (the earlier months of the
 * year, the same months of last year): with the period's own, what a revision was composed from.
 */
export async function findHistorySubmissionIds(db: DataSource | EntityManager, unitIds: string[], period: { type: string; year: number; number: number }): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(
    `SELECT s.id FROM submissions s JOIN periods p ON p.id = s.period_id
      WHERE s.unit_id = ANY($1) AND s.state = 'approved' AND p.type = $2
        AND ((p.year = $3 AND p.number < $4) OR (p.year = $3 - 1 AND p.number <= $4))`,
    [unitIds, period.type, period.year, period.number],
  );
  return rows.map((r) => r.id);
}

/**
 * The requested units' own approved figures, and, for a unit that took indicators over in a
 * restructuring, its predecessors' approved figures of those indicators for the periods before the
 * transfer (the same code, whichever unit reported it then), attributed to the successor.
 */
async function queryFigureHistory(
  db: DataSource | EntityManager,
  unitIds: string[],
  period: { type: string; year: number; number: number },
  codes: string[],
): Promise<HistoryRow[]> {
  // one after the other: a transaction's EntityManager has one connection
  const own = await selectHistoryRows(db, unitIds, period, codes);
  const predecessors = await lineageHistoryRows(db, unitIds, period, codes);
  // a unit's own figure wins over a predecessor's of the same period
  return [...predecessors, ...own];
}

type RangedHistoryRow = HistoryRow & { period_end: string };

function selectHistoryRows(db: DataSource | EntityManager, unitIds: string[], period: { type: string; year: number; number: number }, codes: string[]): Promise<RangedHistoryRow[]> {
  return db.query(
    `SELECT s.unit_id, p.year, p.number, v.indicator_code, v.numeric_value, v.cumulative_entered, s.id AS submission_id, p.cutoff_to::text AS period_end
       FROM submissions s
       JOIN periods p ON p.id = s.period_id
       JOIN submission_values v ON v.submission_id = s.id
      WHERE s.unit_id = ANY($1) AND s.state = 'approved' AND p.type = $2
        AND ((p.year = $3 AND p.number < $4) OR (p.year = $3 - 1 AND p.number <= $4))
        AND v.indicator_code = ANY($5)`,
    [unitIds, period.type, period.year, period.number, codes],
  );
}

/** The predecessors' rows that are the history of the requested units (empty without a restructuring). */
export async function lineageHistoryRows(
  db: DataSource | EntityManager,
  unitIds: string[],
  period: { type: string; year: number; number: number },
  codes: string[],
): Promise<HistoryRow[]> {
  const requested = new Set(unitIds);
  const wanted = new Set(codes);
  const transfers = (await loadIndicatorTransfers(db)).filter((t) => wanted.has(t.code));
  if (!transfers.some((t) => requested.has(t.successorId))) return [];
  const sourcesOf = new Map<string, Map<string, HistorySource[]>>(); // unit → code → sources (own excluded)
  const ancestors = new Set<string>();
  const lineageCodes = new Set<string>();
  for (const unitId of requested) {
    const byCode = new Map<string, HistorySource[]>();
    for (const code of new Set(transfers.filter((t) => t.successorId === unitId).map((t) => t.code))) {
      const sources = historySources(unitId, code, transfers).filter((x) => x.unitId !== unitId);
      byCode.set(code, sources);
      for (const x of sources) ancestors.add(x.unitId);
      lineageCodes.add(code);
    }
    if (byCode.size) sourcesOf.set(unitId, byCode);
  }
  const rows = await selectHistoryRows(db, [...ancestors], period, [...lineageCodes]);
  const out: HistoryRow[] = [];
  for (const [unitId, byCode] of sourcesOf) {
    const mine = rowsOfLineage(rows.map((r) => ({ ...r, unitId: r.unit_id, code: r.indicator_code, periodEnd: r.period_end })), byCode);
    for (const r of mine) {
      out.push({ unit_id: unitId, year: r.year, number: r.number, indicator_code: r.indicator_code, numeric_value: r.numeric_value, cumulative_entered: r.cumulative_entered, submission_id: r.submission_id, source_unit_id: r.unit_id });
    }
  }
  return out;
}

/** The rows of loadFigureHistory's query, by unit id and indicator (pure; the consolidation bench runs it too). */
export function groupFigureHistory(rows: HistoryRow[], period: { year: number }): Map<string, FigureHistory>;
export function groupFigureHistory<N>(rows: HistoryRow[], period: { year: number }, parse: (text: string | null) => N | null): Map<string, FigureHistory<N>>;
export function groupFigureHistory<N>(rows: HistoryRow[], period: { year: number }, parse: (text: string | null) => N | null = decOrNull as never): Map<string, FigureHistory<N>> {
  const out = new Map<string, FigureHistory<N>>();
  for (const r of rows) {
    let unit = out.get(r.unit_id);
    if (!unit) out.set(r.unit_id, (unit = new Map()));
    let h = unit.get(r.indicator_code);
    if (!h) unit.set(r.indicator_code, (h = { earlier: new Map(), lastYear: new Map() }));
    const figure: HistoryFigure<N> = { value: parse(r.numeric_value), enteredCumulative: parse(r.cumulative_entered), submissionId: r.submission_id, unitId: r.source_unit_id ?? r.unit_id };
    (r.year === period.year ? h.earlier : h.lastYear).set(r.number, figure);
  }
  return out;
}

/** The day whose targets a period's % of plan uses: its cutoff (a revision from July serves July's period on). */
export function planDay(period: { type: string; year: number; number: number }): string {
  return cutoffWindow(period.type as PeriodType, period.year, period.number).to;
}

/**
 * The year's targets in force on `day` (a period's cutoff: a revision from July serves July's
 * period on; by default the year's last day, i.e. the latest revision).
 */
export async function loadPlans(db: DataSource | EntityManager, year: number, codes: string[], day?: string): Promise<Map<string, Dec>> {
  return new Map((await queryPlans(db, year, codes, day)).map((r) => [r.indicator_code, dec(r.target)]));
}

/** The plans as exact figures, for consolidation. */
export async function loadExactPlans(db: DataSource | EntityManager, year: number, codes: string[], day?: string): Promise<Map<string, ExactValue>> {
  return exactPlans(await queryPlans(db, year, codes, day));
}

export function exactPlans(rows: PlanRow[]): Map<string, ExactValue> {
  return new Map(rows.map((r) => [r.indicator_code, parseExact(r.target)]));
}

export interface PlanRow {
  indicator_code: string;
  target: string;
}

function queryPlans(db: DataSource | EntityManager, year: number, codes: string[], day?: string): Promise<PlanRow[]> {
  return db.query(
    `SELECT p.indicator_code,
            coalesce((SELECT r.target FROM indicator_plan_revisions r
                       WHERE r.indicator_code = p.indicator_code AND r.year = p.year AND r.effective_from <= $3
                       ORDER BY r.effective_from DESC LIMIT 1), p.target)::text AS target
       FROM indicator_plans p WHERE p.year = $1 AND p.indicator_code = ANY($2)`,
    [year, codes, day ?? `${year}-12-31`],
  );
}
