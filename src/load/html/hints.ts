// Class/id hints (src/vocab/html-hints.json) compiled to matchers.
import hintsData from '../../vocab/html-hints.json' with { type: 'json' };
import type { RemovedKind } from '../../record/schema.js';
import { attr, type DomElement } from './dom.js';

/** The boilerplate kinds a class/id hint can name, in the order they are tested. */
export type HintKind = Extract<
  RemovedKind,
  'navigation' | 'share' | 'cookie' | 'newsletter' | 'paywall' | 'related' | 'comments' | 'byline' | 'caption' | 'other'
>;

const compile = (patterns: readonly string[]): RegExp =>
  new RegExp(`^(?:${patterns.map((p) => p.toLowerCase()).join('|')})`);

const BOILERPLATE: Array<[HintKind, RegExp]> = Object.entries(hintsData.boilerplate).map(
  ([kind, patterns]) => [kind as HintKind, compile(patterns)],
);
const PROTECTED = compile(hintsData.protectedTokens);
const CONTENT = compile(hintsData.content);

export const CAPTION_PREFIXES: readonly string[] = hintsData.captionPrefixes;
const TAXONOMY_WORD = new RegExp(`^(?:${hintsData.taxonomyPrefixes.join('|')})[-_]`, 'i');
const STATE_PARTS = new Set(hintsData.stateParts);
/** An id with more parts than this is an anchor slug made from a heading's words, not a role. */
const MAX_ID_PARTS = 3;

export interface ClassTokens {
  /** Parts of every class word and id, and each word's parts joined. */
  tokens: string[];
  /** Each class word and the id, lower-case, separators removed. */
  words: string[];
}

/**
 * Class and id split into lower-case tokens: "article-body commentList" gives
 * article, body, articlebody, commentlist. Joined forms let hints such as "articlebody"
 * match "article-body", "article_body" and "articleBody" alike. CamelCase is not split:
 * generated class names ("sc-qOiPt jpYiwZ") would yield random short tokens.
 */
export function classTokens(el: DomElement): ClassTokens {
  const tokens: string[] = [];
  const words: string[] = [];
  const add = (word: string, isId: boolean) => {
    word = word.split('--')[0] ?? '';
    if (!word || TAXONOMY_WORD.test(word)) return;
    const parts = word.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    if (parts.some((p) => STATE_PARTS.has(p)) || (isId && parts.length > MAX_ID_PARTS)) return;
    words.push(parts.join(''));
    tokens.push(...parts);
    if (parts.length > 1) tokens.push(parts.join(''));
  };
  for (const word of attr(el, 'class').split(/\s+/)) add(word, false);
  add(attr(el, 'id').trim(), true);
  return { tokens, words };
}

/** The boilerplate kind the element's class/id names, or null. */
export function boilerplateHint({ tokens, words }: ClassTokens): HintKind | null {
  // Protection looks at whole words: "entry-content" protects, "author-box-text" does not.
  if (tokens.length === 0 || words.some((w) => PROTECTED.test(w))) return null;
  for (const [kind, re] of BOILERPLATE) if (tokens.some((t) => re.test(t))) return kind;
  return null;
}

const HIDDEN_CLASS_WORDS = new Set(hintsData.hiddenClassWords);

/** Whether a class word (Bootstrap's d-none, WordPress's screen-reader-text, …) hides the element. */
export const hasHidingClass = (el: DomElement): boolean =>
  attr(el, 'class').toLowerCase().split(/\s+/).some((w) => HIDDEN_CLASS_WORDS.has(w));

/** Whether the element's class/id suggests it holds the main content. */
export const contentHint = ({ tokens }: ClassTokens): boolean => tokens.some((t) => CONTENT.test(t));
