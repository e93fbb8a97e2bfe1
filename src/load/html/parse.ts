// HTML string → tree. htmlparser2 (through cheerio/slim) rather than parse5: it is
// several times faster and stays linear on absurdly deep nesting, and its forgiving,
// lxml-like tree is all a text extractor needs.
import { load } from 'cheerio/slim';
import type { DomNode } from './dom.js';

export function parseHtml(html: string): DomNode {
  const $ = load(html, { xml: false });
  return $.root()[0] as unknown as DomNode;
}
