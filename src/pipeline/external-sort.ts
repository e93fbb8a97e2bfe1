// Sorting results by id in bounded memory. Results arrive in completion order; RECORDS.md
// wants them by id. Inputs are not in id order in general (the folder walk is by name,
// `a/b` sorts after `a-c`; JSONL lines carry any ids), so a reorder window is not enough:
// this is an external merge sort. Results are kept in memory up to a budget; past it, the
// buffer is sorted and spilled to a temp "run" file; at the end the runs are merged. A run
// that fits the budget (most runs of a few thousand articles) never touches the disk.
//
// Order: id (UTF-16 code units), then input order, so that among articles with the same
// id the first in input order comes first: the writer keeps it and turns the rest into
// duplicate-id errors. The order never depends on which worker finished first.
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byteLines } from './list-units.js';
import { isStored, type ArticleOutput, type ArticleMeta, type StoredLines } from './types.js';

export interface SortItem {
  /** Position of the unit in input order, then of the article within its unit. */
  seq: number;
  sub: number;
  lines: ArticleOutput;
}

/**
 * Results held in memory before a spill, in UTF-16 code units of their lines (a line with
 * a curly quote is a two-byte string, so up to twice this in bytes, and a spill being
 * written is held too). 4M keeps the main thread's share of the peak memory to a few
 * tens of MB (measured: 32M cost ~100 MB more peak RSS at 100,000 articles); at 100,000
 * articles it makes about 75 runs, which merge in one pass.
 */
export const DEFAULT_SORT_BUDGET = 4 * 1024 * 1024;
/** Read buffer per run while merging (FAN_IN of them at once). */
const RUN_READ_CHUNK = 128 * 1024;
/** Runs merged at once; more runs are first merged in groups of this many. */
const FAN_IN = 128;
/** Writes are batched into chunks of about this size. */
const WRITE_CHUNK = 1 << 20;

export const compareItems = (a: SortItem, b: SortItem) =>
  (a.lines.id < b.lines.id ? -1 : a.lines.id > b.lines.id ? 1 : a.seq - b.seq || a.sub - b.sub);

/** About what an item holds, in UTF-16 code units (a stored article holds only its place). */
const itemSize = ({ lines }: SortItem) => (lines.path.length + lines.id.length) * 2 + (lines.error?.length ?? 0) + 200
  + (isStored(lines) ? 0 : lines.article.length + lines.inspections.reduce((n, l) => n + l.length, 0));

/**
 * An item as lines of a run file: a header, then (unless it is stored in the cache) the
 * article line and the inspection lines. The header's last field is the stored place, or
 * the number of inspection lines that follow.
 */
function serialiseItem({ seq, sub, lines }: SortItem): string {
  const tail = isStored(lines) ? lines.stored : lines.inspections.length;
  const header = JSON.stringify([lines.id, seq, sub, lines.path, lines.sha256, lines.status, lines.error ?? null, tail]);
  if (isStored(lines)) return `${header}\n`;
  return `${header}\n${lines.article}\n${lines.inspections.map((l) => `${l}\n`).join('')}`;
}

async function* readRun(path: string): AsyncGenerator<SortItem> {
  const lines = byteLines(createReadStream(path, { highWaterMark: RUN_READ_CHUNK }), Number.POSITIVE_INFINITY);
  const next = async () => {
    const { value, done } = await lines.next();
    return done ? undefined : value.bytes!.toString('utf8');
  };
  for (let header = await next(); header !== undefined && header !== ''; header = await next()) {
    const [id, seq, sub, path, sha256, status, error, tail] = JSON.parse(header) as [string, number, number, string, string, ArticleMeta['status'], string | null, number | StoredLines];
    const meta: ArticleMeta = { id, path, sha256, status, ...(error === null ? {} : { error }) };
    if (typeof tail !== 'number') {
      yield { seq, sub, lines: { ...meta, stored: tail } };
      continue;
    }
    const article = (await next())!;
    const inspections: string[] = [];
    for (let i = 0; i < tail; i++) inspections.push((await next())!);
    yield { seq, sub, lines: { ...meta, article, inspections } };
  }
}

