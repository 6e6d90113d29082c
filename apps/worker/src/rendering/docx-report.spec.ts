import { composeInputFromFiles, composeReport, footnoteNumbers, ReportContent, Run } from '@app/domain';
import { AlignmentType, convertMillimetersToTwip as mm, FootnoteReferenceRun, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { buildReportDocument, renderDocx } from './docx-report';
import { footnotesPart } from './footnotes-part';

const root = join(__dirname, '..', '..', '..', '..');
const read = (...p: string[]) => JSON.parse(readFileSync(join(root, ...p), 'utf8'));

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

/** The body as docx's object model builds it: what renderDocx wrote through docx before document-body.ts. */
function bodyThroughDocx(content: ReportContent, numbers: Map<string, number>, draft: boolean): Paragraph[] {
  const FONT = 'Times New Roman';
  const runs = (paragraph: Run[]) => {
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
  };
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

function mayReport(): ReportContent {
  const files = { form: read('config', 'forms', 'ktxh-monthly.v1.json'), plans: read('config', 'demo', 'plans.json'), history: read('config', 'demo', 'history.json'), month: read('config', 'demo', 'may-2024.json') };
  return composeReport(composeInputFromFiles(read('config', 'reports', 'ktxh-monthly-report.v1.json'), files)).content;
}

describe('renderDocx', () => {
  const may = mayReport();
  const odd: ReportContent = {
    ...may,
    notices: ['Dự thảo <thử> & "trích dẫn" \'đơn\'\u0001 còn thiếu'],
    sections: [
      ...may.sections.slice(0, 3),
      { id: 'x', number: '', heading: '', level: 2, style: 'heading', paragraphs: [[], [{ t: 'text', text: 'a < b & "c"\tđ' }, { t: 'note', id: 'nowhere' }]] },
      { id: 'y', number: '7.', heading: 'Không có đoạn', level: 3, style: 'run-in', paragraphs: [] },
      { id: 'z', number: '8.', heading: 'Nhiệm vụ', level: 3, style: 'task', paragraphs: [] },
    ],
  };

  it.each([
    ['the May 2024 report, draft', may, true],
    ['the May 2024 report, issued', { ...may, header: { ...may.header, number: '57', date: '2024-05-31' } }, false],
    ['odd sections, escaping and notices', odd, true],
  ])('writes every part of %s as docx writes it', async (_, content, draft) => {
    const numbers = footnoteNumbers(content);
    const reference = await Packer.toBuffer(buildReportDocument(content, bodyThroughDocx(content, numbers, draft)), undefined, [{ path: 'word/footnotes.xml', data: footnotesPart(content, numbers) }]);
    const want = parts(reference);
    const got = parts(await renderDocx(content, { draft }));
    expect([...got.keys()]).toEqual([...want.keys()]);
    for (const [name, xml] of want) {
      // docProps/core.xml carries the time of writing
      if (name === 'docProps/core.xml') expect(got.get(name)!.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T')).toBe(xml.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T'));
      else expect([name, got.get(name)]).toEqual([name, xml]);
    }
  });

  it('gives the same parts for the same document', async () => {
    const a = await renderDocx(may, { draft: true });
    const b = await renderDocx(may, { draft: true });
    const strip = (x: Buffer) => parts(x).set('docProps/core.xml', '');
    expect(strip(a)).toEqual(strip(b));
  });
});
