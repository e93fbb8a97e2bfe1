// Step 1 of boilerplate cleaning: which cue rule, if any, each paragraph matches on its
// own. Blocks and heuristics (blocks.ts, header.ts) build on these matches.
import { RULES, type BlockType, type BoilerplateRule } from './vocab.js';
import { endsSentence, isBodyLike, withoutBullet, wordCount } from './paragraph-shape.js';

/** No furniture paragraph is longer than this many characters (the longest cues allow 90 words). */
export const FURNITURE_MAX_CHARS = 1200;

export interface ParagraphContext {
  /** Paragraphs before this index are the article's top (headline, byline, standfirst...). */
  zoneEnd: number;
  /** Index of the final paragraph. */
  last: number;
}

/** The first rule that matches the paragraph at `index`, or null. `inBlock` admits rules meant for inside a block. */
export function matchRule(paragraphs: readonly string[], index: number, context: ParagraphContext, inBlock: BlockType | null = null): BoilerplateRule | null {
  const paragraph = paragraphs[index]!;
  // Furniture is short; a longer paragraph is body text, and the cap keeps every cue
  // regex's running time bounded on hostile input (one 100 KB "word", say).
  if (paragraph.length > FURNITURE_MAX_CHARS) return null;
  const text = withoutBullet(paragraph);
  const words = wordCount(text);
  const sentence = endsSentence(text);
  for (const rule of RULES) {
    if (rule.inBlock !== null && rule.inBlock !== inBlock) continue;
    if (words > rule.maxWords) continue;
    if (rule.notSentence && sentence) continue;
    if (rule.notLast && index === context.last) continue;
    if (rule.headOnly && index >= context.zoneEnd) continue;
    if (rule.regex.test(text)) return rule;
  }
  return null;
}

/** Number of body paragraphs the top of an article may hold before the body proper starts. */
const HEAD_BODY_PARAGRAPHS = 2;
/** The top of an article is never longer than this many paragraphs (masthead, labels, headline, byline, date, standfirst, captions...). */
const HEAD_MAX_PARAGRAPHS = 12;

/**
 * Where the top of the article ends: at its second body-like paragraph that no cue
 * claims (the first is often the standfirst; mastheads, bylines and captions come before
 * or between them), and at most HEAD_MAX_PARAGRAPHS down.
 */
export function findZoneEnd(paragraphs: readonly string[]): number {
  const everywhere: ParagraphContext = { zoneEnd: 0, last: paragraphs.length - 1 };
  let bodies = 0;
  for (let i = 0; i < Math.min(paragraphs.length, HEAD_MAX_PARAGRAPHS); i++) {
    if (!isBodyLike(paragraphs[i]!) || matchRule(paragraphs, i, everywhere) !== null) continue;
    if (++bodies === HEAD_BODY_PARAGRAPHS) return i;
  }
  return Math.min(paragraphs.length, HEAD_MAX_PARAGRAPHS);
}
