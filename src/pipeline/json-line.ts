// One line of a JSONL stream → a raw article (or why it cannot be one). The loader's
// readInput reads a whole .jsonl file at once; the pipeline instead streams JSONL line by
// line (files of any size, standard input), so that each line is its own unit with its
// own time budget and cache entry. This mirrors read-input.ts's per-line rules: ids and
// paths `<file id>#<line>`, sha256 of the line's bytes (terminator and BOM excluded),
// type-checked fields (json-articles.ts). The one difference: each line is decoded on its
// own (UTF-8 when valid, else the loader's legacy-charset detection), not the file as a
// whole; UTF-16 JSONL files, which cannot be split on bytes, are read whole instead.
import type { Warning } from '../record/schema.js';
import { decodeBytes } from '../load/decode.js';
import { readJsonArticle } from '../load/json-articles.js';
import type { ReadResult } from '../load/read-input.js';
import type { InputFile } from '../load/types.js';
import { sha256 } from '../record/digest.js';

const lossyWarning = (encoding: string): Warning => ({
  text: `some bytes are not valid ${encoding} and were replaced with U+FFFD`,
  span: null,
  rule: 'load.lossy_decode',
});

/** The articles of one line: none for a blank line, else one (possibly an error). */
export function readJsonLine(file: InputFile, number: number, bytes: Uint8Array): ReadResult[] {
  const id = `${file.baseId}#${number}`;
  const path = `${file.relPath}#${number}`;
  const hash = sha256(bytes);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    return [{ id, path, sha256: hash, error: `line ${number} cannot be read: ${decoded.error.replace(/^the file/, 'it')}` }];
  }
  if (!decoded.text.trim()) return [];
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (error) {
    return [{ id, path, sha256: hash, error: `line ${number} is not valid JSON (${(error as Error).message})` }];
  }
  const article = readJsonArticle(value, `line ${number}`);
  const ownId = article.id ?? id;
  if (!article.ok) return [{ id: ownId, path, sha256: hash, error: article.error }];
  const warnings = decoded.lossy ? [lossyWarning(decoded.encoding)] : [];
  return [{ id: ownId, path, sha256: hash, format: article.format, content: article.content, meta: article.meta, warnings: [...warnings, ...article.warnings] }];
}
