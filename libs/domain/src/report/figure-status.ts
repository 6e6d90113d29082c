import { combinedStatus, RevisedMonth, revisionNote } from '../value-status';
import { ContentSection, FigureField, FigureSource, ReportContent } from './content';
import type { ReportPeriod } from './period-words';
import type { FigureInput } from './placeholders';

/**
 * The months a figure of a longer period was taken from, and its status (ước / sơ bộ / chính thức):
 * that of its months, else the value's own; a later version (an official figure) says what it replaced.
 */
export function withStatus(source: FigureSource, f: FigureInput, field: FigureField): FigureSource {
  if (f.months) {
    const months = field === 'value' ? f.months.value : field === 'cumulative' ? f.months.cumulative : f.months.basis;
    if (months.length) {
      source.months = months;
      // as the stored provenance unpacks it: a status where some month states one
      const status = months.some((m) => m.status) ? combinedStatus(months.map((m) => m.status)) : null;
      if (status) source.status = status;
      return source;
    }
  }
  if (f.status) source.status = f.status;
  if (f.revised) source.revised = f.revised;
  return source;
}

/**
 * Where a printed figure holds a later version of an approved figure (an official figure of one of
 * its months, or its own), the first figure of that indicator gets a footnote that says so
 * ("Số liệu tháng 6/2024 là số liệu chính thức (thay số ước đã báo cáo).").
 */
export function noteRevisions(sections: ContentSection[], figures: FigureSource[], footnotes: ReportContent['footnotes'], period: ReportPeriod): void {
  const noted = new Set<string>();
  for (const section of sections) {
    for (const paragraph of section.paragraphs) {
      for (let k = 0; k < paragraph.length; k++) {
        const run = paragraph[k];
        if (run.t !== 'fig') continue;
        const f = figures[run.ref];
        if (noted.has(f.indicatorCode)) continue;
        const revised: RevisedMonth[] = f.months
          ? f.months.filter((m) => m.revised && m.status).map((m) => ({ year: period.year, month: m.month, status: m.status!, ...m.revised! }))
          : f.revised && f.status ? [{ year: period.year, month: period.month, status: f.status, ...f.revised }] : [];
        const text = revisionNote(revised);
        if (!text) continue;
        noted.add(f.indicatorCode);
        const id = `revised#${f.indicatorCode}`;
        footnotes[id] = [{ t: 'text', text }];
        const next = paragraph[k + 1];
        // after a footnote the figure already has, if any
        paragraph.splice(next?.t === 'note' ? k + 2 : k + 1, 0, { t: 'note', id });
      }
    }
  }
}
