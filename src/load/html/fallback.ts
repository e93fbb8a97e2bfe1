// Pages whose body text is built by scripts leave the DOM pass with little or nothing.
// Two stand-ins, in order: a JSON-LD articleBody clearly longer than what the DOM gave,
// then the page description when the DOM gave almost nothing.
import { linearise } from './blocks.js';
import { squash } from './dom.js';
import type { PageMetadata } from './metadata.js';
import { parseHtml } from './parse.js';

/** articleBody replaces the DOM text when it is this many times longer. */
const ARTICLE_BODY_RATIO = 2;
/** Below this many characters of DOM text, the page description is added. */
const MIN_MAIN_TEXT_CHARS = 100;

/** articleBody → paragraphs: some sites put HTML in it, most plain text with newlines. */
function articleBodyParagraphs(body: string): string[] {
  if (/<(?:p|div|br|h\d)\b/i.test(body)) {
    return linearise(parseHtml(body), new Set()).blocks.flatMap((b) => b.segments);
  }
  return body.split(/\n+/).map(squash).filter(Boolean);
}

/** The paragraphs to use instead of (or after) `found`, the DOM pass's paragraphs. */
export function withFallbacks(found: string[], page: PageMetadata): string[] {
  const foundChars = found.reduce((n, p) => n + p.length, 0);
  if (page.articleBody) {
    const body = articleBodyParagraphs(page.articleBody);
    if (body.reduce((n, p) => n + p.length, 0) > ARTICLE_BODY_RATIO * foundChars) return body;
  }
  const description = page.description;
  if (foundChars < MIN_MAIN_TEXT_CHARS && description && !found.some((p) => p.includes(description))) {
    return [...found, description];
  }
  return found;
}
