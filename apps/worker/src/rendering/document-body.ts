import { issuerInSentence, replacementNotice, ReportContent } from '@app/domain';
import { paragraphRuns, textRun as run } from './text-runs';

/**
 * The report's body paragraphs (notices, section headings, the units' paragraphs) as the XML of
 * word/document.xml, written directly: through docx's object model they were most of the DOCX build
 * (a province's report is a megabyte of body text). The XML is byte for byte what docx writes for
 * the paragraphs docx-report.ts describes (docx-report.spec.ts compares the two): 14 pt Times New
 * Roman from the document defaults, justified, first-line indent 1.27 cm, 6 pt after; the runs are
 * text-runs.ts's, shared with the footnotes.
 */
const P_OPEN = '<w:p><w:pPr><w:spacing w:after="120" w:before="0" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr>';
const FONT = '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>';
/** run properties of the bold heading and task number, the bold italic run-in heading, the red italic notice */
const BOLD = `<w:rPr>${FONT}<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>`;
const BOLD_ITALIC = `<w:rPr>${FONT}<w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>`;
const NOTICE = `<w:rPr>${FONT}<w:i/><w:iCs/><w:color w:val="C00000"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>`;
/** the replacement's first sentence: italic, in the document's own size */
const ITALIC = `<w:rPr>${FONT}<w:i/><w:iCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>`;

export function documentBody(content: ReportContent, numbers: Map<string, number>, options: { draft: boolean }): string {
  const out: string[] = [];
  const paragraph = (inner: string) => out.push(`${P_OPEN}${inner}</w:p>`);
  if (options.draft) for (const n of content.notices) paragraph(run(n, NOTICE));
  // Decree 30/2020, Art. 18.3: a report issued in place of one with errors says which one it replaces, and why
  if (content.header.replaces) paragraph(run(replacementNotice(content.header.replaces, issuerInSentence(content.header.issuer)), ITALIC));
  for (const s of content.sections) {
    if (s.style === 'run-in' || s.style === 'task') {
      const label = s.style === 'run-in' ? run(`${s.heading} `, BOLD_ITALIC) : run(`${s.number} `, BOLD);
      s.paragraphs.forEach((p, i) => paragraph(i === 0 ? label + paragraphRuns(p, numbers) : paragraphRuns(p, numbers)));
      if (s.paragraphs.length === 0) paragraph(label);
      continue;
    }
    paragraph(run([s.number, s.heading].filter(Boolean).join(' '), BOLD));
    for (const p of s.paragraphs) paragraph(paragraphRuns(p, numbers));
  }
  return out.join('');
}