/** Merges sorted sources into one sorted stream (a binary heap keyed on each head). */
async function* merge(sources: Array<AsyncIterator<SortItem>>): AsyncGenerator<SortItem> {
  const heap: Array<{ item: SortItem; source: AsyncIterator<SortItem> }> = [];
  const less = (i: number, j: number) => compareItems(heap[i]!.item, heap[j]!.item) < 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  const push = (entry: { item: SortItem; source: AsyncIterator<SortItem> }) => {
    heap.push(entry);
    for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
  };
  const siftDown = () => {
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const source of sources) {
    const first = await source.next();
    if (!first.done) push({ item: first.value, source });
  }
  while (heap.length > 0) {
    const top = heap[0]!;
    yield top.item;
    const next = await top.source.next();
    if (next.done) {
      const last = heap.pop()!;
      if (heap.length > 0) heap[0] = last;
    } else {
      heap[0] = { item: next.value, source: top.source };
    }
    siftDown();
  }
}

async function* fromArray(items: SortItem[]): AsyncGenerator<SortItem> {
  yield* items;
}

export class ExternalSorter {
  private buffer: SortItem[] = [];
  private size = 0;
  private runs: string[] = [];
  private dir: string | null = null;
  private written = 0;
  /** Spills are written one after another, in the order they were started. */
  private spilling: Promise<void> = Promise.resolve();

  constructor(private readonly budget = DEFAULT_SORT_BUDGET) {}

  /** Number of runs spilled to disk so far (for logs and tests). */
  get spilled() {
    return this.runs.length;
  }

  /**
   * Adds an item. When the buffer is full it is spilled; the returned promise settles when
   * the spill is written (callers await it: that is the back-pressure).
   */
  add(item: SortItem): Promise<void> {
    this.buffer.push(item);
    this.size += itemSize(item);
    if (this.size < this.budget) return this.spilling;
    const items = this.buffer.sort(compareItems);
    this.buffer = [];
    this.size = 0;
    this.spilling = this.spilling.then(async () => {
      this.runs.push(await this.writeRun(fromArray(items)));
    });
    return this.spilling;
  }

  private async writeRun(items: AsyncIterable<SortItem>): Promise<string> {
    this.dir ??= await mkdtemp(join(tmpdir(), 'ofsted-news-sort-'));
    const path = join(this.dir, `run-${this.written++}.txt`);
    const handle = await open(path, 'w');
    try {
      let chunk: string[] = [];
      let chunkSize = 0;
      for await (const item of items) {
        const text = serialiseItem(item);
        chunk.push(text);
        chunkSize += text.length;
        if (chunkSize >= WRITE_CHUNK) {
          await handle.write(chunk.join(''));
          chunk = [];
          chunkSize = 0;
        }
      }
      if (chunk.length > 0) await handle.write(chunk.join(''));
    } finally {
      await handle.close();
    }
    return path;
  }

  /** Every item added, in order. Call once, after the last add. */
  async *sorted(): AsyncGenerator<SortItem> {
    await this.spilling;
    if (this.runs.length === 0) {
      const items = this.buffer.sort(compareItems);
      this.buffer = [];
      yield* items;
      return;
    }
    if (this.buffer.length > 0) {
      const items = this.buffer.sort(compareItems);
      this.buffer = [];
      this.runs.push(await this.writeRun(fromArray(items)));
    }
    while (this.runs.length > FAN_IN) {
      const group = this.runs.splice(0, FAN_IN);
      this.runs.push(await this.writeRun(merge(group.map((run) => readRun(run)))));
      await Promise.all(group.map((run) => rm(run, { force: true })));
    }
    yield* merge(this.runs.map((run) => readRun(run)));
  }

  /** Removes the temp runs (after success, failure or interruption). */
  async cleanup(): Promise<void> {
    this.buffer = [];
    await this.spilling.catch(() => {});
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.runs = [];
  }
}
