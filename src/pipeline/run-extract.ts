// The batch: list units → process them on the workers (bounded in flight) → sort by id in
// bounded memory → settle duplicate ids → write both JSONL files atomically. The main
// thread lists, orders and writes; the workers read, extract and serialise.
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { CacheWriter, currentGeneration, PackFiles, pruneOtherVersions, versionFolder } from '../dataset/cache.js';
import { commitAll, discardAll, openAtomic } from '../dataset/write-atomic.js';
import { dispatch, InterruptedError } from './dispatch.js';
import { createExecutor, workersAvailable } from './executor.js';
import { ExternalSorter, type SortItem } from './external-sort.js';
import { listUnits } from './list-units.js';
import { lazyErrorLines } from './lazy-error-lines.js';
import { programVersion } from './program-version.js';
import { isStored, type ArticleMeta, type UnitSettings } from './types.js';

export interface ExtractRunOptions {
  inputs: string[];
  outDir: string;
  /** Files (and JSONL lines) larger than this are error lines. */
  maxBytes: number;
  /** Worker threads (default: the number of cores). */
  concurrency?: number;
  /**
   * Process on this thread, without workers and so without a time budget. Default: true
   * when running from the TypeScript sources (vitest), which workers cannot load.
   */
  inProcess?: boolean;
  /** Per-article time budget in ms (workers only; default DEFAULT_BUDGET_MS). */
  budgetMs?: number;
  /** Root of the result cache, or null/absent for none. */
  cacheDir?: string | null;
  /** Rebuild every article, ignoring cached results. */
  force?: boolean;
  logger: Logger;
  signal?: AbortSignal;
  /** In-memory size of results before spilling sorted runs to temp files. */
  sortBudget?: number;
  onProgress?: (done: number, listed: number) => void;
}

export interface RunSummary {
  articles: number;
  ok: number;
  no_inspection: number;
  errors: number;
  /** Articles whose result came from the cache. */
  cached: number;
  seconds: number;
}

export const emptySummary = (): RunSummary => ({ articles: 0, ok: 0, no_inspection: 0, errors: 0, cached: 0, seconds: 0 });

/** Counts one written article and logs it if it is an error. */
export function tally(summary: RunSummary, lines: ArticleMeta, logger: Logger): void {
  summary.articles++;
  if (lines.status === 'ok') summary.ok++;
  else if (lines.status === 'no_inspection') summary.no_inspection++;
  else {
    summary.errors++;
    logger.error({ article: lines.id, path: lines.path }, lines.error ?? 'error');
  }
}

/** The message of the error line for a second article with a taken id (RECORDS.md). */
export const duplicateIdError = (id: string, firstPath: string) => `the id "${id}" is already taken by ${firstPath}`;

/** No real article comes near this; only hostile input is stopped by it (RECORDS.md). */
export const DEFAULT_BUDGET_MS = 10_000;

export async function unitSettings(options: { maxBytes: number; cacheDir?: string | null; force?: boolean }): Promise<UnitSettings> {
  const version = await programVersion();
  const cacheDir = options.cacheDir ? versionFolder(options.cacheDir, version) : null;
  return {
    maxBytes: options.maxBytes,
    cacheDir,
    cacheGeneration: cacheDir ? currentGeneration(cacheDir) : null,
    programVersion: version,
    force: options.force ?? false,
  };
}

/** Worker threads for a run: none in process, else `concurrency` or one per core. */
export const threadsFor = (options: { concurrency?: number; inProcess?: boolean }) =>
  (options.inProcess ?? !workersAvailable()) ? 0 : Math.max(1, options.concurrency ?? availableParallelism());

