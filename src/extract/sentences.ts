// Cleaned text → paragraphs, sentences and quotations, all as spans into the text.
// A cheap rule-based pass: news prose is well punctuated, and this runs on every
// article, so no tagger is used here.
import abbreviations from '../vocab/abbreviations.json' with { type: 'json' };

export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

export interface Quotation {
  /** Span of the quoted words, without the quote marks. */
  start: number;
  end: number;
  paragraph: number;
  /** A full clause ("Leaders are…") rather than a fragment inside a sentence ("…praised for "robust" work"). */
  clause: boolean;
  /** The closing mark is missing: the quotation runs on into the next paragraph or the text ends. */
  open: boolean;
}

export interface Paragraph {
  start: number;
  end: number;
}

export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const trimmedEnd = m.index + m[0].trimEnd().length;
    if (trimmedEnd > m.index) out.push({ start: m.index, end: trimmedEnd });
  }
  return out;
}

const ABBREVIATIONS = new Set(abbreviations.words.map((w) => w.toLowerCase()));
/** Where a sentence may end: terminal punctuation, closing quotes or brackets, then space and a capital, digit or opening quote. */
// (The lookbehind starts a match only at the first mark of a run, so "......" stays linear.)
const BOUNDARY = /(?<![.!?])[.!?]+["”’')\]]*(?=\s+["“‘'(\[]?[\p{Lu}\d£])|\n/gu;

/** Index of the last sentence that starts at or before `offset` (0 when none does). */
export function sentenceIndexAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function sentencesOf(text: string, paragraphs: Paragraph[] = paragraphsOf(text)): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, index) => {
    const body = text.slice(p.start, p.end);
    let from = 0;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(body); m; m = BOUNDARY.exec(body)) {
      const end = m.index + m[0].length;
      if (m[0] !== '\n') {
        const word = /([\p{L}.]+)[.]+$/u.exec(body.slice(Math.max(from, m.index - 12), m.index + 1))?.[1];
        if (word && ABBREVIATIONS.has(word.replace(/\.$/, '').toLowerCase())) continue;
      }
      push(out, text, p.start + from, p.start + end, index);
      from = end;
    }
    push(out, text, p.start + from, p.end, index);
  });
  return out;
}

function push(out: Sentence[], text: string, start: number, end: number, paragraph: number) {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end, paragraph });
}

const OPENERS: Record<string, string> = { '“': '”', '"': '"', '‘': '’' };
const OPENER = /["“‘]/g;

/**
 * Quotations in each paragraph. Single curly quotes count only when they open at a
 * word start and close before a non-letter, so apostrophes ("leaders’ grip") are not
 * taken for quote marks. A quotation left open at the paragraph's end continues a
 * speech over paragraphs, as news style does.
 */
export function quotationsOf(text: string, paragraphs: Paragraph[] = paragraphsOf(text)): Quotation[] {
  const out: Quotation[] = [];
  paragraphs.forEach((p, index) => {
    let i = p.start;
    while (i < p.end) {
      OPENER.lastIndex = i;
      const next = OPENER.exec(text);
      if (!next || next.index >= p.end) break;
      i = next.index;
      const closer = OPENERS[text[i]!]!;
      if (i > p.start && !/[\s(\[—–-]/.test(text[i - 1]!)) {
        i++;
        continue;
      }
      let j = i + 1;
      let close = -1;
      for (; j < p.end; j++) {
        if (text[j] !== closer) continue;
        if (closer === '’' && /\p{L}/u.test(text[j + 1] ?? '')) continue; // an apostrophe inside the quotation
        close = j;
        break;
      }
      const start = i + 1;
      const end = close === -1 ? p.end : close;
      const words = text.slice(start, end).trim();
      if (words.length > 0) {
        out.push({ start, end, paragraph: index, clause: isClause(text, start, end, i, p.start), open: close === -1 });
      }
      i = close === -1 ? p.end : close + 1;
    }
  });
  return out;
}

/** A quotation is a clause when it starts with a capital and stands at a paragraph start or after "said:"-style punctuation. */
function isClause(text: string, start: number, end: number, markAt: number, paragraphStart: number): boolean {
  const first = text.slice(start, end).trimStart()[0] ?? '';
  if (!/[\p{Lu}\d]/u.test(first)) return false;
  const before = text.slice(paragraphStart, markAt).trimEnd();
  return before === '' || /[:,.;!?]$/.test(before) || /\b(?:said|says|added|adds|wrote|writes|states|stated|concluded|noted|warned|read|reads)$/i.test(before)
    || text.slice(start, end).split(/\s+/).length >= 8;
}

