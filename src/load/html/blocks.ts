// The pruned tree → a flat list of text blocks in document order. A block is the text
// between two block-level boundaries (a <p>, a <div>'s loose text, a table cell, a list
// item, a heading); it remembers how much of it is link text and which block-level
// element holds it. Every block-level element also records the run of blocks inside it,
// so the scorer can weigh any element as a candidate container in O(1).
import { isElement, isText, walk, type DomElement, type DomNode } from './dom.js';

/** Elements that start and end a block of text. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'frameset', 'frame', 'noframes', 'listing', 'plaintext',
]);

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export interface Block {
  /** Paragraphs of the block: one, or several where <br><br> split it. Whitespace squashed. */
  segments: string[];
  /** Length of the block's text (segments joined by spaces). */
  chars: number;
  /** How many of those characters are inside links. */
  linkChars: number;
  /** Nearest block-level element holding the text (the document root for loose text). */
  owner: DomNode;
  /** Whether the text is a heading (h1–h6) or inside one. */
  heading: boolean;
  /** Whether the text sits in a list item or a table cell. */
  listOrCell: boolean;
}

export interface Container {
  /** A block-level element, or the document root (always containers[0]). */
  el: DomNode;
  /** Index of the element's first block. */
  first: number;
  /** One past its last block. */
  end: number;
}

export interface Linearised {
  blocks: Block[];
  /** Every block-level element that was entered, in document (pre-)order. */
  containers: Container[];
}

/** Marks a <br> line break inside the collected text; two in a row split a paragraph. */
const BREAK = '\n';
const SPACE_RUN = /[ \t\f\v\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

export function linearise(root: DomNode, dropped: ReadonlySet<DomElement>): Linearised {
  const blocks: Block[] = [];
  const containers: Container[] = [];
  const open: Container[] = [];
  const owners: DomNode[] = [root];
  let parts: string[] = [];
  let linkChars = 0;
  let linkDepth = 0;
  let preDepth = 0;
  let headingDepth = 0;
  let listDepth = 0;

  const flush = () => {
    if (parts.length === 0) return;
    const raw = parts.join('');
    parts = [];
    const links = linkChars;
    linkChars = 0;
    const segments = raw
      .split(/\n[ \n]*\n/)
      .map((s) => s.replace(/\n/g, ' ').replace(/ +/g, ' ').trim())
      .filter((s) => s.length > 0);
    const owner = owners[owners.length - 1];
    if (segments.length === 0 || !owner) return;
    const chars = segments.reduce((n, s) => n + s.length, 0) + segments.length - 1;
    blocks.push({ segments, chars, linkChars: Math.min(links, chars), owner, heading: headingDepth > 0, listOrCell: listDepth > 0 });
  };

  walk(
    root,
    (node) => {
      if (isText(node)) {
        let text = node.data.replace(SPACE_RUN, ' ');
        text = preDepth > 0 ? text : text.replace(/\n/g, ' ');
        if (text.trim() === '') {
          if (parts.length > 0 && !parts[parts.length - 1]!.endsWith(' ')) parts.push(' ');
          return;
        }
        parts.push(text);
        if (linkDepth > 0) linkChars += text.trim().length;
        return;
      }
      if (!isElement(node)) return node.type === 'root';
      const el = node;
      if (dropped.has(el)) {
        // A dropped element still separates words: "<span>a</span><nav>…</nav>b".
        parts.push(' ');
        return false;
      }
      const name = el.name;
      if (name === 'br') {
        parts.push(BREAK);
        return;
      }
      if (BLOCK_TAGS.has(name)) {
        flush();
        owners.push(el);
        const container = { el, first: blocks.length, end: blocks.length };
        containers.push(container);
        open.push(container);
        if (name === 'pre') preDepth++;
        if (HEADING_TAGS.has(name)) headingDepth++;
        if (name === 'li' || name === 'td' || name === 'th' || name === 'dd' || name === 'dt') listDepth++;
      } else if (name === 'a') {
        linkDepth++;
      } else if (name === 'img') {
        parts.push(' ');
      }
    },
    (el) => {
      const name = el.name;
      if (BLOCK_TAGS.has(name)) {
        flush();
        owners.pop();
        open.pop()!.end = blocks.length;
        if (name === 'pre') preDepth--;
        if (HEADING_TAGS.has(name)) headingDepth--;
        if (name === 'li' || name === 'td' || name === 'th' || name === 'dd' || name === 'dt') listDepth--;
      } else if (name === 'a') {
        linkDepth--;
      }
    },
  );
  flush();
  containers.unshift({ el: root, first: 0, end: blocks.length });
  return { blocks, containers };
}
