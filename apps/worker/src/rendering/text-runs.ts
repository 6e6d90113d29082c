import { Run } from '@app/domain';

/**
 * The runs of a paragraph of the report's body (document-body.ts) and of its footnotes
 * (footnotes-part.ts), written as WordprocessingML directly. One escape for both, the one docx applies
 * to a w:t (docx-report.spec.ts compares both parts with what docx writes).
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/**
 * The XML specials and quotes escaped; what XML 1.0 cannot hold left out: the control characters (a pasted
 * \u0001), U+FFFE and U+FFFF, and a lone surrogate (which UTF-8 cannot encode either). In unicode mode the
 * surrogate class matches only a surrogate that is not half of a pair.
 */
export const escapeText = (s: string) => s.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu, (c) => ESCAPES[c] ?? '');

/** A run of text, with its run properties (`<w:rPr>…</w:rPr>`) if any. */
export const textRun = (text: string, rPr = '') => `<w:r>${rPr}<w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>`;

export const referenceRun = (n: number) => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${n}"/></w:r>`;

/**
 * A paragraph's runs: one Word run per stretch of text between two footnote references, unformatted.
 * A reference to a footnote without a number (not in the report) is left out.
 */
export function paragraphRuns(paragraph: Run[], numbers: Map<string, number>): string {
  let out = '';
  let text = '';
  for (const r of paragraph) {
    if (r.t !== 'note') {
      text += r.text;
      continue;
    }
    const n = numbers.get(r.id);
    if (!n) continue;
    if (text) out += textRun(text);
    text = '';
    out += referenceRun(n);
  }
  return text ? out + textRun(text) : out;
}
