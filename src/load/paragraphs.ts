// Plain text → paragraphs. Saved news copy has one paragraph per line, blank lines or
// not between them (CYP Now's paywall block has none); a few sources (emails, press
// releases from old systems) wrap lines at a fixed width, and those lines are joined.
import { normaliseLine, normaliseLineEndings } from './normalise-text.js';

/** Hard-wrapped lines are at most this long... */
const WRAP_MAX_WIDTH = 100;
/** ...and every line but a paragraph's last fills at least this share of the widest one. */
const WRAP_FILL = 0.55;
/** Lines shorter than this are never taken for wrapped lines. */
const WRAP_MIN_LINE = 40;

const LIST_MARKER = /^(?:[-•·*–—▪■◦●]|\d+[.)])\s/u;

/** Whether a block of lines is one paragraph wrapped at a fixed width. */
export function isHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 2 || lines.some((l) => LIST_MARKER.test(l))) return false;
  const width = Math.max(...lines.map((l) => l.length));
  if (width > WRAP_MAX_WIDTH) return false;
  const body = lines.slice(0, -1);
  // A wrapped paragraph breaks mid-sentence somewhere; a list of short sentences does not.
  // A wrapped paragraph breaks mid-sentence somewhere, the next line going on in lower
  // case; stacked metadata lines ("Name Role" over a date) and short sentences do not.
  return body.every((l) => l.length >= Math.max(WRAP_MIN_LINE, WRAP_FILL * width))
    && body.some((l, i) => !/[.!?:;"”’]$/u.test(l) && /^[\p{Ll}\d(]/u.test(lines[i + 1]!));
}

/** Splits text into normalised, non-empty paragraphs. */
export function splitParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  for (const block of normaliseLineEndings(text).split(/\n[ \t\u00A0]*\n/)) {
    const lines = block.split('\n').map(normaliseLine).filter((l) => l.length > 0);
    if (isHardWrapped(lines)) paragraphs.push(lines.join(' '));
    else paragraphs.push(...lines);
  }
  return paragraphs;
}
