import { composeReport, footnoteNumbers, ReportContent, Run } from '@app/domain';
import { AlignmentType, convertMillimetersToTwip as mm, FootnoteReferenceRun, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { inflateRawSync } from 'node:zlib';
import { demoComposeInput } from '../../../../test/support/demo-consolidation-input';
import { buildReportDocument, renderDocx } from './docx-report';

/** Every part of a zip file by name, inflated. */
function parts(zip: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const local = zip.readUInt32LE(p + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    out.set(zip.toString('utf8', p + 46, p + 46 + nameLen), (zip.readUInt16LE(p + 10) === 0 ? data : inflateRawSync(data)).toString('utf8'));
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

/** A paragraph's runs through docx: a TextRun per stretch of text, a FootnoteReferenceRun per numbered note. */
function runsThroughDocx(paragraph: Run[], numbers: Map<string, number>): Array<TextRun | FootnoteReferenceRun> {
  const out: Array<TextRun | FootnoteReferenceRun> = [];
  let text = '';
  const flush = () => {
    if (text) out.push(new TextRun(text));
    text = '';
  };
  for (const r of paragraph) {
    if (r.t !== 'note') text += r.text;
    else if (numbers.get(r.id)) {
      flush();
      out.push(new FootnoteReferenceRun(numbers.get(r.id)!));
    }
  }
  flush();
  return out;
}

/** The body as docx's object model builds it: what renderDocx wrote through docx before document-body.ts. */
function bodyThroughDocx(content: ReportContent, numbers: Map<string, number>, draft: boolean): Paragraph[] {
  const FONT = 'Times New Roman';
  const runs = (paragraph: Run[]) => runsThroughDocx(paragraph, numbers);
  const body = (children: Array<TextRun | FootnoteReferenceRun>) =>
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(12.7) }, spacing: { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO }, children });
  const out: Paragraph[] = [];
  if (draft) for (const n of content.notices) out.push(body([new TextRun({ text: n, italics: true, size: 26, font: FONT, color: 'C00000' })]));
  for (const s of content.sections) {
    const paragraphs = s.paragraphs.map(runs);
    if (s.style === 'run-in' || s.style === 'task') {
      const label = s.style === 'run-in' ? new TextRun({ text: `${s.heading} `, italics: true, bold: true, size: 28, font: FONT }) : new TextRun({ text: `${s.number} `, bold: true, size: 28, font: FONT });
      paragraphs.forEach((p, i) => out.push(body(i === 0 ? [label, ...p] : p)));
      if (paragraphs.length === 0) out.push(body([label]));
      continue;
    }
    out.push(body([new TextRun({ text: [s.number, s.heading].filter(Boolean).join(' '), bold: true, size: 28, font: FONT })]));
    paragraphs.forEach((p) => out.push(body(p)));
  }
  return out;
}

/** The footnotes as docx's object model writes them: what footnotes-part.ts must equal, byte for byte. */
function footnotesThroughDocx(content: ReportContent, numbers: Map<string, number>): Record<number, { children: Paragraph[] }> {
  const notes: Record<number, { children: Paragraph[] }> = {};
  for (const [id, n] of numbers) {
    // the document's "footnote text" style (11 pt), which docx does not give a footnote's paragraphs by itself
    const children = runsThroughDocx(content.footnotes[id], numbers);
    notes[n] = { children: [new Paragraph({ style: 'FootnoteText', alignment: AlignmentType.JUSTIFIED, spacing: { after: 0 }, children })] };
  }
  return notes;
}

/** The May 2024 demo report, composed from what the worker's consolidation assembles. */
function mayReport(): ReportContent {
  return composeReport(demoComposeInput()).content;
}

