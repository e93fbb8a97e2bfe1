// The error line of an article that could not be read or processed, with the record
// builder (and zod) loaded on first use: the main thread, and a worker that only looks
// results up in the cache, need it rarely or never, and loading it cost each ~50 ms of a
// fully cached run.
import type { FailedArticle } from '../load/types.js';
import type { ArticleLines } from './types.js';

export async function lazyErrorLines(failed: FailedArticle): Promise<ArticleLines> {
  const { errorLines } = await import('./article-lines.js');
  return errorLines(failed);
}
