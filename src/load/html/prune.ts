// Marks page furniture to leave out of the main text: elements that are never text
// (script, style, …), hidden elements, structural furniture (nav, header, footer, aside) and blocks whose class/id names them as boilerplate (share, cookie, comments,
// related, …). Captions and bylines found this way are reported in `removed`.
import type { Removed, RemovedKind } from '../../record/schema.js';
import { BLOCK_TAGS } from './blocks.js';
import { attr, isElement, isText, squash, walk, type DomElement, type DomNode } from './dom.js';
import { boilerplateHint, classTokens, hasHidingClass } from './hints.js';

/** Never visible text. */
const NEVER_TEXT = new Set([
  'title', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed',
  'video', 'audio', 'map', 'button', 'select', 'input', 'textarea', 'option', 'datalist', 'dialog', 'link', 'meta',
]);

/** Structural furniture and the kind of removal it counts as. */
const FURNITURE_TAGS = new Map<string, RemovedKind>([
  ['nav', 'navigation'], ['header', 'navigation'], ['menu', 'navigation'], ['footer', 'other'], ['aside', 'other'],
  ['figcaption', 'caption'],
]);

/** Elements a class/id hint must not remove: they are the page's frame or its article. */
const NEVER_BY_HINT = new Set(['html', 'body', 'main', 'article']);

/**
 * An element holding at least this share of the page's running text is not furniture
 * whatever its tag or class says (ASP.NET pages wrap everything in one <form>; some
 * themes put "sidebar" or "widget" on the column holding the article).
 */
const PROTECT_SHARE = 0.5;
/** Running text: a text node with at least this many non-space characters, outside links. */
const MIN_RUNNING_TEXT_CHARS = 40;

/** Longest text kept for one removed item. */
export const MAX_REMOVED_CHARS = 300;
/** At most this many items in `removed` from the DOM pass. */
export const MAX_REMOVED_ITEMS = 60;

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

function isHidden(el: DomElement): boolean {
  return 'hidden' in el.attribs || hasHidingClass(el) || HIDDEN_STYLE.test(attr(el, 'style')) || attr(el, 'aria-hidden') === 'true';
}

/** Non-space characters of running text under each element (one post-order pass). */
function plainTextSizes(root: DomNode): { sizes: Map<DomElement, number>; total: number } {
  const sizes = new Map<DomElement, number>();
  let total = 0;
  let linkDepth = 0;
  walk(
    root,
    (node) => {
      if (isText(node)) {
        if (linkDepth === 0) {
          let n = node.data.replace(/\s+/g, '').length;
          if (n < MIN_RUNNING_TEXT_CHARS) n = 0;
          total += n;
          const parent = node.parent;
          if (parent && isElement(parent)) sizes.set(parent, (sizes.get(parent) ?? 0) + n);
        }
        return;
      }
      if (!isElement(node)) return false;
      if (NEVER_TEXT.has(node.name)) return false;
      if (node.name === 'a') linkDepth++;
    },
    (el) => {
      if (el.name === 'a') linkDepth--;
      const parent = el.parent;
      if (parent && isElement(parent)) sizes.set(parent, (sizes.get(parent) ?? 0) + (sizes.get(el) ?? 0));
    },
  );
  return { sizes, total };
}

/** An element's visible text with a space at every block boundary, squashed. */
function spacedText(root: DomElement): string {
  const parts: string[] = [];
  walk(
    root,
    (n) => {
      if (isText(n)) parts.push(n.data);
      else if (isElement(n)) {
        if (NEVER_TEXT.has(n.name)) return false;
        if (n.name === 'br' || BLOCK_TAGS.has(n.name)) parts.push(' ');
      }
    },
    (el) => {
      if (BLOCK_TAGS.has(el.name)) parts.push(' ');
    },
  );
  return squash(parts.join(''));
}

export interface Pruned {
  dropped: Set<DomElement>;
  removed: Removed[];
}

export function prune(root: DomNode): Pruned {
  const { sizes, total } = plainTextSizes(root);
  const protectedSize = Math.max(1, total * PROTECT_SHARE);
  const dropped = new Set<DomElement>();
  const removed: Removed[] = [];

  const record = (kind: RemovedKind, el: DomElement) => {
    if (removed.length >= MAX_REMOVED_ITEMS) return;
    const text = spacedText(el);
    if (text) removed.push({ kind, text: text.length > MAX_REMOVED_CHARS ? `${text.slice(0, MAX_REMOVED_CHARS - 1)}…` : text });
  };

  walk(root, (node) => {
    if (!isElement(node)) return node.type === 'root';
    const el = node;
    if (NEVER_TEXT.has(el.name) || isHidden(el)) {
      dropped.add(el);
      return false;
    }
    const big = (sizes.get(el) ?? 0) >= protectedSize;
    let kind: RemovedKind | null = FURNITURE_TAGS.get(el.name) ?? null;
    // An article's own <header> holds its headline and standfirst: keep one with running text.
    if (el.name === 'header' && (sizes.get(el) ?? 0) > 0) kind = null;
    if (!NEVER_BY_HINT.has(el.name)) {
      // The class says more than the tag: an <aside class="most-read"> is "related".
      const hinted = boilerplateHint(classTokens(el));
      if (hinted !== null && (kind !== null || el.name !== 'header')) kind = hinted;
    }
    if (kind === null && /\bauthor\b/i.test(attr(el, 'rel'))) kind = 'byline';
    if (kind === null || big) return;
    dropped.add(el);
    record(kind, el);
    return false;
  });
  return { dropped, removed };
}