describe('renderDocx', () => {
  const may = mayReport();
  const odd: ReportContent = {
    ...may,
    notices: ['Dự thảo <thử> & "trích dẫn" \'đơn\'\u0001 còn thiếu'],
    // a footnote with what its part must escape: the XML specials, quotes, a control character XML forbids
    footnotes: { ...may.footnotes, odd: [{ t: 'text', text: 'Trong đó: <a> & "b" \'c\'\u0001\u001f d > e' }] },
    sections: [
      ...may.sections.slice(0, 3),
      {
        id: 'x', number: '', heading: '', level: 2, style: 'heading',
        paragraphs: [[], [{ t: 'text', text: 'a < b & "c"\tđ' }, { t: 'note', id: 'nowhere' }, { t: 'text', text: ' và' }, { t: 'note', id: 'odd' }]],
      },
      { id: 'y', number: '7.', heading: 'Không có đoạn', level: 3, style: 'run-in', paragraphs: [] },
      { id: 'z', number: '8.', heading: 'Nhiệm vụ', level: 3, style: 'task', paragraphs: [] },
    ],
  };

  const cases: Array<[string, ReportContent, boolean]> = [
    ['the May 2024 report, draft', may, true],
    ['the May 2024 report, issued', { ...may, header: { ...may.header, number: '57', date: '2024-05-31' } }, false],
    ['odd sections, escaping and notices', odd, true],
  ];
  /** renderDocx's parts, and those of the same document written by docx itself: its body paragraphs and its footnotes through its object model */
  async function bothWays(content: ReportContent, draft: boolean) {
    const numbers = footnoteNumbers(content);
    const reference = await Packer.toBuffer(buildReportDocument(content, { body: bodyThroughDocx(content, numbers, draft), footnotes: footnotesThroughDocx(content, numbers) }));
    return { want: parts(reference), got: parts(await renderDocx(content, { draft })), numbers };
  }

  it.each(cases)('writes every part of %s as docx writes it (the footnotes: below)', async (_, content, draft) => {
    const { want, got } = await bothWays(content, draft);
    expect([...got.keys()]).toEqual([...want.keys()]);
    for (const [name, xml] of want) {
      if (name === 'word/footnotes.xml') continue;
      // docProps/core.xml carries the time of writing
      if (name === 'docProps/core.xml') expect(got.get(name)!.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T')).toBe(xml.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T'));
      else expect([name, got.get(name)]).toEqual([name, xml]);
    }
  });

  /** the w:footnote elements of a footnotes part, by id */
  const footnotesOf = (xml: string) => new Map([...xml.matchAll(/<w:footnote (?:w:type="\w+" )?w:id="(-?\d+)">[\s\S]*?<\/w:footnote>/g)].map((m) => [Number(m[1]), m[0]]));

  it.each(cases)('writes each footnote of %s as docx does, after the separators Word writes', async (_, content, draft) => {
    const { want, got, numbers } = await bothWays(content, draft);
    const mine = footnotesOf(got.get('word/footnotes.xml')!);
    const docx = footnotesOf(want.get('word/footnotes.xml')!);
    expect(got.get('word/footnotes.xml')).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?><w:footnotes xmlns:w="http:\/\/schemas.openxmlformats.org\/wordprocessingml\/2006\/main">/);
    expect([...mine.keys()]).toEqual([-1, 0, ...[...numbers.values()].sort((a, b) => a - b)]);
    // the separators as Word writes them (docx 9.15 puts a footnote mark in its own, which Word does not)
    const separator = (id: number, kind: string) =>
      `<w:footnote w:type="${kind}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:${kind}/></w:r></w:p></w:footnote>`;
    expect(mine.get(-1)).toBe(separator(-1, 'separator'));
    expect(mine.get(0)).toBe(separator(0, 'continuationSeparator'));
    for (const n of numbers.values()) expect([n, mine.get(n)]).toEqual([n, docx.get(n)]);
  });

  it('gives the same parts for the same document', async () => {
    const a = await renderDocx(may, { draft: true });
    const b = await renderDocx(may, { draft: true });
    const strip = (x: Buffer) => parts(x).set('docProps/core.xml', '');
    expect(strip(a)).toEqual(strip(b));
  });
});
