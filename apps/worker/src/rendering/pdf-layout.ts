import type { PdfLayout } from '@app/signing';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** pdftotext -bbox: the words of one page with their boxes (top-left origin), and the page's height. */
function words(xhtml: string): { height: number; words: Word[] } {
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(xhtml)?.[1] ?? 841.89);
  const list: Word[] = [];
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const m of xhtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    list.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: unescape(m[5]) });
  }
  return { height, words: list };
}

/** The words on one line (same top, within a point) in reading order. */
const lines = (ws: Word[]) => {
  const out: Word[][] = [];
  for (const w of [...ws].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const line = out.find((l) => Math.abs(l[0].yMin - w.yMin) < 1.5);
    if (line) line.push(w);
    else out.push([w]);
  }
  return out.map((l) => l.sort((a, b) => a.xMin - b.xMin));
};

/** A word's box → the baseline in PDF space (bottom-left origin) and the font size (LibreOffice's boxes are ~1.3 em tall). */
const baseline = (w: Word, height: number) => ({ y: height - (w.yMax - (w.yMax - w.yMin) * 0.24), size: Math.round(((w.yMax - w.yMin) / 1.3) * 2) / 2 });

/**
 * Where the rendered document leaves room for what comes after the signer: on page 1 the number
 * ("Số:        /BC-UBND") and the date ("ngày      tháng      năm"), on the last page the space
 * between the signer's title and name, where the signature goes (Decree 30/2020, App. I). Read from
 * the PDF LibreOffice wrote, with poppler's pdftotext, so it follows whatever the text pushed where.
 */
export function layoutFrom(first: string, last: string, lastPage: number, signerName: string | null, title: string): PdfLayout {
  const p1 = words(first);
  const pn = words(last);
  const so = p1.words.find((w) => w.text === 'Số:');
  const suffix = so && p1.words.find((w) => w.text.startsWith('/') && Math.abs(w.yMin - so.yMin) < 2);
  if (!so || !suffix) throw new Error('pdf-layout: no "Số: /…" on the first page');
  const dateLine = lines(p1.words).find((l) => l.some((w) => w.text === 'ngày') && l.some((w) => w.text === 'tháng'));
  const at = (t: string) => dateLine?.find((w) => w.text === t);
  const [ngay, thang, nam] = [at('ngày'), at('tháng'), at('năm')];
  if (!ngay || !thang || !nam) throw new Error('pdf-layout: no "ngày … tháng … năm" on the first page');
  const gap = (a: Word, b: Word) => (a.xMax + b.xMin) / 2;
  const nb = baseline(so, p1.height);
  const db = baseline(ngay, p1.height);

  const pageLines = lines(pn.words);
  const text = (l: Word[]) => l.map((w) => w.text).join(' ');
  const nameAt = signerName ? pageLines.findIndex((l) => text(l) === signerName) : -1;
  const titleAt = pageLines.findIndex((l, i) => text(l) === title && (nameAt < 0 || i < nameAt));
  if (titleAt < 0) throw new Error(`pdf-layout: no "${title}" on the last page`);
  const titleLine = pageLines[titleAt];
  const top = Math.max(...titleLine.map((w) => w.yMax));
  const bottom = nameAt >= 0 ? Math.min(...pageLines[nameAt].map((w) => w.yMin)) : top + 90;
  const centre = (titleLine[0].xMin + titleLine[titleLine.length - 1].xMax) / 2;
  const width = 190;
  const height = Math.max(40, bottom - top - 4);
  return {
    number: { page: 0, x: gap(so, suffix), y: nb.y, size: nb.size },
    day: { page: 0, x: gap(ngay, thang), y: db.y, size: db.size },
    month: { page: 0, x: gap(thang, nam), y: db.y, size: db.size },
    year: { page: 0, x: nam.xMax + db.size * 0.25, y: db.y, size: db.size },
    signature: { page: lastPage, x: centre - width / 2, y: pn.height - bottom + 2, width, height },
  };
}

/** Reads the first and last pages' words with pdftotext (poppler-utils; PDFTOTEXT_PATH). */
export async function readPdfLayout(pdftotext: string, pdf: Buffer, pages: number, signerName: string | null, title: string): Promise<PdfLayout> {
  const dir = await mkdtemp(join(tmpdir(), 'tonghop-layout-'));
  try {
    const file = join(dir, 'signed.pdf');
    await writeFile(file, pdf);
    const page = async (n: number) => (await run(pdftotext, ['-bbox', '-f', String(n), '-l', String(n), file, '-'], { maxBuffer: 16 << 20 })).stdout;
    const first = await page(1);
    // the signature block is at the end: on the last page, or (a long "Nơi nhận") the one before
    for (let n = pages; n >= Math.max(1, pages - 2); n--) {
      const words = n === 1 ? first : await page(n);
      if (words.includes(`>${title.split(' ')[0]}</word>`) || n === Math.max(1, pages - 2)) return layoutFrom(first, words, n - 1, signerName, title);
    }
    throw new Error('pdf-layout: unreachable');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('Không tìm thấy pdftotext: cài gói poppler-utils (xem README).');
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
