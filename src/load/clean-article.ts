// A raw article → its cleaned text, metadata and the furniture that was cut.
//   1. HTML: the main-text extractor gives paragraphs and metadata (its meta wins over
//      the JSON input's, which fills its gaps); plain text is split into paragraphs.
//   2. The same text-level boilerplate cleaning for both (boilerplate/clean-paragraphs.ts).
//   3. The headline as first paragraph: when the input names a title the text lacks,
//      the title is put first; RECORDS.md wants the headline there.
//   4. `published` from the metadata, else from a date line that was cut.
import type { Removed, Warning } from '../record/schema.js';
import { extractHtml } from './html/extract-html.js';
import { cleanParagraphs } from './boilerplate/clean-paragraphs.js';
import { unwrapQuotes } from './boilerplate/paragraph-shape.js';
import { joinParagraphs, normaliseLine } from './normalise-text.js';
import { splitParagraphs } from './paragraphs.js';
import { findDate, normalisePublished } from './published-date.js';
import type { ArticleMeta, CleanArticle, RawArticle } from './types.js';

/** How far down the text a given title may already stand (after a standfirst-first layout, say). */
const TITLE_SEARCH_PARAGRAPHS = 3;

const comparable = (s: string) => unwrapQuotes(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Whether paragraph `p` is the headline `title` (a page title may carry a " | Site" suffix). */
function isTitle(p: string, title: string): boolean {
  const a = comparable(p);
  const b = comparable(title);
  return a.length > 0 && (a === b || b.startsWith(`${a} `) || a.startsWith(`${b} `));
}

/** Puts the given title first: moved up when it stands a little further down, added when absent. */
function headlineFirst(paragraphs: string[], title: string): string[] {
  const at = paragraphs.slice(0, TITLE_SEARCH_PARAGRAPHS).findIndex((p) => isTitle(p, title));
  if (at === 0) return paragraphs;
  if (at > 0) return [paragraphs[at]!, ...paragraphs.slice(0, at), ...paragraphs.slice(at + 1)];
  return [title, ...paragraphs];
}

function readPublished(value: string | null, warnings: Warning[]): string | null {
  if (value === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const iso = normalisePublished(value);
  if (iso === null) warnings.push({ text: `the published date "${value}" is not a date the loader can read, so it is left out`, span: null, rule: 'load.unparseable_published' });
  return iso;
}

export function cleanArticle(raw: RawArticle): CleanArticle {
  const warnings: Warning[] = [...raw.warnings];
  const removed: Removed[] = [];
  let meta: ArticleMeta = { ...raw.meta };
  let blocks: string[];
  if (raw.format === 'html') {
    const page = extractHtml(raw.content);
    meta = {
      title: page.title ?? raw.meta.title,
      section: page.section ?? raw.meta.section,
      published: page.published ?? raw.meta.published,
      url: page.url ?? raw.meta.url,
    };
    removed.push(...page.removed);
    blocks = page.paragraphs.flatMap(splitParagraphs);
  } else {
    blocks = splitParagraphs(raw.content);
  }

  const cleaned = cleanParagraphs(blocks);
  removed.push(...cleaned.removed);
  const givenTitle = meta.title === null ? null : normaliseLine(meta.title) || null;
  const paragraphs = givenTitle === null ? cleaned.paragraphs : headlineFirst(cleaned.paragraphs, givenTitle);
  if (paragraphs.length === 0) warnings.push({ text: 'no article text is left after removing page furniture', span: null, rule: 'load.empty_text' });

  return {
    title: givenTitle ?? cleaned.title,
    section: meta.section ?? cleaned.section,
    published: readPublished(meta.published, warnings) ?? (cleaned.dateline === null ? null : findDate(cleaned.dateline)),
    url: meta.url,
    text: joinParagraphs(paragraphs),
    removed,
    warnings,
  };
}
