import { ComposeResult } from './compose';
import { combinedStatus, ValueStatus } from '../value-status';
import { FigureField, FigureSource, MonthSource, Revision } from './content';

/**
 * A revision's provenance as it is stored: one row per printed figure, the unit and submission and
 * the section named once in tables. A province's 40 000 figures as FigureSource objects were 7 MB of
 * JSON (11.7 MB with percentages at 40 digits), most of it the same keys and submission ids again;
 * packed they are about a quarter of that. The API unpacks them (`unpackFigures`): its answers keep
 * their shape. Revisions stored before hold the array of FigureSource, which unpacks as it is.
 *
 * A longer period's figure also names the months it was taken from: the lists are stored once each
 * (`monthSets`, [month, source, value]) — a year's figure, its cumulative and its percentages share
 * one — and a row names its list by index (its 7th element; absent for a month's report).
 */
export interface PackedFigures {
  v: 2;
  /** [unitCode, submissionId] */
  sources: Array<[string, string]>;
  sections: string[];
  /** [source, indicatorCode, field, value, text, section, monthSet?] */
  rows: Array<[number, string, FigureField, string, string, number] | [number, string, FigureField, string, string, number, number]>;
  monthSets?: Array<Array<[number, number, string]>>;
  /**
   * ước / sơ bộ / chính thức of a value, by "source:indicator" (a figure's own submission, or a
   * month's), where stated; and what a later version (an official figure) replaced: [value, status]
   */
  status?: Record<string, ValueStatus>;
  revised?: Record<string, [string | null, ValueStatus | null]>;
}

export type StoredFigures = FigureSource[] | PackedFigures;

export function packFigures(figures: FigureSource[]): PackedFigures {
  const sources: PackedFigures['sources'] = [];
  const sections: string[] = [];
  const sourceIndex = new Map<string, number>();
  const sectionIndex = new Map<string, number>();
  const monthSets: NonNullable<PackedFigures['monthSets']> = [];
  const setIndex = new Map<MonthSource[], number>();
  const status: Record<string, ValueStatus> = {};
  const revised: Record<string, [string | null, ValueStatus | null]> = {};
  const mark = (source: number, code: string, s: ValueStatus | undefined, r: Revision | undefined) => {
    if (s) status[`${source}:${code}`] = s;
    if (r) revised[`${source}:${code}`] = [r.previousValue, r.previousStatus];
  };
  const sourceOf = (unitCode: string, submissionId: string) => {
    let source = sourceIndex.get(submissionId);
    if (source === undefined || sources[source][0] !== unitCode) {
      source = sources.push([unitCode, submissionId]) - 1;
      sourceIndex.set(submissionId, source);
    }
    return source;
  };
  const rows = figures.map((f): PackedFigures['rows'][number] => {
    const source = sourceOf(f.unitCode, f.submissionId);
    let section = sectionIndex.get(f.sectionId);
    if (section === undefined) sectionIndex.set(f.sectionId, (section = sections.push(f.sectionId) - 1));
    if (!f.months) {
      mark(source, f.indicatorCode, f.status, f.revised);
      return [source, f.indicatorCode, f.field, f.value, f.text, section];
    }
    let set = setIndex.get(f.months);
    if (set === undefined) {
      set = monthSets.push(f.months.map((m): [number, number, string] => {
        const monthSource = sourceOf(f.unitCode, m.submissionId);
        mark(monthSource, f.indicatorCode, m.status, m.revised);
        return [m.month, monthSource, m.value];
      })) - 1;
      setIndex.set(f.months, set);
    }
    return [source, f.indicatorCode, f.field, f.value, f.text, section, set];
  });
  const packed: PackedFigures = monthSets.length ? { v: 2, sources, sections, rows, monthSets } : { v: 2, sources, sections, rows };
  if (Object.keys(status).length) packed.status = status;
  if (Object.keys(revised).length) packed.revised = revised;
  return packed;
}

export function unpackFigures(stored: StoredFigures): FigureSource[] {
  if (Array.isArray(stored)) return stored;
  const status = stored.status ?? {};
  const revised = stored.revised ?? {};
  const annotate = <T extends { status?: ValueStatus; revised?: Revision }>(target: T, key: string): T => {
    if (status[key]) target.status = status[key];
    const r = revised[key];
    if (r) target.revised = { previousValue: r[0], previousStatus: r[1] };
    return target;
  };
  // a month list belongs to one indicator: unpacked once, with its months' statuses
  const sets = new Map<number, MonthSource[]>();
  const setOf = (set: number, code: string) => {
    let months = sets.get(set);
    if (!months) {
      months = stored.monthSets![set].map(([month, source, value]) => annotate<MonthSource>({ month, submissionId: stored.sources[source][1], value }, `${source}:${code}`));
      sets.set(set, months);
    }
    return months;
  };
  return stored.rows.map(([source, indicatorCode, field, value, text, section, set]) => {
    const f: FigureSource = {
      unitCode: stored.sources[source][0],
      submissionId: stored.sources[source][1],
      indicatorCode,
      field,
      value,
      text,
      sectionId: stored.sections[section],
    };
    if (set === undefined) return annotate(f, `${source}:${indicatorCode}`);
    f.months = setOf(set, indicatorCode);
    const combined = f.months.some((m) => m.status) ? combinedStatus(f.months.map((m) => m.status)) : null;
    if (combined) f.status = combined;
    return f;
  });
}

/** The revision's JSON columns as consolidation inserts them. */
export function revisionColumns(composed: ComposeResult): { content: string; figures: string; missingUnits: string } {
  return { content: JSON.stringify(composed.content), figures: JSON.stringify(packFigures(composed.figures)), missingUnits: JSON.stringify(composed.missingUnits) };
}
