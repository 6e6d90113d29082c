import { footnoteNumbers, numberLine, placeDateLine, ReportContent } from '@app/domain';
import {
  AlignmentType, BorderStyle, Document, File, Header, ITableCellOptions, LineRuleType, Packer, PageNumber, Paragraph,
  Table, TableCell, TableRow, TextRun, UnderlineType, WidthType, convertMillimetersToTwip as mm,
} from 'docx';
import { documentBody } from './document-body';
import { footnotesPart } from './footnotes-part';
import { zipPackage } from './zip-package';

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
    // the signature block is never split across two pages: its signature goes between the title and the name
    rows: [new TableRow({ cantSplit: true, children: [cell(recipients, 50), cell(block, 50)] })],
  });
}

const BODY_MARKER = '[report body: document-body.ts]';
const BODY_MARKER_XML = `<w:p><w:r><w:t xml:space="preserve">${BODY_MARKER}</w:t></w:r></w:p>`;

/**
 * What docx's object model writes in place of the parts written as XML directly: docx-report.spec.ts
 * gives both, to compare renderDocx with the document docx itself writes.
 */
export interface ThroughDocx {
  /** the body paragraphs (default: the marker that document-body.ts's XML replaces) */
  body?: Paragraph[];
  /** the footnotes by number (default: none, word/footnotes.xml is footnotes-part.ts's) */
  footnotes?: Record<number, { children: Paragraph[] }>;
}

/** The document docx builds: all but the body paragraphs and the footnotes, unless `throughDocx` gives them. */
export function buildReportDocument(content: ReportContent, throughDocx: ThroughDocx = {}): Document {
  const body = throughDocx.body ?? [new Paragraph({ children: [new TextRun(BODY_MARKER)] })];
  const children: Array<Paragraph | Table> = [header(content), line({ text: '', size: 14, after: 240 })];
  children.push(line({ text: content.header.kind, bold: true, size: 14 }));
  content.header.title.forEach((t) => children.push(line({ text: t, bold: true, size: 14 })));
  children.push(rule(60), line({ text: '', size: 14, after: 120 }));
  // the body paragraphs, a megabyte of text, are written as XML directly (document-body.ts) in place of the marker
  children.push(...body);
  children.push(line({ text: '', size: 12, after: 120 }), signature(content));

  return new Document({
    ...(throughDocx.footnotes ? { footnotes: throughDocx.footnotes } : {}),
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

/**
 * docx's compiler: the package's parts by path, not yet zipped. Packer holds it as a private static
 * (docx 9.15, pinned by the lockfile); docx-report.spec.ts fails if an upgrade moves it.
 */
function compileParts(doc: File, overrides: Array<{ path: string; data: string }>): Map<string, string | Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: { compile(file: File, prettify: undefined, overrides: Array<{ path: string; data: string }>): Map<string, string | Uint8Array> } }).compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('docx: Packer.compiler is gone (docx upgraded?); see docx-report.ts');
  return compiler.compile(doc, undefined, overrides);
}

export async function renderDocx(content: ReportContent, options: { draft: boolean }): Promise<Buffer> {
  const numbers = footnoteNumbers(content);
  const parts = compileParts(buildReportDocument(content), [{ path: 'word/footnotes.xml', data: footnotesPart(content, numbers) }]);
  const frame = parts.get('word/document.xml');
  const at = typeof frame === 'string' ? frame.indexOf(BODY_MARKER_XML) : -1;
  if (typeof frame !== 'string' || at < 0 || frame.indexOf(BODY_MARKER_XML, at + 1) >= 0) throw new Error('docx: the body marker is not in word/document.xml once');
  parts.set('word/document.xml', frame.slice(0, at) + documentBody(content, numbers, options) + frame.slice(at + BODY_MARKER_XML.length));
  return zipPackage([...parts].map(([path, data]) => ({ path, data })));
}
