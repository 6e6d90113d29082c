import { DomainError } from '../errors';
import { ContentSection, ReportContent, Run } from './content';

/**
 * A section as the office edits it: paragraphs separated by a blank line, footnote markers written
 * "[^N]" with the numbers the document shows. Footnote numbers follow the order of first reference.
 */
export function footnoteNumbers(content: ReportContent): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const s of content.sections) {
    for (const p of s.paragraphs) for (const r of p) if (r.t === 'note' && content.footnotes[r.id] && !numbers.has(r.id)) numbers.set(r.id, numbers.size + 1);
  }
  return numbers;
}

export function runsText(runs: Run[], numbers: Map<string, number>): string {
  return runs.map((r) => (r.t === 'note' ? (numbers.has(r.id) ? `[^${numbers.get(r.id)}]` : '') : r.text)).join('');
}

export function sectionText(section: ContentSection, numbers: Map<string, number>): string {
  return section.paragraphs.map((p) => runsText(p, numbers)).join('\n\n');
}

export const MAX_SECTION_TEXT = 100_000;

/**
 * Turns an edited section text back into runs. Footnote markers must name footnotes of the report;
 * a figure keeps its source as long as its printed text is still there, in the same paragraph.
 */
export function parseSectionText(text: string, old: ContentSection, numbers: Map<string, number>): Run[][] {
  if (typeof text !== 'string' || text.trim() === '') throw new DomainError('SECTION_TEXT_REQUIRED', 'Nội dung của mục không được để trống.');
  if (text.length > MAX_SECTION_TEXT) throw new DomainError('VALIDATION_FAILED', 'Nội dung của mục quá dài.');
  const byNumber = new Map([...numbers].map(([id, n]) => [n, id]));
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const known = numbersIn(old.paragraphs.flat().map((r) => (r.t === 'note' ? '' : r.text)).join(' '));
  return paragraphs.map((p, index) => {
    const oldFigures = (old.paragraphs[index] ?? []).filter((r) => r.t === 'fig');
    const runs: Run[] = [];
    for (const piece of p.split(/(\[\^\d+\])/)) {
      const marker = piece.match(/^\[\^(\d+)\]$/);
      if (marker) {
        const id = byNumber.get(Number(marker[1]));
        if (!id) throw new DomainError('UNKNOWN_FOOTNOTE', `Không có chú thích số ${marker[1]} trong báo cáo.`);
        runs.push({ t: 'note', id });
      } else if (piece) {
        runs.push(...relinkFigures(piece, oldFigures).flatMap((r) => (r.t === 'text' ? markTyped(r.text, known) : [r])));
      }
    }
    return runs;
  });
}

/** A number as the report prints it: 1.234,5 · 710,83 · 97,8 · 2024 (digits with dot or comma separators). */
const NUMBER = /\d+(?:[.,]\d+)*/g;

function numbersIn(text: string): Set<string> {
  return new Set(text.match(NUMBER) ?? []);
}

/**
 * The numbers of an edited text that are neither a figure with a source nor already in the section
 * before the edit (a year, a count the template wrote) were typed by the office: each becomes a run
 * of its own marked `typed`, so the provenance view says so instead of showing it as plain text.
 */
function markTyped(text: string, known: Set<string>): Run[] {
  const out: Run[] = [];
  let last = 0;
  for (const m of text.matchAll(NUMBER)) {
    if (known.has(m[0])) continue;
    if (m.index! > last) out.push({ t: 'text', text: text.slice(last, m.index) });
    out.push({ t: 'text', text: m[0], typed: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ t: 'text', text: text.slice(last) });
  return out;
}

function relinkFigures(text: string, figures: Run[]): Run[] {
  const out: Run[] = [];
  let rest = text;
  for (const f of figures) {
    if (f.t !== 'fig') continue;
    const i = rest.indexOf(f.text);
    if (i < 0) continue;
    if (i > 0) out.push({ t: 'text', text: rest.slice(0, i) });
    out.push({ t: 'fig', text: f.text, ref: f.ref });
    rest = rest.slice(i + f.text.length);
  }
  if (rest) out.push({ t: 'text', text: rest });
  return out;
}
