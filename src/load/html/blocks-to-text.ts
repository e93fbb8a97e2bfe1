// Kept blocks → plain-text paragraphs; the headline goes first.
import type { Removed } from '../../record/schema.js';
import type { Block } from './blocks.js';

/**
 * How many paragraphs may stand before the headline (a kicker, a section label, a
 * breadcrumb line) for them to be cut as its lead-in rather than kept as text.
 */
const MAX_LEAD_IN_PARAGRAPHS = 3;
/** A lead-in paragraph this short is a section label; a longer one is just "other". */
const MAX_SECTION_LABEL_CHARS = 40;

const comparable = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export function blocksToParagraphs(blocks: readonly Block[]): string[] {
  const paragraphs: string[] = [];
  for (const b of blocks) {
    for (const s of b.segments) {
      // Templates often repeat a line (a mobile and a desktop copy): keep it once in a row.
      if (paragraphs[paragraphs.length - 1] !== s) paragraphs.push(s);
    }
  }
  return paragraphs;
}

export interface Headlined {
  paragraphs: string[];
  removed: Removed[];
}

/**
 * The title as the first paragraph. When the text already has it among its first
 * paragraphs, what stands before it (kicker, section label) is cut; otherwise the
 * title is put in front.
 */
export function withHeadline(paragraphs: readonly string[], title: string | null): Headlined {
  const t = title ? comparable(title) : '';
  if (!t) return { paragraphs: [...paragraphs], removed: [] };
  const at = paragraphs.slice(0, MAX_LEAD_IN_PARAGRAPHS + 1).findIndex((p) => comparable(p) === t);
  if (at < 0) return { paragraphs: [title!, ...paragraphs], removed: [] };
  const removed: Removed[] = paragraphs
    .slice(0, at)
    .map((text) => ({ kind: text.length <= MAX_SECTION_LABEL_CHARS ? 'section_label' : 'other', text }));
  return { paragraphs: paragraphs.slice(at), removed };
}
