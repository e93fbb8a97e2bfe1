// A saved article page → metadata and main-text paragraphs.
//
// 1. parse (htmlparser2; linear, no recursion anywhere below)
// 2. read metadata from the whole page (title, published, url, section)
// 3. prune furniture: never-text elements, hidden ones, nav/header/footer/aside and
//    class/id-hinted boilerplate (share, cookie, comments, related, …)
// 4. linearise what is left into text blocks
// 5. score block-level elements as containers; keep the good blocks of the best one
// 6. fall back to JSON-LD articleBody or the description when scripts build the text
// 7. paragraphs, with the headline first
import type { HtmlExtraction } from '../types.js';
import { linearise } from './blocks.js';
import { blocksToParagraphs, withHeadline } from './blocks-to-text.js';
import { withFallbacks } from './fallback.js';
import { readMetadata } from './metadata.js';
import { parseHtml } from './parse.js';
import { prune } from './prune.js';
import { selectBlocks } from './score-blocks.js';

export function extractHtml(html: string): HtmlExtraction {
  const root = parseHtml(html);
  const page = readMetadata(root);
  const pruned = prune(root);
  const selection = selectBlocks(linearise(root, pruned.dropped));
  const body = withFallbacks(blocksToParagraphs(selection.blocks), page);
  const headlined = withHeadline(body, page.meta.title);
  return {
    ...page.meta,
    paragraphs: headlined.paragraphs,
    removed: [...pruned.removed, ...headlined.removed, ...selection.removed],
  };
}