export async function runExtract(options: ExtractRunOptions): Promise<RunSummary> {
  const started = performance.now();
  const settings = await unitSettings(options);
  // Hits are copied from the packs into the output: open them before anything is looked up.
  const packs = settings.cacheDir && settings.cacheGeneration && !settings.force ? PackFiles.open(settings.cacheDir) : null;
  const executor = createExecutor({ threads: threadsFor(options), budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS, settings });
  const sorter = new ExternalSorter(options.sortBudget ?? (Number(process.env.OFSTED_NEWS_SORT_BUDGET) || undefined));
  // A cache that cannot be written (a read-only install, say) only makes runs slower.
  const cache = settings.cacheDir
    ? await CacheWriter.create(settings.cacheDir).catch((error: unknown) => {
      options.logger.warn({ cacheDir: options.cacheDir }, `the result cache cannot be written, so this run will not speed up the next (${error instanceof Error ? error.message : String(error)})`);
      return null;
    })
    : null;
  const summary = emptySummary();
  const memory = (phase: string) => {
    const m = process.memoryUsage();
    const mb = (n: number) => Math.round(n / 2 ** 20);
    options.logger.debug({ phase, rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external), spilled: sorter.spilled }, 'memory');
  };
  const memoryTimer = options.logger.isLevelEnabled('debug') ? setInterval(() => memory('extracting'), 5000).unref() : undefined;
  try {
    await dispatch(listUnits(options.inputs, options.maxBytes), executor, async (seq, outcome) => {
      if (outcome.cached) summary.cached += outcome.articles.length;
      const entry = outcome.cacheEntry;
      if (cache && entry) {
        if (!('ref' in entry)) await cache.add(entry.key, entry.entry);
        else if (entry.copy && packs) await cache.add(entry.key, packs.read(entry.ref.pack, entry.ref.offset, entry.ref.length));
        else await cache.addRef(entry.key, entry.ref);
      }
      for (const [sub, lines] of outcome.articles.entries()) await sorter.add({ seq, sub, lines });
    }, { signal: options.signal, onProgress: options.onProgress });
    // The workers are done: let them exit while the dataset is written.
    const closing = executor.close();
    clearInterval(memoryTimer);
    memory('extracted');
    if (sorter.spilled > 0) options.logger.debug({ runs: sorter.spilled }, 'results spilled to sorted temp runs');
    await writeDataset(options.outDir, sorter.sorted(), summary, options.logger, { signal: options.signal, packs });
    await cache?.commit();
    await closing;
  } finally {
    clearInterval(memoryTimer);
    await executor.close();
    await sorter.cleanup();
    await cache?.discard();
    packs?.close();
  }
  if (options.cacheDir) pruneOtherVersions(options.cacheDir, settings.programVersion);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * Writes results, already in id order, to articles.jsonl and inspections.jsonl: temp files
 * renamed over the old ones only once both are complete. The first article with an id (in
 * input order) keeps it; later ones become error lines naming it.
 */
export async function writeDataset(
  outDir: string,
  items: AsyncIterable<SortItem>,
  summary: RunSummary,
  logger: Logger,
  { signal, packs }: { signal?: AbortSignal; packs?: PackFiles | null } = {},
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const files = [await openAtomic(join(outDir, 'articles.jsonl')), await openAtomic(join(outDir, 'inspections.jsonl'))] as const;
  try {
    let lastId: string | undefined;
    let firstPath = '';
    for await (const { lines } of items) {
      if (signal?.aborted) throw new InterruptedError();
      let out = lines;
      if (lines.id === lastId) {
        out = await lazyErrorLines({ id: lines.id, path: lines.path, sha256: lines.sha256, error: duplicateIdError(lines.id, firstPath) });
      } else {
        lastId = lines.id;
        firstPath = lines.path;
      }
      tally(summary, out, logger);
      if (isStored(out)) {
        if (!packs) throw new Error('a cached result without its cache packs'); // a caller bug
        const [article, inspections] = packs.readLines(out.stored);
        await files[0].write(article);
        if (inspections.length > 0) await files[1].write(inspections);
        continue;
      }
      await files[0].write(`${out.article}\n`);
      for (const line of out.inspections) await files[1].write(`${line}\n`);
    }
    for (const f of files) await f.close();
    if (signal?.aborted) throw new InterruptedError();
    await commitAll([...files]);
  } catch (error) {
    await discardAll([...files]);
    throw error;
  }
}
