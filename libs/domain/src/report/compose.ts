import { provenanceValue } from '../exact-decimal';
import { ContentSection, FigureSource, ReportContent, Run } from './content';
import { noteRevisions, withStatus } from './figure-status';
import { documentTitle, sectionHeading } from './document-meta';
import { ReportPeriod, variantFor } from './period-words';
import { targetParagraphs } from './targets';
import { adjustCase, FigureInput, IndicatorInfo, mergeText, Part, PatternContext, renderPattern } from './placeholders';
import { FootnoteTemplate, ReportTemplate, SectionTemplate, StatementTemplate } from './template';
import { clauseEnd, findAllInOneSentence, findWord, Prose, sentenceBodyEnd } from './text-match';

export interface ComposeInput {
  template: ReportTemplate;
  /** the month, or the longer period (period-words.ts) */
  period: ReportPeriod;
  /** every indicator of the form, in form order */
  indicators: ReadonlyMap<string, IndicatorInfo>;
  /** figures of approved submissions only, by indicator code */
  figures: ReadonlyMap<string, FigureInput>;
  /** the units required this period, with whether their submission is approved */
  units: Array<{ code: string; name: string; approved: boolean }>;
  signerName?: string | null;
  /** remarks for the office besides the missing units (a longer period's months not all approved) */
  notices?: string[];
}

export interface ComposeResult {
  content: ReportContent;
  figures: FigureSource[];
  missingUnits: string[];
}

export const narrativeCode = (unit: string, sectionId: string) =>
  `narrative_${unit.toLowerCase()}_${sectionId.replace(/\./g, '_').toLowerCase()}`;

/** A unit's paragraph while it is being composed: its text, the figures found in it, the markers to add. */
interface Draft {
  unit: string;
  text: string;
  prose: Prose;
  marks: Array<{ start: number; end: number; ref: number }>;
  notes: Array<{ at: number; id: string }>;
}

/**
 * Composes the consolidated report from the approved submissions, section by section: each unit's
 * narrative paragraphs in template order; figures the narrative already states are linked to their
 * source; figures it does not state are written with the template's sentences; "trong đó"
 * breakdowns become footnotes. Pure: the same input gives the same report.
 */
