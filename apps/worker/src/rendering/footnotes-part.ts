import { ReportContent } from '@app/domain';
import { paragraphRuns } from './text-runs';

/**
 * The report's footnotes part (word/footnotes.xml), written directly and handed to the docx Packer as
 * a file override. A province's report carries a couple of thousand "Trong đó" footnotes of one
 * paragraph each; through docx's object model they took more than half of the DOCX build. First the
 * separators as Word writes them (ids -1 and 0), then each footnote as one "footnote text" paragraph,
 * justified, no space after, led by its number: byte for byte what docx writes for such a paragraph
 * (docx-report.spec.ts compares them), with the runs and their escaping of the body (text-runs.ts).
 */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const separator = (id: number, kind: 'separator' | 'continuationSeparator') =>
  `<w:footnote w:type="${kind}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:${kind}/></w:r></w:p></w:footnote>`;

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
