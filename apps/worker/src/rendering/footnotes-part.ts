import { ReportContent, Run } from '@app/domain';

/**
 * The report's footnotes part (word/footnotes.xml), written directly and handed to the docx Packer as
 * a file override. A province's report carries a couple of thousand "Trong đó" footnotes of one
 * paragraph each; through docx's object model they took more than half of the DOCX build. The XML is
 * what docx writes for the same footnotes: the separators Word expects (ids -1 and 0), then each
 * footnote as one "footnote text" paragraph, justified, no space after, led by its number.
 */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

// what a w:t may hold: the XML specials escaped, the control characters XML 1.0 forbids left out
const escapeText = (s: string) => s.replace(/[&<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : ''));

const textRun = (text: string) => `<w:r><w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>`;
const referenceRun = (n: number) => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${n}"/></w:r>`;

const separator = (id: number, kind: 'separator' | 'continuationSeparator') =>
  `<w:footnote w:type="${kind}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:${kind}/></w:r></w:p></w:footnote>`;

function paragraphRuns(runs: Run[], numbers: Map<string, number>): string {
  let out = '';
  let text = '';
  for (const r of runs) {
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

export function footnotesPart(content: ReportContent, numbers: Map<string, number>): string {
  const notes: string[] = [];
  for (const [id, n] of numbers) {
    notes.push(
      `<w:footnote w:id="${n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/><w:spacing w:after="0"/><w:jc w:val="both"/></w:pPr>` +
        `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>${paragraphRuns(content.footnotes[id], numbers)}</w:p></w:footnote>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="${W}">` +
    `${separator(-1, 'separator')}${separator(0, 'continuationSeparator')}${notes.join('')}</w:footnotes>`
  );
}
