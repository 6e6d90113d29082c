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

/** A number written in a paragraph: a maximal run of digits with "." or "," between digits. */
interface NumberAt {
  start: number;
  end: number;
  /** where its minus sign is, when "-" stands right before it (and not after a digit, "." or ",") */
  signAt: number | null;
  /** it follows a "." or ",", so it is the tail of something else ("1.,5") and never a number on its own */
  afterSeparator: boolean;
  /** "%" follows, directly or after one space */
  percent: boolean;
}

/**
 * A unit's paragraph as composition searches it: split into sentences once, its numbers indexed once,
 * each sentence lower-cased once and only when asked — a report looks up thousands of figures in the
 * same few paragraphs.
 */
export class Prose {
  readonly sentences: Span[];
  private lowerSentences: Array<string | undefined> = [];
  private lowerText: string | undefined;
  private numberIndex: Map<string, NumberAt[]> | undefined;

  constructor(readonly text: string) {
    this.sentences = sentences(text);
  }

  sentenceLower(i: number): string {
    const s = this.sentences[i];
    return (this.lowerSentences[i] ??= this.text.slice(s.start, s.end).toLocaleLowerCase('vi'));
  }

  lower(): string {
    return (this.lowerText ??= this.text.toLocaleLowerCase('vi'));
  }

  /** Where the paragraph writes this number (as formatNumber prints it), in order; the same matches as numberPattern. */
  occurrences(printed: string): NumberAt[] {
    if (!this.numberIndex) {
      this.numberIndex = new Map();
      const text = this.text;
      for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
        const start = m.index!;
        const end = start + m[0].length;
        const before = text[start - 1];
        const signAt = before === '-' && !/[\d.,]/.test(text[start - 2] ?? '') ? start - 1 : null;
        const percent = text[end] === '%' || (/\s/.test(text[end] ?? '') && text[end + 1] === '%');
        // leading zeros are not part of the number: "09/13" writes 9
        const key = m[0].replace(/^0+(?=\d)/, '');
        const at = { start, end, signAt, afterSeparator: before === '.' || before === ',', percent };
        const list = this.numberIndex.get(key);
        if (list) list.push(at);
        else this.numberIndex.set(key, [at]);
      }
    }
    return this.numberIndex.get(printed.startsWith('-') ? printed.slice(1) : printed) ?? [];
  }
}

const proseOf = (text: string | Prose) => (typeof text === 'string' ? new Prose(text) : text);

/**
 * The first occurrence of each number within one sentence, or null if any is missing. What counts as
 * an occurrence is what numberPattern matches; the paragraph's number index finds them without a
 * regular expression per figure.
 */
export function findAllInOneSentence(
  text: string | Prose,
  tokens: Array<{ printed: string; percent: boolean }>,
  taken: (start: number, end: number) => boolean,
  context: string[] = [],
): Span[] | null {
  if (tokens.length === 0) return null;
  const prose = proseOf(text);
  const candidates: Span[][] = [];
  for (const token of tokens) {
    const negative = token.printed.startsWith('-');
    const spans: Span[] = [];
    for (const n of prose.occurrences(token.printed)) {
      if (token.percent && !n.percent) continue;
      if (negative ? n.signAt === null : n.afterSeparator) continue;
      spans.push({ start: negative ? n.signAt! : n.start, end: n.end });
    }
    if (spans.length === 0) return null;
    candidates.push(spans);
  }
  const contextLower = context.map((w) => w.toLocaleLowerCase('vi'));
  for (let si = 0; si < prose.sentences.length; si++) {
    const s = prose.sentences[si];
    if (contextLower.length > 0) {
      const lower = prose.sentenceLower(si);
      if (!contextLower.every((w) => lower.includes(w))) continue;
    }
    const found: Span[] = [];
    for (const spans of candidates) {
      const hit = spans.find((span) => span.start >= s.start && span.end <= s.end && !taken(span.start, span.end) && !found.some((f) => f.start === span.start));
      if (!hit) break;
      found.push(hit);
    }
    if (found.length === tokens.length) return found;
  }
  return null;
}

/** The first sentence that contains one of the words (case-insensitive). */
export function findWord(text: string | Prose, words: string[]): { sentence: Span; at: number } | null {
  const prose = proseOf(text);
  const lower = prose.lower();
  for (const s of prose.sentences) {
    for (const w of words) {
      const i = lower.indexOf(w.toLocaleLowerCase('vi'), s.start);
      if (i >= 0 && i < s.end) return { sentence: s, at: i + w.length };
    }
  }
  return null;
}
