// The character-level rules of RECORDS.md for `text`: `\n` line endings, Unicode spaces
// as plain spaces, one space between words, trimmed lines. Everything else (curly
// quotes, dashes, accents) is the article's own and stays.

/** Every Unicode space separator, tab and the like: they become one plain space. */
const UNICODE_SPACES = /[\t\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Invisible characters that only break word matching (zero-width space, word joiner, stray BOM). */
const INVISIBLES = /[\u200B\u2060\uFEFF]/g;

/** CRLF, CR, form feed and the Unicode line/paragraph separators → `\n`. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?|[\f\u0085\u2028]/g, '\n').replace(/\u2029/g, '\n\n');
}

/** One line: plain spaces, no runs of spaces, trimmed. */
export function normaliseLine(line: string): string {
  return line.replace(INVISIBLES, '').replace(UNICODE_SPACES, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Paragraphs → the `text` field: separated by exactly one blank line. */
export const joinParagraphs = (paragraphs: readonly string[]) => paragraphs.join('\n\n');
