// A unit's bytes through the loader and the extractor to its serialised records: the
// heavy part of processing, loaded by process-unit.ts only when a result is not cached.
import { readInput, type ReadResult } from '../load/read-input.js';
import { cleanArticle } from '../load/clean-article.js';
import { extractArticle } from '../extract/extract-article.js';
import { buildRecords, sha256 } from '../record/build-records.js';
import { errorLines, toLines } from './article-lines.js';
import { readJsonLine } from './json-line.js';
import type { ArticleLines, Unit, UnitSettings } from './types.js';

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One raw article (or the reason it could not be read) → its serialised records. */
function articleLines(input: ReadResult): ArticleLines {
  if ('error' in input) return errorLines(input);
  try {
    const clean = cleanArticle(input);
    const extraction = extractArticle(clean.text, { published: clean.published });
    return toLines(buildRecords(input, clean, extraction));
  } catch (error) {
    return errorLines({ id: input.id, path: input.path, sha256: input.sha256, error: `internal error: ${describe(error)}` });
  }
}

/** A file's (or line's) bytes → its articles; what the cache remembers. */
export function fromBytes(unit: Exclude<Unit, { kind: 'failed' }>, bytes: Uint8Array, settings: UnitSettings): ArticleLines[] {
  const { file } = unit;
  let inputs: ReadResult[];
  try {
    inputs = unit.kind === 'line' ? readJsonLine(file, unit.number, bytes) : readInput(file, bytes, settings);
  } catch (error) {
    const id = unit.kind === 'line' ? `${file.baseId}#${unit.number}` : file.baseId;
    const path = unit.kind === 'line' ? `${file.relPath}#${unit.number}` : file.relPath;
    return [errorLines({ id, path, sha256: sha256(bytes), error: `internal error while reading: ${describe(error)}` })];
  }
  return inputs.map(articleLines);
}
