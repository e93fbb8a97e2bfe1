// Records → the lines the output files (and the cache) hold. Kept apart from the heavy
// loader and extractor so the main thread, which only orders and writes, never loads them.
import { errorResult, type ArticleResult } from '../record/build-records.js';
import type { ArticleLines } from './types.js';

/** Serialises one article's records. Key order is the zod schemas' (RECORDS.md). */
export function toLines({ article, inspections }: ArticleResult): ArticleLines {
  return {
    id: article.id, path: article.path, sha256: article.sha256, status: article.status,
    ...(article.error === null ? {} : { error: article.error }),
    article: JSON.stringify(article),
    inspections: inspections.map((i) => JSON.stringify(i)),
  };
}

/** The error line of an article that could not be read or processed. */
export const errorLines = (failed: { id: string; path: string; sha256: string; error: string }) => toLines(errorResult(failed));
