// Step 1 of boilerplate cleaning: which cue rule, if any, each paragraph matches on its
// own. Blocks and heuristics (blocks.ts, header.ts) build on these matches.
import { RULES, type BlockType, type BoilerplateRule } from './vocab.js';
import { BODY_MIN_WORDS, endsSentence, withoutBullet, wordCount } from './paragraph-shape.js';

/** No furniture paragraph is longer than this many characters (the longest cues allow 90 words). */
export const FURNITURE_MAX_CHARS = 1200;

export interface ParagraphContext {
  /** Paragraphs before this index are the article's top (headline, byline, standfirst...). */
  zoneEnd: number;
  /** Index of the final paragraph. */
  last: number;
}

/** What matchRule needs to know of one paragraph, computed once per paragraph. */
interface ParagraphFacts {
  /** The paragraph these facts are of (a changed array entry is seen and recomputed). */
  source: string;
  /** Longer than FURNITURE_MAX_CHARS: matches no rule. */
  long: boolean;
  /** Without its list bullet; words and sentence are the same for the paragraph itself. */
  text: string;
  words: number;
  sentence: boolean;
  /** Per rule, by index in RULES: 0 not yet tested, 1 its regex matches, 2 it does not. */
  tested: Uint8Array;
}

/**
 * Facts per paragraph of an article, keyed by the article's paragraph array: the top of
 * the article is matched twice (findZoneEnd, then cleanParagraphs) and a comment section
 * once more, each rule's regex runs at most once per paragraph.
 */
const factsCache = new WeakMap<readonly string[], Array<ParagraphFacts | undefined>>();

function factsOf(paragraphs: readonly string[], index: number): ParagraphFacts {
  let all = factsCache.get(paragraphs);
  if (all === undefined) {
    all = new Array<ParagraphFacts | undefined>(paragraphs.length);
    factsCache.set(paragraphs, all);
  }
  const paragraph = paragraphs[index]!;
  let facts = all[index];
  if (facts === undefined || facts.source !== paragraph) {
    const long = paragraph.length > FURNITURE_MAX_CHARS;
    const text = withoutBullet(paragraph);
    facts = { source: paragraph, long, text, words: wordCount(text), sentence: endsSentence(text), tested: new Uint8Array(long ? 0 : RULES.length) };
    all[index] = facts;
  }
  return facts;
}

/** isBodyLike(paragraphs[index]), from the facts matchRule keeps (a bullet changes neither its words nor its end). */
export function isBodyLikeAt(paragraphs: readonly string[], index: number): boolean {
  const facts = factsOf(paragraphs, index);
  return facts.words >= BODY_MIN_WORDS && facts.sentence;
}

/** Whether the rule's regex matches, after its cheap precheck; remembered per paragraph. */
function regexMatches(facts: ParagraphFacts, rule: BoilerplateRule, r: number): boolean {
  const known = facts.tested[r]!;
  if (known !== 0) return known === 1;
  const hit = (rule.precheck === null || rule.precheck.test(facts.text)) && rule.regex.test(facts.text);
  facts.tested[r] = hit ? 1 : 2;
  return hit;
}

/** The first rule that matches the paragraph at `index`, or null. `inBlock` admits rules meant for inside a block. */
export function matchRule(paragraphs: readonly string[], index: number, context: ParagraphContext, inBlock: BlockType | null = null): BoilerplateRule | null {
  // Furniture is short; a longer paragraph is body text, and the cap keeps every cue
  // regex's running time bounded on hostile input (one 100 KB "word", say).
  const facts = factsOf(paragraphs, index);
  if (facts.long) return null;
  const { words, sentence } = facts;
  for (let r = 0; r < RULES.length; r++) {
    const rule = RULES[r]!;
    if (rule.inBlock !== null && rule.inBlock !== inBlock) continue;
    if (words > rule.maxWords) continue;
    if (rule.notSentence && sentence) continue;
    if (rule.notLast && index === context.last) continue;
    if (rule.headOnly && index >= context.zoneEnd) continue;
    if (regexMatches(facts, rule, r)) return rule;
  }
  return null;
}

/** Number of body paragraphs the top of an article may hold before the body proper starts. */
const HEAD_BODY_PARAGRAPHS = 2;
/** The top of an article is never longer than this many paragraphs (masthead, labels, headline, byline, date, standfirst, captions...). */
const HEAD_MAX_PARAGRAPHS = 12;
/**
 * A line of at most this many words is a menu entry or a button ("Sport", "Sign In"): a
 * site menu copied one link per line does not count towards HEAD_MAX_PARAGRAPHS.
 */
const MENU_LINE_MAX_WORDS = 2;
/** However many such lines, the top of an article ends this many paragraphs down. */
const HEAD_MAX_LINES = 40;

/**
 * Where the top of the article ends: at its second body-like paragraph that no cue
 * claims (the first is often the standfirst; mastheads, bylines and captions come before
 * or between them), and at most HEAD_MAX_PARAGRAPHS down, not counting one- and two-word
 * lines (BBC's menu, one link a line, above the headline), and at most HEAD_MAX_LINES down.
 */
export function findZoneEnd(paragraphs: readonly string[]): number {
  const everywhere: ParagraphContext = { zoneEnd: 0, last: paragraphs.length - 1 };
  const end = Math.min(paragraphs.length, HEAD_MAX_LINES);
  let bodies = 0;
  let counted = 0;
  for (let i = 0; i < end; i++) {
    if (factsOf(paragraphs, i).words > MENU_LINE_MAX_WORDS && ++counted > HEAD_MAX_PARAGRAPHS) return i;
    if (!isBodyLikeAt(paragraphs, i) || matchRule(paragraphs, i, everywhere) !== null) continue;
    if (++bodies === HEAD_BODY_PARAGRAPHS) return i;
  }
  return end;
}
