import { composeReport, ReportContent, Run } from '@app/domain';
import fc from 'fast-check';
import { Parser as HtmlParser } from 'htmlparser2';
import { SaxesParser } from 'saxes';
import { revisionHtml } from '../../../api/src/reports/report-view';
import { demoComposeInput } from '../../../../test/support/demo-consolidation-input';
import { zipEntry } from '../../../../test/support/docx-text';
import { renderDocx } from './docx-report';
import { escapeText } from './text-runs';

/**
 * Whatever text a reviewer types into a section (any Unicode string: control characters, U+FFFE, lone
 * surrogates, XML and HTML specials), the DOCX is well-formed XML 1.0 and the HTML preview shows the
 * text as text. Fixed seeds: a failure replays; FC_SEED / FC_RUNS explore further.
 */
const SEED = Number(process.env.FC_SEED ?? 1604);
const RUNS = Number(process.env.FC_RUNS ?? 60);

/** any UTF-16 string: every code unit, so lone surrogates and U+FFFE/U+FFFF too, mixed with whole code points */
const anyText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '\u0000', '\u0001', '\u001f', '\ud800', '\udfff', '\ufffe', '\uffff', ']]>', 'a', ' '), maxLength: 20 }),
);

/** the XML 1.0 Char production, on code points */
const isXmlChar = (cp: number) =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
/** what a document can keep of a string: its XML characters (a lone surrogate is not one), line ends as a parser reads them */
const keepable = (s: string) => [...s].filter((c) => isXmlChar(c.codePointAt(0)!)).join('').replace(/\r\n?/g, '\n');

function wellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: false });
  parser.write(xml).close();
}

const may = composeReport(demoComposeInput()).content;

function withText(texts: string[], notice: string, note: string): ReportContent {
  const paragraph: Run[] = texts.flatMap((text, i) => (i === 1 ? [{ t: 'note', id: 'fz' } as Run, { t: 'text', text }] : [{ t: 'text', text }]));
  return {
    ...may,
    notices: [notice],
    footnotes: { ...may.footnotes, fz: [{ t: 'text', text: note }] },
    sections: [may.sections[0], { id: 'fz', number: '9.', heading: texts[0] ?? '', level: 2, style: 'heading', paragraphs: [paragraph] }],
  };
}

describe('report text, any Unicode string', () => {
  it('escapeText keeps exactly the XML characters of a string, escaped', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const escaped = escapeText(s);
        wellFormed(`<t>${escaped}</t>`);
        let read = '';
        const p = new SaxesParser({ xmlns: false });
        p.on('text', (t) => (read += t));
        p.write(`<t>${escaped}</t>`).close();
        expect(read).toBe(keepable(s));
      }),
      { seed: SEED, numRuns: RUNS * 20 },
    );
  });

  it('renderDocx writes well-formed parts whose text is the text typed, less what XML cannot hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 1, maxLength: 4 }), anyText, anyText, async (texts, notice, note) => {
        const docx = await renderDocx(withText(texts, notice, note), { draft: true });
        const document = zipEntry(docx, 'word/document.xml')!;
        const footnotes = zipEntry(docx, 'word/footnotes.xml')!;
        wellFormed(document);
        wellFormed(footnotes);
        let text = '';
        const p = new SaxesParser({ xmlns: false });
        p.on('text', (t) => (text += t));
        p.write(document).close();
        for (const t of [...texts, notice]) expect(text).toContain(keepable(t));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('the HTML preview shows the text as text: no element or attribute comes from it', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 4 }), anyText, anyText, (texts, notice, note) => {
        const content = withText(texts, notice, note);
        const html = revisionHtml(content, [], { numberLine: 'Số: /BC-UBND', placeDate: 'ngày 31 tháng 5 năm 2024', draft: true });
        const plain = revisionHtml(withText(texts.map(() => 'x'), 'x', 'x'), [], { numberLine: 'Số: /BC-UBND', placeDate: 'ngày 31 tháng 5 năm 2024', draft: true });
        const tags = (h: string) => {
          const out: string[] = [];
          const parser = new HtmlParser({ onopentag: (name, attrs) => out.push(`${name}:${Object.keys(attrs).join(',')}`) }, { decodeEntities: true });
          parser.write(h);
          parser.end();
          return out;
        };
        expect(tags(html)).toEqual(tags(plain));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
