// Where units are processed: a piscina pool of worker threads (the CLI), or the main
// thread itself (unit tests from the TypeScript sources, which workers cannot load).
//
// The per-article time budget is real only with workers: a synchronous regex cannot be
// interrupted, but the worker running it can be terminated. Each task flags a shared slot
// when it starts; a sweep on the main thread aborts a task that has run longer than the
// budget, piscina terminates its worker and starts a new one, and the unit becomes an
// `error` line. Time spent waiting in the queue does not count.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Piscina } from 'piscina';
import { sha256 } from '../record/digest.js';
import { lazyErrorLines } from './lazy-error-lines.js';
import type { Unit, UnitOutcome, UnitSettings } from './types.js';
import type { WorkerData, WorkerTask } from './worker.js';

export interface Executor {
  /** Units that may be in flight at once; the caller waits before dispatching more. */
  readonly capacity: number;
  /** Processes one unit. Never rejects: failures become error lines. */
  run(unit: Unit): Promise<UnitOutcome>;
  /** Whether a cache generation can be probed at all (else `probe` is pointless). */
  readonly probing: boolean;
  /** Cached outcomes of a batch of units; null for each unit that must be processed. */
  probe(units: Unit[]): Promise<Array<UnitOutcome | null>>;
  close(): Promise<void>;
}

export interface ExecutorOptions {
  /** Worker threads; 0 runs every unit on the calling thread, with no time budget. */
  threads: number;
  /** Per-unit budget in ms (workers only). */
  budgetMs: number;
  settings: UnitSettings;
}

/** A worker's heap limit: a hostile input that blows up memory kills its worker, not the run. */
const WORKER_HEAP_MB = Number(process.env.OFSTED_NEWS_WORKER_HEAP_MB ?? 256);
/**
 * A worker's young generation. V8's default (up to 3 × 16 MB semi-spaces per thread) made
 * up a third of the peak RSS; 4 MB costs no measurable speed on the bench corpus.
 */
const WORKER_YOUNG_MB = Number(process.env.OFSTED_NEWS_YOUNG_MB ?? 4);
/** Tasks queued per worker beyond the one running, so no worker waits for the main thread. */
const QUEUED_PER_WORKER = 3;

/** Workers can run only compiled JavaScript (this file is .js in dist/, .ts under vitest). */
export const workersAvailable = () => import.meta.url.endsWith('.js');

export function createExecutor(options: ExecutorOptions): Executor {
  return options.threads > 0 ? workerExecutor(options) : inProcessExecutor(options.settings);
}

/** Probing pays only when there is a cache generation to read and it is not ignored. */
const probing = (settings: UnitSettings) => Boolean(settings.cacheDir && settings.cacheGeneration && !settings.force);

function inProcessExecutor(settings: UnitSettings): Executor {
  // Loaded only here: with workers, the main thread never loads the loader or extractor.
  const module = import('./process-unit.js');
  return {
    capacity: 1,
    probing: probing(settings),
    run: async (unit) => (await module).processUnit(unit, settings),
    probe: async (units) => {
      const { probeUnit } = await module;
      return units.map((unit) => probeUnit(unit, settings));
    },
    close: async () => {},
  };
}

/** The error line for a unit whose processing did not finish. */
async function failedUnit(unit: Unit, error: string): Promise<UnitOutcome> {
  if (unit.kind === 'failed') return { articles: [await lazyErrorLines(unit.failed)], cached: false };
  const { file } = unit;
  if (unit.kind === 'line') {
    const failed = { id: `${file.baseId}#${unit.number}`, path: `${file.relPath}#${unit.number}`, sha256: sha256(unit.bytes), error };
    return { articles: [await lazyErrorLines(failed)], cached: false };
  }
  const hash = await readFile(file.absPath).then((b) => createHash('sha256').update(b).digest('hex'), () => '0'.repeat(64));
  return { articles: [await lazyErrorLines({ id: file.baseId, path: file.relPath, sha256: hash, error })], cached: false };
}

function workerExecutor({ threads, budgetMs, settings }: ExecutorOptions): Executor {
  const capacity = threads * (1 + QUEUED_PER_WORKER);
  const started = new SharedArrayBuffer(capacity * Int32Array.BYTES_PER_ELEMENT);
  const flags = new Int32Array(started);
  const pool = new Piscina<WorkerTask, UnitOutcome | Array<UnitOutcome | null>>({
    workerData: { settings, started } satisfies WorkerData,
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    concurrentTasksPerWorker: 1,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  const freeSlots = Array.from({ length: capacity }, (_, i) => capacity - 1 - i);
  const running = new Map<number, { controller: AbortController; since: number }>();

  let closing: Promise<void> | undefined;
  const sweep = setInterval(() => {
    const now = performance.now();
    for (const [slot, task] of running) {
      if (task.since === 0) {
        if (Atomics.load(flags, slot) === 1) task.since = now;
      } else if (now - task.since > budgetMs) {
        task.controller.abort();
      }
    }
  }, Math.min(250, Math.max(10, budgetMs / 20)));
  sweep.unref();

  return {
    capacity,
    probing: probing(settings),
    async probe(units) {
      try {
        return await pool.run({ kind: 'probe', units }) as Array<UnitOutcome | null>;
      } catch {
        return units.map(() => null); // a failed probe only means processing them
      }
    },
    async run(unit) {
      if (unit.kind === 'failed') return failedUnit(unit, unit.failed.error);
      const slot = freeSlots.pop();
      if (slot === undefined) throw new Error('executor over capacity'); // a caller bug
      Atomics.store(flags, slot, 0);
      const controller = new AbortController();
      running.set(slot, { controller, since: 0 });
      try {
        return await pool.run({ kind: 'process', unit, slot }, { signal: controller.signal }) as UnitOutcome;
      } catch (error) {
        if (controller.signal.aborted) return failedUnit(unit, `processing took longer than the ${budgetMs} ms budget (--time-budget-ms)`);
        const message = error instanceof Error ? error.message : String(error);
        return failedUnit(unit, `internal error: the worker processing it failed (${message})`);
      } finally {
        running.delete(slot);
        freeSlots.push(slot);
      }
    },
    close() {
      clearInterval(sweep);
      closing ??= pool.destroy();
      return closing;
    },
  };
}
