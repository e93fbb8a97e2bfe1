// Runs loader → extractor → record builder in-process over a folder of .txt articles,
// for tests that need records without the CLI.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInput } from '../../src/load/read-input.js';
import { cleanArticle } from '../../src/load/clean-article.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { buildRecords, errorResult, type ArticleResult } from '../../src/record/build-records.js';

export function extractText(id: string, text: string): ArticleResult {
  return extractBytes(id, Buffer.from(text, 'utf8'))[0]!;
}

export function extractBytes(id: string, bytes: Uint8Array, ext = 'txt'): ArticleResult[] {
  const file = { absPath: `/virtual/${id}.${ext}`, relPath: `${id}.${ext}`, baseId: id, ext };
  return readInput(file, bytes, { maxBytes: 5 * 1024 * 1024 }).map((input) => {
    if ('error' in input) return errorResult(input);
    const clean = cleanArticle(input);
    return buildRecords(input, clean, extractArticle(clean.text, { published: clean.published }));
  });
}

export function extractFolder(dir: string): ArticleResult[] {
  return readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()
    .flatMap((name) => extractBytes(name.replace(/\.txt$/, ''), readFileSync(join(dir, name))));
}
