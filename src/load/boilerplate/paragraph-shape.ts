// What a paragraph looks like, independent of its words: length, whether it ends like a
// sentence, whether it could be a headline. Furniture is short and rarely ends with a
// full stop; body text is sentences. These shapes decide where no cue phrase can.
import { compromise } from './nlp.js';

/** Words: runs of letters or digits. */
export function wordCount(paragraph: string): number {
  return paragraph.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Ends with sentence punctuation, perhaps inside closing quotes or brackets. */
export function endsSentence(paragraph: string): boolean {
  return /[.!?…:;]["'”’)\]]*$/u.test(paragraph);
}

/** Ends with a full stop (not ? or !, which headlines may end with). */
export function endsWithFullStop(paragraph: string): boolean {
  return /[.…;]["'”’)\]]*$/u.test(paragraph);
}

/** Fewest words of a paragraph that counts as body text rather than a label. */
export const BODY_MIN_WORDS = 8;
/** Most words a headline has. */
export const HEADLINE_MAX_WORDS = 30;

/** A sentence-shaped paragraph of some length: body text. */
export const isBodyLike = (paragraph: string) => wordCount(paragraph) >= BODY_MIN_WORDS && endsSentence(paragraph);

/** Could be a headline: a few words that do not end with a full stop or colon. */
export function isHeadlineLike(paragraph: string): boolean {
  const words = wordCount(paragraph);
  return words >= 2 && words <= HEADLINE_MAX_WORDS && !endsWithFullStop(paragraph) && !/[:;,]$/.test(paragraph)
    && !/^[-•·*–—▪■◦●]\s/u.test(paragraph);
}

/** The paragraph without a leading list bullet, for matching cue phrases. */
export const withoutBullet = (paragraph: string) => paragraph.replace(/^[-•·*–—▪■◦●]+\s+/u, '');

/** Whether the paragraph has a verb: tells a caption's sentence from a label such as "Tower Hamlets Town Hall". */
export function hasVerb(paragraph: string): boolean {
  return compromise()(paragraph).verbs().length > 0;
}

/** Strips quotation marks that wrap the whole headline (“...”), which are the page's styling. */
export function unwrapQuotes(headline: string): string {
  const m = /^(["“‘'])(.*)(["”’'])$/su.exec(headline);
  if (!m) return headline;
  const inner = m[2]!;
  // Only when the inner text has no quote of the same family that would be left unbalanced.
  return /["“”]/u.test(inner) && (m[1] === '"' || m[1] === '“') ? headline : inner.trim();
}
