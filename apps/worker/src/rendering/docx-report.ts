import { footnoteNumbers, numberLine, placeDateLine, ReportContent, Run } from '@app/domain';
import {
  AlignmentType, BorderStyle, Document, FootnoteReferenceRun, Header, ITableCellOptions, LineRuleType, Packer, PageNumber, Paragraph,
  Table, TableCell, TableRow, TextRun, UnderlineType, WidthType, convertMillimetersToTwip as mm,
} from 'docx';
import { footnotesPart } from './footnotes-part';

/**
 * The report as a Word document in the layout of Decree 30/2020 (Appendix I): A4, margins
 * 20/20/30/15 mm, Times New Roman, body 14 pt justified with a 1.27 cm first-line indent and 6 pt
 * after each paragraph; the two-column header (issuing body and number | Quốc hiệu, Tiêu ngữ,
 * place and date); real Word footnotes (their part written by footnotes-part.ts); page numbers
 * centred at the top from page 2; the "Nơi nhận" block beside the signature block.
 */
const FONT = 'Times New Roman';
const pt = (n: number) => n * 2;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const CELL_NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };

interface Line {
  text: string;
  bold?: boolean;
  italics?: boolean;
  size: number;
  underline?: boolean;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  after?: number;
}

const line = (l: Line) =>
  new Paragraph({
    alignment: l.align ?? AlignmentType.CENTER,
    spacing: { before: 0, after: l.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text: l.text, bold: l.bold, italics: l.italics, size: pt(l.size), font: FONT, underline: l.underline ? { type: UnderlineType.SINGLE } : undefined })],
  });

/** A short solid line under a centred block (1/3–1/2 of its width), drawn as a paragraph border. */
const rule = (indentMm: number) =>
  new Paragraph({
    indent: { left: mm(indentMm), right: mm(indentMm) },
    spacing: { before: 40, after: 80, line: 80, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', size: 2 })],
  });

const cell = (children: Paragraph[], widthPct: number, extra: Partial<ITableCellOptions> = {}) =>
  new TableCell({ children, width: { size: widthPct, type: WidthType.PERCENTAGE }, borders: CELL_NO_BORDERS, ...extra });

/**
 * A paragraph's runs as Word runs. Text and figures print alike, so each stretch between two footnote
 * references is one Word run, and it carries no formatting of its own: the body's font and size are the
 * document's defaults. A report of 40 000 figures would otherwise be 100 000 runs of 8 XML elements each.
 */
function runs(paragraph: Run[], numbers: Map<string, number>): Array<TextRun | FootnoteReferenceRun> {
  const out: Array<TextRun | FootnoteReferenceRun> = [];
  let text = '';
  const flush = () => {
    if (text) out.push(new TextRun(text));
    text = '';
  };
  for (const r of paragraph) {
    if (r.t !== 'note') {
      text += r.text;
      continue;
    }
    const n = numbers.get(r.id);
    if (!n) continue;
    flush();
    out.push(new FootnoteReferenceRun(n));
  }
  flush();
  return out;
}

const body = (children: Array<TextRun | FootnoteReferenceRun>, options: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: mm(12.7) },
    spacing: { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO },
    children,
  });

function header(content: ReportContent): Table {
  const h = content.header;
  const left = [
    ...h.issuer.map((t) => line({ text: t, bold: true, size: 13 })),
    rule(17),
    line({ text: numberLine(h.number, h.numberSuffix), size: 13, after: 0 }),
  ];
  const right = [
    line({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: 13 }),
    line({ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size: 14, underline: true, after: 240 }),
    line({ text: placeDateLine(h.place, h.date), italics: true, size: 14 }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 38), cell(right, 62)] })],
  });
}

function signature(content: ReportContent): Table {
  const h = content.header;
  const recipients = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: pt(12), font: FONT })] }),
    ...h.recipients.map((r) => line({ text: `- ${r};`, size: 11, align: AlignmentType.LEFT })),
    line({ text: `- ${h.archive}.`, size: 11, align: AlignmentType.LEFT }),
  ];
  const s = h.signature;
  const block = [
    line({ text: s.onBehalf, bold: true, size: 14 }),
    ...(s.for ? [line({ text: s.for, bold: true, size: 14 })] : []),
    line({ text: s.title, bold: true, size: 14, after: 1800 }),
    line({ text: s.name ?? '', bold: true, size: 14 }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(recipients, 50), cell(block, 50)] })],
  });
}

function buildReportDocument(content: ReportContent, numbers: Map<string, number>, options: { draft: boolean }): Document {
  const children: Array<Paragraph | Table> = [header(content), line({ text: '', size: 14, after: 240 })];
  children.push(line({ text: content.header.kind, bold: true, size: 14 }));
  content.header.title.forEach((t) => children.push(line({ text: t, bold: true, size: 14 })));
  children.push(rule(60), line({ text: '', size: 14, after: 120 }));
  if (options.draft) {
    for (const n of content.notices) children.push(body([new TextRun({ text: n, italics: true, size: pt(13), font: FONT, color: 'C00000' })]));
  }
  for (const s of content.sections) {
    const paragraphs = s.paragraphs.map((p) => runs(p, numbers));
    if (s.style === 'run-in' || s.style === 'task') {
      const label = s.style === 'run-in' ? new TextRun({ text: `${s.heading} `, italics: true, bold: true, size: pt(14), font: FONT }) : new TextRun({ text: `${s.number} `, bold: true, size: pt(14), font: FONT });
      paragraphs.forEach((p, i) => children.push(body(i === 0 ? [label, ...p] : p)));
      if (paragraphs.length === 0) children.push(body([label]));
      continue;
    }
    const heading = [s.number, s.heading].filter(Boolean).join(' ');
    children.push(body([new TextRun({ text: heading, bold: true, size: pt(14), font: FONT })]));
    paragraphs.forEach((p) => children.push(body(p)));
  }
  children.push(line({ text: '', size: 12, after: 120 }), signature(content));

  return new Document({
    creator: content.header.issuer.join(' '),
    title: content.header.title.join(' '),
    styles: {
      default: { document: { run: { font: FONT, size: pt(14) } } },
      paragraphStyles: [{ id: 'FootnoteText', name: 'footnote text', basedOn: 'Normal', run: { font: FONT, size: pt(11) } }],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(14), font: FONT })] })],
          }),
        },
        children,
      },
    ],
  });
}

export async function renderDocx(content: ReportContent, options: { draft: boolean }): Promise<Buffer> {
  const numbers = footnoteNumbers(content);
  return Packer.toBuffer(buildReportDocument(content, numbers, options), undefined, [{ path: 'word/footnotes.xml', data: footnotesPart(content, numbers) }]);
}
