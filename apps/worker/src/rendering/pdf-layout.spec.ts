import { layoutFrom } from './pdf-layout';

const page = (words: Array<[string, number, number, number, number]>) =>
  `<doc><page width="595.303937" height="841.889764">${words.map(([t, x0, y0, x1, y1]) => `<word xMin="${x0}" yMin="${y0}" xMax="${x1}" yMax="${y1}">${t}</word>`).join('')}</page></doc>`;

/** What pdftotext -bbox says of the signed report LibreOffice renders (numbers from a real one). */
const FIRST = page([
  ['Số:', 126.1, 114.25, 143.4, 131.15], ['/BC-UBND', 165.0, 114.25, 221.7, 131.15],
  ['Lạng', 302.0, 115.6, 330.8, 133.8], ['Sơn,', 334.3, 115.6, 359.2, 133.8], ['ngày', 362.7, 115.6, 389.9, 133.8],
  ['tháng', 405.0, 115.6, 436.8, 133.8], ['năm', 452.0, 115.6, 476.1, 133.8],
]);
const LAST = page([
  ['TM.', 355.3, 559.1, 381.3, 577.3], ['ỦY', 384.8, 559.1, 405.0, 577.3], ['BAN', 408.6, 559.1, 438.1, 577.3],
  ['PHÓ', 383.8, 591.3, 414.1, 609.5], ['CHỦ', 417.6, 591.3, 448.7, 609.5], ['TỊCH', 452.2, 591.3, 487.9, 609.5],
  ['Dương', 375.8, 697.4, 416.8, 715.6], ['Xuân', 420.3, 697.4, 452.9, 715.6], ['Huyền', 456.4, 697.4, 496.1, 715.6],
]);

describe('where the records office writes and the signatures go', () => {
  it('puts the number between "Số:" and "/BC-UBND", the day and month in their blanks, the year after "năm"', () => {
    const l = layoutFrom(FIRST, LAST, 14, 'Dương Xuân Huyền', 'PHÓ CHỦ TỊCH');
    expect(l.number.x).toBeCloseTo((143.4 + 165.0) / 2, 1);
    expect(l.number.size).toBe(13);
    expect(l.day.x).toBeCloseTo((389.9 + 405.0) / 2, 1);
    expect(l.month.x).toBeCloseTo((436.8 + 452.0) / 2, 1);
    expect(l.year.x).toBeGreaterThan(476.1);
    // baselines in PDF space (origin bottom left), a little above the boxes' bottoms
    expect(l.number.y).toBeGreaterThan(841.89 - 131.15);
    expect(l.number.y).toBeLessThan(841.89 - 114.25);
  });

  it('puts the signature in the gap between the title and the name, centred on the title, on the last page', () => {
    const l = layoutFrom(FIRST, LAST, 14, 'Dương Xuân Huyền', 'PHÓ CHỦ TỊCH');
    expect(l.signature.page).toBe(14);
    expect(l.signature.x + l.signature.width / 2).toBeCloseTo((383.8 + 487.9) / 2, 1);
    expect(l.signature.y).toBeGreaterThan(841.89 - 697.4); // above the name
    expect(l.signature.y + l.signature.height).toBeLessThanOrEqual(841.89 - 609.5); // below the title
  });

  it('says so when the blanks are not there', () => {
    expect(() => layoutFrom(page([]), LAST, 1, null, 'PHÓ CHỦ TỊCH')).toThrow(/Số:/);
    expect(() => layoutFrom(FIRST, page([]), 1, null, 'PHÓ CHỦ TỊCH')).toThrow(/PHÓ CHỦ TỊCH/);
  });
});
