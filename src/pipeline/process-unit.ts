// One unit (a file, or one JSONL line): read its bytes, look its result up in the cache,
// else run it through load → extract → records (extract-unit.ts, loaded only on the first
// miss, so a fully cached run never loads the loader and extractor). Never rejects:
// whatever goes wrong with one article becomes that article's `error` line. Runs alone on
// a worker thread (or, in tests and with no workers, on the main thread), so file reads
// are synchronous.
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { sha256 } from '../record/digest.js';
import { lazyErrorLines } from './lazy-error-lines.js';
import { CacheReader, cacheKey, encodeEntry } from '../dataset/cache.js';
import type { FailedArticle } from '../load/types.js';
import type { Unit, UnitOutcome, UnitSettings } from './types.js';

/** A file system error in one sentence, without the absolute path Node puts in messages. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT': return 'the file no longer exists';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a folder, not a file';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EMFILE': case 'ENFILE': return 'too many open files';
    default: return code ? `${code}` : error instanceof Error ? error.message : String(error);
  }
}

/** Reads at most maxBytes + 1 bytes, so a huge file is never held in memory. */
function readCapped(path: string, maxBytes: number): { bytes: Uint8Array; over: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, fstatSync(fd).size + 1));
    let length = 0;
    while (length < buffer.length) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: buffer.subarray(0, Math.min(length, maxBytes)), over: length > maxBytes };
  } finally {
    closeSync(fd);
  }
}

/** sha256 of a file too large to load, read in 1 MB pieces (constant memory). */
function hashFile(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Everything a unit's result depends on besides the program version. */
function unitKey(unit: Readable, bytesHash: string, settings: UnitSettings): string {
  const { file } = unit;
  const where = unit.kind === 'line' ? ['line', unit.number] : ['file'];
  return cacheKey([settings.programVersion, settings.maxBytes, file.relPath, file.baseId, file.ext, ...where, bytesHash]);
}

type Readable = Exclude<Unit, { kind: 'failed' }>;

/** A unit's bytes, or why it ends without them (unreadable, too large). */
function unitBytes(unit: Readable, settings: UnitSettings): Uint8Array | FailedArticle {
  if (unit.kind === 'line') return unit.bytes;
  const { file } = unit;
  let read: { bytes: Uint8Array; over: boolean };
  try {
    read = readCapped(file.absPath, settings.maxBytes);
  } catch (error) {
    return { id: file.baseId, path: file.relPath, sha256: '0'.repeat(64), error: `could not read the file: ${describeFsError(error)}` };
  }
  if (!read.over) return read.bytes;
  let hash = '0'.repeat(64);
  try {
    hash = hashFile(file.absPath);
  } catch {
    /* vanished meanwhile: the size is still the reason */
  }
  const error = `the file is larger than the ${settings.maxBytes}-byte limit (--max-bytes)`;
  return { id: file.baseId, path: file.relPath, sha256: hash, error };
}

/** The cached outcome of a unit whose bytes hash to `key`, if there is a valid one. */
function lookUp(key: string, settings: UnitSettings): UnitOutcome | undefined {
  if (!settings.cacheDir || !settings.cacheGeneration || settings.force) return undefined;
  const reader = readerFor(settings.cacheDir, settings.cacheGeneration);
  const hit = reader.get(key);
  if (!hit) return undefined;
  // Normally the new generation just refers to the entry; when compacting, it copies it.
  return { articles: hit.articles, cached: true, cacheEntry: { key, ref: hit.ref, copy: reader.compacting } };
}

/**
 * Only the cache: the unit's cached outcome, or null when it must be processed. Cheap and
 * bounded (a read and a hash), so probes are batched and need no time budget.
 */
export function probeUnit(unit: Unit, settings: UnitSettings): UnitOutcome | null {
  if (unit.kind === 'failed') return null;
  const bytes = unitBytes(unit, settings);
  if (!(bytes instanceof Uint8Array)) return null;
  return lookUp(unitKey(unit, sha256(bytes), settings), settings) ?? null;
}

/** Processes one unit; consults and fills the result cache when settings.cacheDir is set. */
export async function processUnit(unit: Unit, settings: UnitSettings): Promise<UnitOutcome> {
  if (unit.kind === 'failed') return { articles: [await lazyErrorLines(unit.failed)], cached: false };
  const bytes = unitBytes(unit, settings);
  if (!(bytes instanceof Uint8Array)) return { articles: [await lazyErrorLines(bytes)], cached: false };
  if (!settings.cacheDir) return { articles: (await extractor()).fromBytes(unit, bytes, settings), cached: false };
  const key = unitKey(unit, sha256(bytes), settings);
  const hit = lookUp(key, settings);
  if (hit) return hit;
  const articles = (await extractor()).fromBytes(unit, bytes, settings);
  return { articles, cached: false, cacheEntry: { key, entry: encodeEntry(articles) } };
}

let heavy: Promise<typeof import('./extract-unit.js')> | undefined;
const extractor = () => (heavy ??= import('./extract-unit.js'));

/** Loads the loader and extractor (once per thread); rejects if they cannot be loaded. */
export async function loadExtractor(): Promise<void> {
  await extractor();
}

/** The reader of this thread's current cache generation. */
let reader: { folder: string; generation: string; reader: CacheReader } | null = null;
function readerFor(folder: string, generation: string): CacheReader {
  if (reader?.folder !== folder || reader.generation !== generation) {
    reader?.reader.close();
    reader = { folder, generation, reader: new CacheReader(folder, generation) };
  }
  return reader.reader;
}
