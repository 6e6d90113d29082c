import { findAllInOneSentence, findWord, numberPattern, Prose, sentences, Span } from './text-match';

/** The obvious way: numberPattern run over each sentence. findAllInOneSentence must find exactly what this finds. */
function reference(text: string, tokens: Array<{ printed: string; percent: boolean }>, taken: (s: number, e: number) => boolean, context: string[] = []): Span[] | null {
  for (const s of sentences(text)) {
    const part = text.slice(s.start, s.end);
    const lower = part.toLocaleLowerCase('vi');
    if (!context.every((w) => lower.includes(w.toLocaleLowerCase('vi')))) continue;
    const found: Span[] = [];
    for (const token of tokens) {
      const re = numberPattern(token.printed, token.percent);
      let hit: Span | null = null;
      for (let m = re.exec(part); m; m = re.exec(part)) {
        const span = { start: s.start + m.index, end: s.start + m.index + m[0].length };
        if (!taken(span.start, span.end) && !found.some((f) => f.start === span.start)) {
          hit = span;
          break;
        }
      }
      if (!hit) break;
      found.push(hit);
    }
    if (found.length === tokens.length) return found;
  }
  return null;
}

const none = () => false;
const n = (printed: string, percent = false) => ({ printed, percent });

describe('finding the figures a unit already wrote', () => {
  const text =
    'Trồng rừng mới được 710,83 ha, lũy kế 5.000 ha, đạt 55,5% kế hoạch. Chỉ số PCI đứng thứ 09/63 tỉnh. ' +
    'Thu ngân sách 1.234,5 tỷ đồng, giảm -3,2 % so với cùng kỳ; tổng 11.710,83 ha và 5.0001 ha. Tăng 55,5 lần, còn 0,50 và 00,5 tấn.';

  it('finds each number as a whole number, in one sentence', () => {
    expect(findAllInOneSentence(text, [n('710,83'), n('5.000'), n('55,5', true)], none)).toEqual([
      { start: 20, end: 26 },
      { start: 38, end: 43 },
      { start: 52, end: 56 },
    ]);
    expect(findAllInOneSentence(text, [n('710,83'), n('1.234,5')], none)).toBeNull(); // two sentences
    expect(findAllInOneSentence(text, [n('83')], none)).toBeNull(); // a tail of 710,83 is not 83
    expect(findAllInOneSentence(text, [n('11.710')], none)).toBeNull(); // a head of 11.710,83 neither
  });

  it('reads leading zeros, a minus sign, and "%" with or without a space as numberPattern does', () => {
    const cases: Array<Array<{ printed: string; percent: boolean }>> = [
      [n('9')], [n('63')], [n('3,2', true)], [n('-3,2', true)], [n('-3,2')], [n('55,5', true)], [n('55,5')], [n('0,5')], [n('0,50')],
      [n('5.000'), n('5.0001')], [n('1.234,5'), n('3,2', true)], [n('5')], [n('0')],
    ];
    for (const tokens of cases) expect(findAllInOneSentence(text, tokens, none)).toEqual(reference(text, tokens, none));
  });

  it('skips what is already linked and needs the context words in the same sentence', () => {
    const taken = (s: number, e: number) => s < 56 && e > 52; // the first 55,5
    expect(findAllInOneSentence(text, [n('55,5')], taken)).toEqual(reference(text, [n('55,5')], taken));
    expect(findAllInOneSentence(text, [n('55,5')], taken)?.[0].start).toBeGreaterThan(100);
    expect(findAllInOneSentence(text, [n('5.000')], none, ['ngân sách'])).toBeNull();
    expect(findAllInOneSentence(text, [n('5.000')], none, ['RỪNG'])).toEqual([{ start: 38, end: 43 }]);
  });

  it('agrees with numberPattern on generated prose', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pieces = ['1.234', '0', '05', '-7', '12,5', '%', ' %', ', ', '. ', '. Đã ', 'ha ', '-', '.', ',', '3', '99,0', '100'];
    for (let i = 0; i < 300; i++) {
      const t = 'Số liệu ' + Array.from({ length: 12 }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
      const prose = new Prose(t);
      for (const printed of ['1.234', '0', '5', '-7', '7', '12,5', '3', '99,0', '100', '1.234,5']) {
        for (const percent of [false, true]) {
          expect([t, printed, percent, findAllInOneSentence(prose, [n(printed, percent)], none)]).toEqual([t, printed, percent, reference(t, [n(printed, percent)], none)]);
        }
      }
    }
  });

  it('finds a word case-insensitively, sentence by sentence', () => {
    expect(findWord(text, ['pci'])).toEqual({ sentence: { start: 68, end: 99 }, at: 78 });
    expect(findWord(text, ['không có'])).toBeNull();
  });
});
