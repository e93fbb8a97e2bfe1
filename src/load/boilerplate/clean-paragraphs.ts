// Text-level boilerplate cleaning, the same for plain text and for the paragraphs the
// HTML extractor found. A cascade whose steps are separate files:
//   1. match-rules.ts  each paragraph against the cue vocabulary (src/vocab/boilerplate.json)
//   2. blocks.ts       multi-paragraph cuts: walls, related/job lists, comments, cookie banners
//   3. header.ts       the top of the article: headline, bare-name bylines, captions
//   4. here            the kept paragraphs in order, and one `removed` item per cut block
import type { Removed } from '../../record/schema.js';
import { cutBlocks } from './blocks.js';
import { resolveHeader } from './header.js';
import { findZoneEnd, isBodyLikeAt, matchRule, type ParagraphContext } from './match-rules.js';
import { unwrapQuotes } from './paragraph-shape.js';
import { findDate } from '../published-date.js';
import { SECTION_LABEL } from './vocab.js';

/** The label alone, when it stands beside the site's name ('Somerset County Council – News' → 'News'). */
function sectionName(text: string): string {
  return text.split(/\s(?:[–—|:-]|::)\s/u).map((part) => part.trim()).find((part) => SECTION_LABEL.test(part)) ?? text;
}

export interface CleanedParagraphs {
  /** Kept paragraphs in output order, the headline (if any) first. */
  paragraphs: string[];
  /** What was cut, in text order, a block as one item (its paragraphs joined by "\n"). */
  removed: Removed[];
  /** The headline without quotation marks wrapping it whole, or null. */
  title: string | null;
  /** The section label that was cut ("News"), or null. */
  section: string | null;
  /** The first cut byline or date line holding a date, for `published` when the input gives none. */
  dateline: string | null;
}

export function cleanParagraphs(input: readonly string[]): CleanedParagraphs {
  const paragraphs = input.filter((p) => p.length > 0);
  const context: ParagraphContext = { zoneEnd: findZoneEnd(paragraphs), last: paragraphs.length - 1 };
  const matches = paragraphs.map((_, i) => matchRule(paragraphs, i, context));
  const firstBody = paragraphs.findIndex((_, i) => matches[i] === null && isBodyLikeAt(paragraphs, i));
  const cuts = cutBlocks({ paragraphs, matches, context, firstBody: firstBody < 0 ? paragraphs.length : firstBody });
  const nextGroup = Math.max(0, ...cuts.map((c) => c?.group ?? 0)) + 1;
  const { headline, order } = resolveHeader({ paragraphs, cuts, zoneEnd: context.zoneEnd, nextGroup });

  const removed: Removed[] = [];
  let lastGroup = -1;
  for (let i = 0; i < paragraphs.length; i++) {
    const c = cuts[i];
    if (!c) { lastGroup = -1; continue; }
    if (c.group === lastGroup) removed[removed.length - 1]!.text += `\n${paragraphs[i]}`;
    else removed.push({ kind: c.kind, text: paragraphs[i]! });
    lastGroup = c.group;
  }
  const firstCut = (wanted: (cut: NonNullable<(typeof cuts)[number]>, text: string) => boolean) => {
    const i = cuts.findIndex((c, k) => c !== null && wanted(c, paragraphs[k]!));
    return i < 0 ? null : paragraphs[i]!;
  };
  const sectionLine = firstCut((c) => c.kind === 'section_label');
  return {
    paragraphs: order.filter((i) => cuts[i] === null).map((i) => paragraphs[i]!),
    removed,
    title: headline === null ? null : unwrapQuotes(paragraphs[headline]!),
    section: sectionLine === null ? null : sectionName(sectionLine),
    // A byline's date, or BBC's "date 2018-01-29 Image copyright ..." line.
    dateline: firstCut((c, text) => (c.kind === 'byline' || c.rule === 'caption.bbc_image_labels') && findDate(text) !== null),
  };
}
