import { dateParts } from '@app/domain';
import type { Rect, TextStamp } from './pdf-signature';

/** A place for text: its page (0-based), centre of the baseline (x, y, PDF space) and size. */
export interface TextPlace {
  page: number;
  x: number;
  y: number;
  size: number;
}

/**
 * Where the records office's additions and the signatures go on a rendered report, found once by
 * the worker (apps/worker/src/rendering/pdf-layout.ts) and stored with the signed PDF.
 */
export interface PdfLayout {
  number: TextPlace;
  day: TextPlace;
  month: TextPlace;
  /** the year is written after "năm": x is where it starts */
  year: TextPlace;
  /** the signer's signature: between the title (PHÓ CHỦ TỊCH) and the name */
  signature: Rect & { page: number };
}

/** The number and the date as the records office writes them into the signed document (Decree 30/2020, Art. 15). */
export function issueStamps(layout: PdfLayout, number: string, isoDate: string): TextStamp[] {
  const d = dateParts(isoDate);
  const centred = (name: string, p: TextPlace, text: string, italic: boolean): TextStamp => ({ name, page: p.page, x: p.x, y: p.y, size: p.size, text, italic, centre: true });
  return [
    centred('so-van-ban', layout.number, number, false),
    centred('ngay', layout.day, d.day, true),
    centred('thang', layout.month, d.month, true),
    { name: 'nam', page: layout.year.page, x: layout.year.x, y: layout.year.y, size: layout.year.size, text: d.year, italic: true },
  ];
}

/**
 * The seal: real size (a provincial People's Committee's is about 36 mm across), over the left third
 * of the signer's signature (Decree 30/2020, App. I, II.8a); any text lines under it.
 */
export function sealRect(layout: PdfLayout, textLines: number): Rect & { page: number } {
  const d = 102;
  const s = layout.signature;
  const textHeight = textLines > 0 ? textLines * 6.5 * 1.2 + 2 : 0;
  return { page: s.page, x: s.x + s.width / 3 - d, y: s.y + s.height / 2 - d / 2 - textHeight, width: textLines > 0 ? d + 40 : d, height: d + textHeight };
}
