import { ComposeResult } from './compose';
import { FigureField, FigureSource } from './content';

/**
 * A revision's provenance as it is stored: one row per printed figure, the unit and submission and
 * the section named once in tables. A province's 40 000 figures as FigureSource objects were 7 MB of
 * JSON (11.7 MB with percentages at 40 digits), most of it the same keys and submission ids again;
 * packed they are about a quarter of that. The API unpacks them (`unpackFigures`): its answers keep
 * their shape. Revisions stored before hold the array of FigureSource, which unpacks as it is.
 */
export interface PackedFigures {
  v: 2;
  /** [unitCode, submissionId] */
  sources: Array<[string, string]>;
  sections: string[];
  /** [source, indicatorCode, field, value, text, section] */
  rows: Array<[number, string, FigureField, string, string, number]>;
}

export type StoredFigures = FigureSource[] | PackedFigures;

export function packFigures(figures: FigureSource[]): PackedFigures {
  const sources: PackedFigures['sources'] = [];
  const sections: string[] = [];
  const sourceIndex = new Map<string, number>();
  const sectionIndex = new Map<string, number>();
  const rows = figures.map((f): PackedFigures['rows'][number] => {
    let source = sourceIndex.get(f.submissionId);
    if (source === undefined || sources[source][0] !== f.unitCode) {
      source = sources.push([f.unitCode, f.submissionId]) - 1;
      sourceIndex.set(f.submissionId, source);
    }
    let section = sectionIndex.get(f.sectionId);
    if (section === undefined) sectionIndex.set(f.sectionId, (section = sections.push(f.sectionId) - 1));
    return [source, f.indicatorCode, f.field, f.value, f.text, section];
  });
  return { v: 2, sources, sections, rows };
}

export function unpackFigures(stored: StoredFigures): FigureSource[] {
  if (Array.isArray(stored)) return stored;
  return stored.rows.map(([source, indicatorCode, field, value, text, section]) => ({
    unitCode: stored.sources[source][0],
    submissionId: stored.sources[source][1],
    indicatorCode,
    field,
    value,
    text,
    sectionId: stored.sections[section],
  }));
}

/** The revision's JSON columns as consolidation inserts them. */
export function revisionColumns(composed: ComposeResult): { content: string; figures: string; missingUnits: string } {
  return { content: JSON.stringify(composed.content), figures: JSON.stringify(packFigures(composed.figures)), missingUnits: JSON.stringify(composed.missingUnits) };
}