export function composeReport(input: ComposeInput): ComposeResult {
  const { template, period } = input;
  const ctx: PatternContext = { indicators: input.indicators, figures: input.figures, decimals: template.decimals, period };
  const figures: FigureSource[] = [];
  const footnotes: ReportContent['footnotes'] = {};
  const sections: ContentSection[] = [];
  // "trong đó" parts of each indicator, in form order
  const children = new Map<string, string[]>();
  for (const i of input.indicators.values()) {
    if (!i.parentCode) continue;
    const list = children.get(i.parentCode);
    if (list) list.push(i.code);
    else children.set(i.parentCode, [i.code]);
  }

  for (const section of template.sections) {
    const toRuns = (parts: Part[], noteId: string | null, runs: Run[] = []): Run[] => {
      for (const p of parts) {
        if (p.kind === 'text') runs.push({ t: 'text', text: p.text });
        else if (p.kind === 'note') {
          if (noteId) runs.push({ t: 'note', id: noteId });
        } else {
          figures.push(figureSource(input.figures.get(p.code)!, p, section.id));
          runs.push({ t: 'fig', text: p.text, ref: figures.length - 1 });
        }
      }
      return runs;
    };
    const drafts = narrativesOf(section, input.figures);
    // each unit's generated sentences, one paragraph per unit
    const generated = new Map<string, Run[]>();
    let noteCount = 0;

    for (const st of section.statements ?? []) {
      // the period's own wording (January has no "lũy kế 1 tháng"); null: this period says nothing of it
      const sentence = variantFor(period, st.sentence, st.sentenceByNumber);
      if (sentence === null) continue;
      const noteId = st.footnote ? `${section.id}#${++noteCount}` : null;
      const note = noteId && st.footnote ? footnoteRuns(ctx, st, st.footnote, children) : null;
      if (noteId && note) footnotes[noteId] = toRuns(note, null);
      const usableNote = noteId && note ? noteId : null;
      const parts = renderPattern(ctx, sentence, st.indicator);
      if (placeInNarrative(ctx, st, parts, drafts, usableNote, figures, section.id)) continue;
      if (!parts) {
        if (usableNote) delete footnotes[usableNote];
        continue;
      }
      const own = generated.get(st.unit);
      if (own) own.push({ t: 'text', text: ' ' });
      generated.set(st.unit, toRuns(adjustCase(parts, 'upper'), usableNote, own));
    }

    const paragraphs: Run[][] = [];
    if (section.targets) {
      const addFigure = (source: FigureSource) => figures.push(source) - 1;
      paragraphs.push(...targetParagraphs(section.targets, { indicators: input.indicators, figures: input.figures, period, addFigure, sectionId: section.id }));
    }
    const units = [...section.units, ...[...generated.keys()].filter((u) => !section.units.includes(u))];
    for (const unit of units) {
      for (const d of drafts.filter((x) => x.unit === unit)) paragraphs.push(draftRuns(d));
      const own = generated.get(unit);
      if (own) paragraphs.push(own);
    }
    sections.push({
      id: section.id,
      number: section.number,
      heading: sectionHeading(section.heading, period, section.headingByNumber),
      level: section.level,
      style: section.style ?? 'heading',
      paragraphs,
    });
  }

  noteRevisions(sections, figures, footnotes, period);
  const missing = input.units.filter((u) => !u.approved);
  const notices = [
    ...(missing.length ? [`Dự thảo tổng hợp khi còn ${missing.length} đơn vị chưa có báo cáo được duyệt: ${missing.map((u) => u.name).join('; ')}.`] : []),
    ...(input.notices ?? []),
  ];
  const doc = template.document;
  return {
    content: {
      header: {
        issuer: doc.issuer,
        place: doc.place,
        numberSuffix: doc.numberSuffix,
        number: null,
        date: null,
        kind: doc.kind,
        title: documentTitle(doc, period),
        signature: { ...doc.signature, name: input.signerName ?? null },
        recipients: doc.recipients,
        archive: doc.archive,
      },
      sections,
      footnotes,
      notices,
    },
    figures,
    missingUnits: missing.map((u) => u.code),
  };
}

/** The provenance of a printed figure; a longer period's also names the months it was taken from. */
function figureSource(f: FigureInput, p: Extract<Part, { kind: 'fig' }>, sectionId: string): FigureSource {
  const source: FigureSource = { unitCode: f.unitCode, submissionId: f.submissionId, indicatorCode: p.code, field: p.field, value: provenanceValue(p.value), text: p.printed, sectionId };
  return withStatus(source, f, p.field);
}

function narrativesOf(section: SectionTemplate, figures: ReadonlyMap<string, FigureInput>): Draft[] {
  return section.units.flatMap((unit) => {
    const text = figures.get(narrativeCode(unit, section.id))?.text?.trim();
    if (!text) return [];
    return text.split(/\n\s*\n/).map((p) => {
      const paragraph = p.replace(/\s+/g, ' ').trim();
      return { unit, text: paragraph, prose: new Prose(paragraph), marks: [], notes: [] };
    });
  });
}

/**
 * When a narrative already says what the statement says — every one of its figures, printed the
 * same way, in one sentence — link those figures and put the footnote there. An anchored footnote
 * goes after the clause that names its subject ("đàn lợn và gia cầm tăng¹").
 */
