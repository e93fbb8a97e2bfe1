// Page metadata: title (og:title, first <h1>, <title>), published date
// (article:published_time and kin, JSON-LD datePublished, <time datetime>), url
// (canonical link, og:url) and section (article:section).
import type { ArticleMeta } from '../types.js';
import { attr, isElement, squash, textContent, walk, type DomElement, type DomNode } from './dom.js';

/** Meta names/properties that carry the publication date, best first. */
const DATE_META_KEYS = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'publishdate', 'pubdate',
  'date', 'dc.date.issued', 'dc.date', 'dcterms.date', 'sailthru.date', 'parsely-pub-date',
];

/** YYYY-MM-DD from an ISO-style date or date-time ("2019-03-12T10:00Z", "2019/03/12", "20190312"). */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^\s*(\d{4})[-/]?(\d{2})[-/]?(\d{2})(?:$|[^\d])/.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${mo}-${d}`;
}

interface JsonLdFacts {
  date: string | null;
  articleBody: string | null;
}

/** datePublished and the longest articleBody anywhere in a JSON-LD block (objects, arrays, @graph), iteratively. */
function readJsonLd(json: string): JsonLdFacts {
  const facts: JsonLdFacts = { date: null, articleBody: null };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return facts;
  }
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) stack.push(...item);
    else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      if (facts.date === null && typeof record.datePublished === 'string') facts.date = isoDate(record.datePublished);
      const body = record.articleBody;
      if (typeof body === 'string' && body.length > (facts.articleBody?.length ?? 0)) facts.articleBody = body;
      stack.push(...Object.values(record).filter((v) => v && typeof v === 'object'));
    }
  }
  return facts;
}

/** Metadata plus two fallbacks for pages whose body text is built by scripts. */
export interface PageMetadata {
  meta: ArticleMeta;
  /** The longest JSON-LD articleBody, as given (plain text, sometimes with markup). */
  articleBody: string | null;
  /** og:description or meta description. */
  description: string | null;
}

export function readMetadata(root: DomNode): PageMetadata {
  const metas = new Map<string, string>();
  let canonical: string | null = null;
  let titleTag: string | null = null;
  let firstH1: string | null = null;
  let timeDate: string | null = null;
  let ldDate: string | null = null;
  let articleBody: string | null = null;

  walk(root, (node) => {
    if (!isElement(node)) return;
    const el = node as DomElement;
    switch (el.name) {
      case 'meta': {
        const key = (attr(el, 'property') || attr(el, 'name') || attr(el, 'itemprop')).toLowerCase().trim();
        const content = attr(el, 'content') || attr(el, 'datetime');
        if (key && content && !metas.has(key)) metas.set(key, content);
        return false;
      }
      case 'link':
        if (canonical === null && /\bcanonical\b/i.test(attr(el, 'rel')) && attr(el, 'href').trim()) {
          canonical = attr(el, 'href').trim();
        }
        return false;
      case 'title':
        if (titleTag === null) titleTag = squash(textContent(el)) || null;
        return false;
      case 'h1':
        if (firstH1 === null) firstH1 = squash(textContent(el)) || null;
        return false;
      case 'time':
        if (timeDate === null) timeDate = isoDate(attr(el, 'datetime'));
        return;
      case 'script':
        if (/ld\+json/i.test(attr(el, 'type'))) {
          const facts = readJsonLd(textContent(el));
          ldDate ??= facts.date;
          if (facts.articleBody && facts.articleBody.length > (articleBody?.length ?? 0)) articleBody = facts.articleBody;
        }
        return false;
      default:
        return;
    }
  });

  const meta = (key: string): string | null => squash(metas.get(key) ?? '') || null;
  const metaDate = DATE_META_KEYS.map((k) => isoDate(metas.get(k))).find((d) => d !== null) ?? null;
  return {
    meta: {
      title: meta('og:title') ?? meta('twitter:title') ?? firstH1 ?? titleTag,
      section: meta('article:section'),
      published: metaDate ?? ldDate ?? timeDate,
      url: canonical ?? meta('og:url'),
    },
    articleBody,
    description: meta('og:description') ?? meta('description'),
  };
}
