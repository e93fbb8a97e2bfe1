// The result cache behind incremental runs. Each unit's result (its serialised lines) is
// stored under a key that covers everything it depends on: the input's bytes, its id and
// path, the size limit and the program version (code, vocabularies, package version).
//
// Layout, one folder per program version: `<root>/v-<version>/`
//   gen-<id>.pack   entries, one after another: `<sha256 of the rest> <meta JSON>\n<body>`,
//                   where the body is each article's articles.jsonl line followed by its
//                   inspections.jsonl lines, and the meta says who they are and how many
//                   bytes each takes (see encodeEntry)
//   gen-<id>.index  one line per entry: `<key> <pack id> <offset> <length>`
//   current         the id of the last complete generation
// A run reads the current generation's index (workers look keys up; it is loaded once per
// worker) and writes a new index holding every result of this run: misses go into the
// new generation's pack, hits are kept where they are (a reference to an older pack), so
// an incremental run neither moves nor rewrites the unchanged results. Because the body
// holds the output lines byte for byte, a hit travels as its place in the pack: the main
// thread copies those bytes into the output without parsing them (PackFiles). Once the
// dataset is written the new generation becomes current and packs it no longer refers to
// are deleted: the cache holds exactly the last run's inputs. When the index refers to
// more than MAX_PACKS packs, hits are copied into the new pack instead, which compacts the
// cache. Small files per entry would be simpler, but creating 10,000 files costs more
// than the extraction saves; appending to one file costs nothing.
//
// Anything doubtful is a miss: a missing or unreadable file, a short read, a checksum, a
// key or a meta that does not match. A deleted, stale or corrupt cache can slow a run,
// never change its output.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleLines, StoredArticle, StoredLines } from '../pipeline/types.js';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Hex chars of a key kept in the index: 128 bits, collision-free in practice. */
const KEY_CHARS = 32;

/** The key of one unit's result: a digest of its parts (strings or numbers). */
export function cacheKey(parts: Array<string | number>): string {
  return sha256(JSON.stringify(parts)).slice(0, KEY_CHARS);
}

/** The folder holding one program version's cache: `<root>/v-<version prefix>`. */
export const versionFolder = (root: string, programVersion: string) => join(root, `v-${programVersion.slice(0, 24)}`);

const packPath = (folder: string, generation: string) => join(folder, `gen-${generation}.pack`);
const indexPath = (folder: string, generation: string) => join(folder, `gen-${generation}.index`);
const currentPath = (folder: string) => join(folder, 'current');

