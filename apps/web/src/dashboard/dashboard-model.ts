import type { IndicatorSeriesView, SeriesPointView, TimelinessCell, TimelinessMatrix } from '@app/contracts';

/** Colours that stay apart for the colour-blind (Okabe–Ito) and reach 4.5:1 on white where text sits on them. */
export const PALETTE = { current: '#0b5ea8', lastYear: '#a35200', trend: '#0b5ea8', plan: '#1b7a3d' } as const;

export const CELL_COLOURS: Record<TimelinessCell | 'none', string> = {
  on_time: '#1b7a3d',
  late: '#a35200',
  overdue: '#b3261e',
  pending: '#e8ecf2',
  recorded: '#5c6b7f',
  none: '#ffffff',
};
/** the text on each cell: white on the dark ones, dark on the light */
export const CELL_TEXT: Record<TimelinessCell | 'none', string> = {
  on_time: '#ffffff', late: '#ffffff', overdue: '#ffffff', recorded: '#ffffff', pending: '#1f2937', none: '#1f2937',
};

/** What one small multiple shows of a key indicator for the chosen month. */
export interface IndicatorCardModel {
  code: string;
  name: string;
  unitOfMeasure: string | null;
  decimals: number | null;
  unitCodes: string[];
  /** the chosen month's point, and the same month a year before */
  current: SeriesPointView | null;
  lastYear: SeriesPointView | null;
  /** the cumulative against the annual plan, from the chosen month */
  cumulative: string | null;
  plan: string | null;
  planPct: string | null;
  /** the last 24 months (the value plotted; null where there is no approved figure) */
  trend: Array<{ period: string; value: string | null }>;
}

/**
 * Which unit's line a card shows when several units report the indicator: the one with the latest
 * approved figure (the first such). After a restructuring the unit that took the indicator over has
 * it — its line carries its predecessors' months too — while the merged unit's line stops.
 */
export function shownSeries(series: IndicatorSeriesView): IndicatorSeriesView['series'][number] | undefined {
  let best: IndicatorSeriesView['series'][number] | undefined;
  let bestAt = -1;
  for (const s of series.series) {
    const at = s.points.reduce((last, p, i) => (p.value !== null ? i : last), -1);
    if (at > bestAt) (best = s), (bestAt = at);
  }
  return best ?? series.series[0];
}

/**
 * A key indicator's card from its series (the route's answer for the 24 months ending at the chosen
 * month), of the unit `shownSeries` picks; the series route is the one truth of every number on the card.
 */
export function cardModel(series: IndicatorSeriesView): IndicatorCardModel {
  const points = shownSeries(series)?.points ?? [];
  const current = points[points.length - 1] ?? null;
  const lastYear = points.length >= 13 ? points[points.length - 13] : null;
  return {
    code: series.indicator.code,
    name: series.indicator.name,
    unitOfMeasure: series.indicator.unitOfMeasure,
    decimals: series.indicator.rule.decimals,
    unitCodes: series.series.map((s) => s.unit.code),
    current: current?.value === null ? { ...current, value: null } : current,
    lastYear,
    cumulative: current?.cumulative ?? null,
    plan: current?.plan ?? null,
    planPct: current?.planPct ?? null,
    trend: points.map((p) => ({ period: p.period, value: p.value })),
  };
}

/** "2024-05" → "5/2024"; "T5/24" on an axis */
export const monthLabel = (period: string) => `${Number(period.slice(5))}/${period.slice(0, 4)}`;
export const axisMonth = (period: string) => `T${Number(period.slice(5))}/${period.slice(2, 4)}`;

/** The 24 months ending at `period` ("2024-05"): from "2022-06". */
export function trendFrom(period: string): string {
  const i = Number(period.slice(0, 4)) * 12 + Number(period.slice(5)) - 1 - 23;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** A percentage for a progress bar: 0–100, rounded once, here at the edge. */
export function progressPercent(planPct: string | null): number | null {
  if (planPct === null) return null;
  return Math.max(0, Math.min(100, Math.round(Number(planPct) * 10) / 10));
}

/** The heat map's cells: [month index, unit index, kind index] for ECharts, and the kinds in order. */
export const CELL_KINDS: Array<TimelinessCell | 'none'> = ['on_time', 'late', 'overdue', 'pending', 'recorded', 'none'];

export function heatCells(m: TimelinessMatrix): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  m.units.forEach((u, y) => {
    m.months.forEach((month, x) => {
      const cell = u.cells.find((c) => c.month === month);
      out.push([x, y, CELL_KINDS.indexOf(cell?.timeliness ?? 'none')]);
    });
  });
  return out;
}
