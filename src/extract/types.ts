// What extraction hands to the record builder: plain data, every value with its span.
import type { InspectionRecord, Tally, Warning } from '../record/schema.js';

/** An inspection record before it is given its ids (the builder adds schema, id, article). */
export type InspectionDraft = Omit<InspectionRecord, 'schema' | 'id' | 'article'>;

export interface Extraction {
  inspections: InspectionDraft[];
  tallies: Tally[];
  warnings: Warning[];
}

/** What extraction may know about the article besides its text. */
export interface ArticleContext {
  /** ISO date the article was published, when the input says. */
  published: string | null;
}
