/**
 * Finding figures and words in the paragraphs units write, so that a figure their prose already
 * states is linked to its source (and gets its footnote) instead of being written a second time.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A printed number as a whole number in prose: "9" matches "09/13" but not "1.9" or "19". */
export function numberPattern(printed: string, percent: boolean): RegExp {
  const body = escape(printed).replace(/^(-?)/, '$1(?:0(?=\\d))*');
  return new RegExp(`(?<![\\d.,])${body}(?![\\d]|[.,]\\d)${percent ? '(?=\\s?%)' : ''}`, 'g');
}

export interface Span {
  start: number;
  end: number;
}

/** Sentences of a paragraph: a full stop (not inside a number) followed by a capital, or the end. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const re = /[.!?](?=\s+[\p{Lu}“"(])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index + 1 });
    start = m.index + 1;
    while (start < text.length && /\s/.test(text[start])) start++;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** Where a footnote marker goes after `from`: before the next , ; . ) that is not inside a number. */
export function clauseEnd(text: string, from: number, limit = text.length): number {
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === ';' || c === ')' || c === ':') return i;
    if ((c === ',' || c === '.') && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))) return i;
  }
  return sentenceBodyEnd(text, { start: from, end: limit });
}

/** The end of a sentence before its final punctuation. */
export function sentenceBodyEnd(text: string, s: Span): number {
  let end = s.end;
  while (end > s.start && /[\s.!?]/.test(text[end - 1])) end--;
  return end;
}

/** The first occurrence of each number within one sentence, or null if any is missing. */
export function findAllInOneSentence(
  text: string,
  tokens: Array<{ printed: string; percent: boolean }>,
  taken: (start: number, end: number) => boolean,
  context: string[] = [],
): Span[] | null {
  if (tokens.length === 0) return null;
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

/** The first sentence that contains one of the words (case-insensitive). */
export function findWord(text: string, words: string[]): { sentence: Span; at: number } | null {
  const lower = text.toLocaleLowerCase('vi');
  for (const s of sentences(text)) {
    for (const w of words) {
      const i = lower.indexOf(w.toLocaleLowerCase('vi'), s.start);
      if (i >= 0 && i < s.end) return { sentence: s, at: i + w.length };
    }
  }
  return null;
}
