// One input file through every stage: read → load → extract → records. Never throws:
// whatever goes wrong with one article becomes that article's `error` line.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { readInput } from '../load/read-input.js';
import { cleanArticle } from '../load/clean-article.js';
import type { InputFile } from '../load/types.js';
import { extractArticle } from '../extract/extract-article.js';
import { buildRecords, errorResult, sha256, type ArticleResult } from '../record/build-records.js';

export interface ProcessOptions {
  /** Files larger than this are an `error` line, unread. */
  maxBytes: number;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reads at most maxBytes + 1 bytes, so a huge file is never held in memory. */
async function readCapped(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; over: boolean }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, (await handle.stat()).size + 1));
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: buffer.subarray(0, Math.min(length, maxBytes)), over: length > maxBytes };
  } finally {
    await handle.close();
  }
}

/** sha256 of a file too large to load, computed in constant memory. */
async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function processFile(file: InputFile, options: ProcessOptions): Promise<ArticleResult[]> {
  const fail = (error: string, hash = '0'.repeat(64)) => [errorResult({ id: file.baseId, path: file.relPath, sha256: hash, error })];
  let read: { bytes: Uint8Array; over: boolean };
  try {
    read = await readCapped(file.absPath, options.maxBytes);
  } catch (error) {
    return fail(`could not read the file: ${describe(error)}`);
  }
  if (read.over) {
    const hash = await hashFile(file.absPath).catch(() => undefined);
    return fail(`the file is larger than the ${options.maxBytes}-byte limit (--max-bytes)`, hash);
  }
  return processBytes(file, read.bytes, options);
}

export function processBytes(file: InputFile, bytes: Uint8Array, options: ProcessOptions): ArticleResult[] {
  let inputs;
  try {
    inputs = readInput(file, bytes, options);
  } catch (error) {
    return [errorResult({ id: file.baseId, path: file.relPath, sha256: sha256(bytes), error: `internal error while reading: ${describe(error)}` })];
  }
  return inputs.map((input) => {
    if ('error' in input) return errorResult(input);
    try {
      const clean = cleanArticle(input);
      const extraction = extractArticle(clean.text, { published: clean.published });
      return buildRecords(input, clean, extraction);
    } catch (error) {
      return errorResult({ id: input.id, path: input.path, sha256: input.sha256, error: `internal error: ${describe(error)}` });
    }
  });
}