function placeInNarrative(ctx: PatternContext, st: StatementTemplate, parts: Part[] | null, drafts: Draft[], noteId: string | null, figures: FigureSource[], sectionId: string): boolean {
  if (st.anchor) {
    if (!noteId) return false;
    for (const d of drafts) {
      const hit = findWord(d.prose, st.anchor);
      if (!hit) continue;
      const end = sentenceBodyEnd(d.text, hit.sentence);
      d.notes.push({ at: st.anchorAt === 'sentence' ? end : Math.min(clauseEnd(d.text, hit.at, end), end), id: noteId });
      return true;
    }
    return false;
  }
  if (!parts) return false;
  const figs = parts.filter((p): p is Extract<Part, { kind: 'fig' }> => p.kind === 'fig');
  const noteAfter = parts.findIndex((p) => p.kind === 'note');
  const anchorFig = noteAfter > 0 ? parts.slice(0, noteAfter).filter((p) => p.kind === 'fig').length - 1 : -1;
  for (const d of drafts) {
    const taken = (s: number, e: number) => d.marks.some((m) => s < m.end && e > m.start);
    const spans = findAllInOneSentence(d.prose, figs, taken, st.context);
    if (!spans) continue;
    spans.forEach((span, i) => {
      const p = figs[i];
      figures.push(figureSource(ctx.figures.get(p.code)!, p, sectionId));
      d.marks.push({ start: span.start, end: span.end, ref: figures.length - 1 });
    });
    if (noteId && anchorFig >= 0) d.notes.push({ at: clauseEnd(d.text, spans[anchorFig].end), id: noteId });
    return true;
  }
  return false;
}

function draftRuns(d: Draft): Run[] {
  const cuts = [
    ...d.marks.map((m) => ({ at: m.start, kind: 'mark' as const, m })),
    ...d.notes.map((n) => ({ at: n.at, kind: 'note' as const, n })),
  ].sort((a, b) => a.at - b.at || (a.kind === 'mark' ? 1 : -1));
  const runs: Run[] = [];
  let pos = 0;
  for (const c of cuts) {
    if (c.at > pos) runs.push({ t: 'text', text: d.text.slice(pos, c.at) });
    if (c.kind === 'note') {
      runs.push({ t: 'note', id: c.n.id });
      pos = Math.max(pos, c.at);
    } else {
      runs.push({ t: 'fig', text: d.text.slice(c.m.start, c.m.end), ref: c.m.ref });
      pos = c.m.end;
    }
  }
  if (pos < d.text.length) runs.push({ t: 'text', text: d.text.slice(pos) });
  return runs;
}

/** "Trong đó: Diện tích lúa 15.560 ha, đạt 103,7% kế hoạch, bằng 99,8% so với cùng kỳ; ngô 14.120 ha, đạt 100,9%, …". */
function footnoteRuns(ctx: PatternContext, st: StatementTemplate, fn: FootnoteTemplate, children: ReadonlyMap<string, string[]>): Part[] | null {
  const items = fn.items === 'children' ? (children.get(st.indicator ?? '') ?? []) : fn.items;
  const rendered: Part[][] = [];
  for (const item of items) {
    const code = typeof item === 'string' ? item : item.indicator;
    const first = rendered.length === 0;
    const pattern = typeof item === 'string' ? (first ? (fn.first ?? '{name} {figure}, {plan}, {samePeriod}') : (fn.item ?? '{name} {figure}, {plan:short}, {samePeriod:short}')) : item.pattern;
    const parts = renderPattern(ctx, pattern, code);
    if (!parts) continue;
    const cased = fn.numbered ? parts : first && !fn.lead.trim().endsWith(',') ? adjustCase(parts, 'upper') : adjustCase(parts, 'lower');
    rendered.push(fn.numbered ? [{ kind: 'text', text: `(${rendered.length + 1}) ` }, ...cased] : cased);
  }
  if (rendered.length === 0) return null;
  const out: Part[] = fn.lead ? [{ kind: 'text', text: fn.lead }] : [];
  rendered.forEach((r, i) => {
    if (i > 0) out.push({ kind: 'text', text: fn.separator ?? '; ' });
    out.push(...r);
  });
  out.push({ kind: 'text', text: '.' });
  for (const t of fn.tail ?? []) {
    const parts = renderPattern(ctx, t, st.indicator);
    if (parts) out.push({ kind: 'text', text: ' ' }, ...parts);
  }
  return mergeText(out);
}
