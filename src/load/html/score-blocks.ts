// Chooses the main-content container and the blocks inside it worth keeping.
//
// Each block is weighed on its own (long, link-poor text is "good"; link text is "bad"),
// then every block-level element is scored as a candidate container:
//   score = good text inside − LINK_PENALTY × link text inside,
// boosted when its tag or class/id says "article". The best-scoring element wins: it
// grows to take in every run of real paragraphs and stops where menus and link lists
// outweigh them. Inside it, link lists, captions and date lines are dropped.
import type { Removed } from '../../record/schema.js';
import type { Block, Container, Linearised } from './blocks.js';
import { attr, isElement } from './dom.js';
import { CAPTION_PREFIXES, classTokens, contentHint } from './hints.js';

/** A block shorter than this (characters) is not evidence of running text. */
const MIN_GOOD_CHARS = 50;
/** A block with a larger share of link text is not evidence of running text. */
const MAX_GOOD_LINK_DENSITY = 0.2;
/** How much one character of link text counts against a container. */
const LINK_PENALTY = 1;
/** Score multiplier for <article>, <main>, itemprop=articleBody and class hints like "entry-content". */
const CONTENT_HINT_BONUS = 1.15;
/** Inside the container, a block with more link text than this share is a link list. */
const MAX_KEPT_LINK_DENSITY = 0.35;
/** ...unless it is at least this long (a paragraph that happens to be linked). */
const LONG_LINKED_BLOCK_CHARS = 200;
/** What lies beyond the container's first and last block, for the context rule. */
const EDGE_CLASS = 'short' as const;
/** A caption-like line ("Photo: …") is at most this long. */
const MAX_CAPTION_CHARS = 250;

/** A line that is only a date (and maybe a time): 12.03.2019, 2019-03-12, 12/03/2019 14:05. */
const DATE_ONLY = /^[\p{L}., ]{0,20}\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}(?:,?\s*(?:\d{1,2}[:.]\d{2}\s*\p{L}{0,5}))?$/u;

const linkDensity = (b: Block): number => (b.chars === 0 ? 0 : b.linkChars / b.chars);

function goodWeight(b: Block): number {
  if (b.heading || b.chars < MIN_GOOD_CHARS || linkDensity(b) > MAX_GOOD_LINK_DENSITY) return 0;
  return b.chars - b.linkChars;
}

function hintBonus(c: Container): number {
  const el = c.el;
  if (!isElement(el)) return 1;
  if (el.name === 'article' || el.name === 'main' || /articlebody/i.test(attr(el, 'itemprop'))) return CONTENT_HINT_BONUS;
  return contentHint(classTokens(el)) ? CONTENT_HINT_BONUS : 1;
}

/** The container with the best score (the document root when nothing scores). */
export function chooseContainer({ blocks, containers }: Linearised): Container {
  const good = [0];
  const bad = [0];
  for (const b of blocks) {
    good.push(good[good.length - 1]! + goodWeight(b));
    bad.push(bad[bad.length - 1]! + b.linkChars);
  }
  let best = containers[0]!;
  let bestScore = 0;
  for (const c of containers) {
    const g = good[c.end]! - good[c.first]!;
    if (g === 0) continue;
    const score = (g - LINK_PENALTY * (bad[c.end]! - bad[c.first]!)) * hintBonus(c);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

export interface Selection {
  blocks: Block[];
  removed: Removed[];
}

const startsWithCaptionPrefix = (text: string): boolean => CAPTION_PREFIXES.some((p) => text.startsWith(p));

type BlockClass = 'good' | 'bad' | 'short';

/** Link lists are bad, long link-poor text is good, the rest (short lines, headings) is decided by context. */
function classify(b: Block): BlockClass {
  if (!b.heading && linkDensity(b) > MAX_KEPT_LINK_DENSITY && b.chars < LONG_LINKED_BLOCK_CHARS) return 'bad';
  return goodWeight(b) > 0 ? 'good' : 'short';
}

/**
 * jusText's context rule: a short block or heading between link lists (or a link list
 * and the container's edge) is furniture ("Related articles", "Tags"); one next to
 * running text is content. A heading belongs with what follows it. Linear: the nearest
 * non-short class on each side is carried along in one pass each way.
 */
function keepByContext(blocks: readonly Block[], classes: readonly BlockClass[]): boolean[] {
  const n = classes.length;
  const prev: BlockClass[] = new Array<BlockClass>(n);
  const next: BlockClass[] = new Array<BlockClass>(n);
  let seen: BlockClass = EDGE_CLASS;
  for (let i = 0; i < n; i++) {
    prev[i] = seen;
    if (classes[i] !== 'short') seen = classes[i]!;
  }
  seen = EDGE_CLASS;
  for (let i = n - 1; i >= 0; i--) {
    next[i] = seen;
    if (classes[i] !== 'short') seen = classes[i]!;
  }
  return classes.map((c, i) => {
    if (c !== 'short') return c === 'good';
    if (blocks[i]!.heading) return next[i] === 'good';
    return prev[i] === 'good' || next[i] === 'good';
  });
}

/** The blocks of the chosen container worth keeping, and notable ones dropped. */
export function selectBlocks(lin: Linearised): Selection {
  const container = chooseContainer(lin);
  const blocks = lin.blocks.slice(container.first, container.end);
  const classes = blocks.map(classify);
  const keep = keepByContext(blocks, classes);
  const kept: Block[] = [];
  const removed: Removed[] = [];
  blocks.forEach((b, i) => {
    const text = b.segments.join(' ');
    if (!keep[i]) return;
    if (b.chars <= MAX_CAPTION_CHARS && startsWithCaptionPrefix(text)) {
      removed.push({ kind: 'caption', text });
      return;
    }
    if (DATE_ONLY.test(text)) {
      removed.push({ kind: 'byline', text });
      return;
    }
    kept.push(b);
  });
  return { blocks: kept, removed };
}