/** The id of the folder's current generation, or null (no cache yet, or unreadable). */
export function currentGeneration(folder: string): string | null {
  try {
    const id = readFileSync(currentPath(folder), 'utf8').trim();
    return /^[0-9a-z-]{1,64}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** Packs an index may refer to before hits are copied (compacted) into the new pack. */
export const MAX_PACKS = 4;

/** Where an entry lives. */
export interface CacheRef {
  pack: string;
  offset: number;
  length: number;
}

/** One article in an entry's meta: who it is, and the bytes its lines take in the body. */
interface EntryArticle {
  id: string;
  path: string;
  sha256: string;
  status: StoredArticle['status'];
  error?: string;
  /** Bytes of the articles.jsonl line, newline included. */
  a: number;
  /** Bytes of the inspections.jsonl lines, newlines included. */
  i: number;
}

const lineBytes = (line: string) => Buffer.byteLength(line) + 1;

/** A unit's articles → its pack entry (see the layout above). */
export function encodeEntry(articles: ArticleLines[]): string {
  const meta: EntryArticle[] = articles.map(({ id, path, sha256: hash, status, error, article, inspections }) => ({
    id, path, sha256: hash, status, ...(error === undefined ? {} : { error }),
    a: lineBytes(article), i: inspections.reduce((n, l) => n + lineBytes(l), 0),
  }));
  const body = articles.map((a) => `${a.article}\n${a.inspections.map((l) => `${l}\n`).join('')}`).join('');
  const content = `${JSON.stringify(meta)}\n${body}`;
  return `${sha256(content)} ${content}`;
}

const STATUSES = new Set(['ok', 'no_inspection', 'error']);
const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const validMeta = (value: unknown): value is EntryArticle[] => Array.isArray(value) && value.every((m: Partial<EntryArticle>) =>
  typeof m?.id === 'string' && typeof m.path === 'string' && typeof m.sha256 === 'string' && STATUSES.has(m.status as string)
  && (m.error === undefined || typeof m.error === 'string') && isCount(m.a) && m.a > 1 && isCount(m.i));

/**
 * A pack entry read at `ref` → where each of its articles' lines are; undefined unless the
 * checksum, the meta and the byte counts all hold.
 */
export function decodeEntry(entry: Uint8Array, ref: CacheRef): StoredArticle[] | undefined {
  const bytes = Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
  if (bytes.length < 66 || bytes[64] !== 0x20) return undefined;
  const content = bytes.subarray(65);
  if (bytes.toString('latin1', 0, 64) !== sha256(content)) return undefined;
  const metaEnd = content.indexOf(0x0a);
  if (metaEnd < 0) return undefined;
  let meta: unknown;
  try {
    meta = JSON.parse(content.toString('utf8', 0, metaEnd));
  } catch {
    return undefined;
  }
  if (!validMeta(meta)) return undefined;
  let at = metaEnd + 1;
  const articles: StoredArticle[] = [];
  for (const { a, i, ...article } of meta) {
    const stored: StoredLines = { pack: ref.pack, offset: ref.offset + 65 + at, articleBytes: a, inspectionsBytes: i };
    at += a + i;
    // Each part ends a line: a meta that does not fit its body is corrupt.
    if (at > content.length || content[at - i - 1] !== 0x0a || (i > 0 && content[at - 1] !== 0x0a)) return undefined;
    articles.push({ ...article, stored });
  }
  return at === content.length ? articles : undefined;
}

/** Looks results up in one generation. Synchronous: it runs inside the worker threads. */
export class CacheReader {
  private index: Map<string, CacheRef> | null = null;
  private readonly fds = new Map<string, number | null>();
  private packs = 0;

  constructor(private readonly folder: string, private readonly generation: string) {}

  private load(): Map<string, CacheRef> {
    if (this.index) return this.index;
    this.index = new Map();
    try {
      const text = readFileSync(indexPath(this.folder, this.generation), 'utf8');
      for (const line of text.split('\n')) {
        const [key, pack, offset, length] = line.split(' ');
        if (key?.length !== KEY_CHARS || !pack || !/^[0-9a-z-]{1,64}$/.test(pack) || !offset || !length) continue;
        this.index.set(key, { pack, offset: Number(offset), length: Number(length) });
      }
      this.packs = new Set([...this.index.values()].map((r) => r.pack)).size;
    } catch {
      this.index.clear(); // no usable generation: every lookup misses
    }
    return this.index;
  }

  /** Whether hits should be copied into the new pack (the index spans too many packs). */
  get compacting(): boolean {
    this.load();
    return this.packs > MAX_PACKS;
  }

  private fd(pack: string): number | null {
    if (!this.fds.has(pack)) {
      let fd: number | null = null;
      try {
        fd = openSync(packPath(this.folder, pack), 'r');
      } catch {
        /* a missing pack: its entries miss */
      }
      this.fds.set(pack, fd);
    }
    return this.fds.get(pack) ?? null;
  }

  /** The articles stored under `key` and where the entry is, verified; or undefined. */
  get(key: string): { articles: StoredArticle[]; ref: CacheRef } | undefined {
    const ref = this.load().get(key);
    const fd = ref && this.fd(ref.pack);
    if (!ref || fd === null || fd === undefined || !(ref.length > 66 && ref.length < 2 ** 31) || !(ref.offset >= 0)) return undefined;
    try {
      const buffer = Buffer.allocUnsafe(ref.length);
      if (readSync(fd, buffer, 0, ref.length, ref.offset) !== ref.length) return undefined;
      const articles = decodeEntry(buffer, ref);
      return articles && { articles, ref };
    } catch {
      return undefined;
    }
  }

  close(): void {
    for (const fd of this.fds.values()) if (fd !== null) closeSync(fd);
    this.fds.clear();
    this.index = null;
  }
}

/** Writes a new generation (main thread), made current only by `commit`. */
export class CacheWriter {
  private offset = 0;
  private packChunks: Uint8Array[] = [];
  private indexChunks: string[] = [];
  private buffered = 0;
  private done = false;

  private constructor(
    readonly folder: string,
    readonly generation: string,
    private readonly pack: FileHandle,
    private readonly index: FileHandle,
  ) {}

  static async create(folder: string): Promise<CacheWriter> {
    await mkdir(folder, { recursive: true });
    const generation = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const pack = await open(packPath(folder, generation), 'w');
    const index = await open(indexPath(folder, generation), 'w');
    return new CacheWriter(folder, generation, pack, index);
  }

  /** Packs of older generations that the new index refers to (kept at commit). */
  private readonly referenced = new Set<string>();

  /** Adds an entry (from encodeEntry, or copied from an older pack) to the new pack. */
  async add(key: string, entry: string | Uint8Array): Promise<void> {
    const length = typeof entry === 'string' ? Buffer.byteLength(entry) : entry.byteLength;
    this.packChunks.push(typeof entry === 'string' ? Buffer.from(entry) : entry);
    this.indexChunks.push(`${key} ${this.generation} ${this.offset} ${length}\n`);
    this.offset += length;
    this.buffered += length;
    if (this.buffered >= 1 << 20) await this.flush();
  }

  /** Adds an entry that stays where it is, in an older pack (an unchanged result). */
  async addRef(key: string, ref: CacheRef): Promise<void> {
    this.referenced.add(ref.pack);
    this.indexChunks.push(`${key} ${ref.pack} ${ref.offset} ${ref.length}\n`);
    this.buffered += 80;
    if (this.buffered >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const pack = Buffer.concat(this.packChunks);
    const index = this.indexChunks.join('');
    this.packChunks = [];
    this.indexChunks = [];
    this.buffered = 0;
    await this.pack.write(pack);
    await this.index.write(index);
  }

  /** Makes this generation current and deletes the older ones. */
  async commit(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.flush();
    await this.pack.close();
    await this.index.close();
    const temp = `${currentPath(this.folder)}.${process.pid}.tmp`;
    await writeFile(temp, `${this.generation}\n`);
    await rename(temp, currentPath(this.folder));
    for (const name of readdirSync(this.folder)) {
      const pack = /^gen-(.+)\.pack$/.exec(name)?.[1];
      const keep = name.startsWith(`gen-${this.generation}.`) || (pack !== undefined && this.referenced.has(pack));
      if (name.startsWith('gen-') && !keep) await rm(join(this.folder, name), { force: true });
    }
  }

  /** Drops this generation (a failed or interrupted run); the current one stays. */
  async discard(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.pack.close().catch(() => {});
    await this.index.close().catch(() => {});
    await rm(packPath(this.folder, this.generation), { force: true });
    await rm(indexPath(this.folder, this.generation), { force: true });
  }
}

/** Removes the folders of other program versions (they can never be hit again). */
export function pruneOtherVersions(root: string, programVersion: string): void {
  const keep = versionFolder(root, programVersion);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(root, name);
    if (path !== keep && name.startsWith('v-')) rmSync(path, { recursive: true, force: true });
  }
}

/** Bytes read from a pack at once when copying results into the output. */
const READ_AHEAD = 1 << 20;

/**
 * The packs of one cache folder, opened by the main thread before the workers look
 * anything up, so that it can copy hits' bytes into the output. An open file stays
 * readable even if another run deletes it meanwhile.
 */
export class PackFiles {
  private readonly fds = new Map<string, number>();

  static open(folder: string): PackFiles {
    const files = new PackFiles();
    let names: string[] = [];
    try {
      names = readdirSync(folder);
    } catch {
      /* no folder yet: nothing can be hit */
    }
    for (const name of names) {
      const pack = /^gen-(.+)\.pack$/.exec(name)?.[1];
      if (pack === undefined) continue;
      try {
        files.fds.set(pack, openSync(join(folder, name), 'r'));
      } catch {
        /* gone meanwhile: a worker cannot hit it either */
      }
    }
    return files;
  }

  /**
   * At least `length` bytes at `offset` of a pack, and up to `size`; throws if the pack was
   * not there at the start or is shorter than `length`.
   */
  private readAt(pack: string, offset: number, length: number, size = length): Buffer {
    const fd = this.fds.get(pack);
    if (fd === undefined) throw new Error(`the result cache changed during the run (pack ${pack} was not there at the start); run again`);
    const buffer = Buffer.allocUnsafe(size);
    const read = readSync(fd, buffer, 0, size, offset);
    if (read < length) throw new Error(`the result cache changed during the run (pack ${pack} is shorter); run again`);
    return buffer.subarray(0, read);
  }

  /** `length` bytes at `offset` of a pack; throws if they cannot all be read. */
  read(pack: string, offset: number, length: number): Buffer {
    return this.readAt(pack, offset, length);
  }

  /** The last window read ahead: results are mostly asked for in the order they were stored. */
  private window: { pack: string; offset: number; bytes: Buffer } | null = null;

  /**
   * A stored article's lines: [articles.jsonl line, inspections.jsonl lines], newlines
   * included. Read through a window of READ_AHEAD bytes: an unchanged corpus asks for
   * its results in the order the previous run stored them, so one read serves hundreds.
   */
  readLines(stored: StoredLines): [Buffer, Buffer] {
    const length = stored.articleBytes + stored.inspectionsBytes;
    let w = this.window;
    if (w === null || w.pack !== stored.pack || stored.offset < w.offset || stored.offset + length > w.offset + w.bytes.length) {
      w = this.window = { pack: stored.pack, offset: stored.offset, bytes: this.readAt(stored.pack, stored.offset, length, Math.max(length, READ_AHEAD)) };
    }
    const start = stored.offset - w.offset;
    return [w.bytes.subarray(start, start + stored.articleBytes), w.bytes.subarray(start + stored.articleBytes, start + length)];
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
