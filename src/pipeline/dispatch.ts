// Feeds units to an executor in input order, never more tasks in flight than it can take,
// so memory stays flat however many units there are. Shared by the batch and the stream.
//
// With a cache to read, units first go in batches to `probe` (one task looks up many
// units: a fully cached run costs a read and a hash per unit, not a task round trip);
// the misses then go one by one to `run`, each under its own time budget.
import type { Executor } from './executor.js';
import type { Unit, UnitOutcome } from './types.js';

/** A run stopped by SIGINT/SIGTERM (or its AbortSignal); nothing was written. */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
  }
}

export interface DispatchOptions {
  signal?: AbortSignal;
  /** After each unit: (units done, units listed so far). */
  onProgress?: (done: number, listed: number) => void;
}

/** Units looked up in the cache per probe task. */
const PROBE_BATCH = 64;
/**
 * Probe tasks in flight at once, apart from the executor's capacity for processing. They
 * are small (a unit is a path) and bounded, and letting the listing run this far ahead
 * means the main thread lists while the workers start, instead of waiting for them.
 */
const PROBES_IN_FLIGHT = 32;

/**
 * Runs every unit; `onOutcome(seq, outcome)` receives each result with its position in
 * input order, in completion order; the unit's task slot is held until the returned
 * promise settles (the stream uses that to bound its reorder window). Resolves when all
 * are handled; rejects with InterruptedError on abort, or with the first error thrown by
 * `onOutcome`.
 */
export async function dispatch(
  units: AsyncIterable<Unit>,
  executor: Executor,
  onOutcome: (seq: number, outcome: UnitOutcome) => Promise<void> | void,
  options: DispatchOptions = {},
): Promise<void> {
  const { signal } = options;
  let failure: { error: unknown } | null = null;
  let listed = 0;
  let done = 0;

  // Counting semaphores: one over the executor's capacity (units being processed), one
  // over the probe tasks in flight. Waiters recheck for abort and failure when woken.
  const waiting: Array<Array<() => void>> = [];
  const wakeAll = () => waiting.forEach((list) => list.splice(0).forEach((wake) => wake()));
  signal?.addEventListener('abort', wakeAll, { once: true });
  const aborted = new Promise<void>((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  const check = () => {
    if (signal?.aborted) throw new InterruptedError();
    if (failure) throw failure.error;
  };
  const semaphore = (size: number) => {
    let free = size;
    const wakers: Array<() => void> = [];
    waiting.push(wakers);
    return {
      async acquire() {
        for (check(); free === 0; check()) await new Promise<void>((wake) => wakers.push(wake));
        free--;
      },
      release() {
        free++;
        wakers.shift()?.();
      },
    };
  };
  const slots = semaphore(executor.capacity);
  const probeSlots = semaphore(PROBES_IN_FLIGHT);

  const pending = new Set<Promise<void>>();
  const track = (work: () => Promise<void>) => {
    const task: Promise<void> = work()
      .catch((error: unknown) => {
        failure ??= { error };
        wakeAll();
      })
      .finally(() => pending.delete(task));
    pending.add(task);
  };
  const deliver = async (seq: number, outcome: UnitOutcome) => {
    if (signal?.aborted) return;
    await onOutcome(seq, outcome);
    options.onProgress?.(++done, listed);
  };
  /** Runs one unit; the caller has acquired its slot. */
  const run = (seq: number, unit: Unit) => track(async () => {
    try {
      await deliver(seq, await executor.run(unit));
    } finally {
      slots.release();
    }
  });

  let batch: Array<{ seq: number; unit: Unit }> = [];
  const probeBatch = (items: Array<{ seq: number; unit: Unit }>) => track(async () => {
    let outcomes: Array<UnitOutcome | null>;
    try {
      outcomes = await executor.probe(items.map((item) => item.unit));
    } finally {
      probeSlots.release();
    }
    const misses: Array<{ seq: number; unit: Unit }> = [];
    for (const [i, item] of items.entries()) {
      const outcome = outcomes[i];
      if (outcome) await deliver(item.seq, outcome);
      else misses.push(item);
    }
    for (const { seq, unit } of misses) {
      await slots.acquire();
      run(seq, unit);
    }
  });

  try {
    for await (const unit of units) {
      const seq = listed++;
      if (executor.probing && unit.kind !== 'failed') {
        batch.push({ seq, unit });
        if (batch.length < PROBE_BATCH) continue;
        await probeSlots.acquire();
        probeBatch(batch);
        batch = [];
      } else {
        await slots.acquire();
        run(seq, unit);
      }
    }
    if (batch.length > 0) {
      await probeSlots.acquire();
      probeBatch(batch);
    }
    while (pending.size > 0) {
      await Promise.race([...pending, aborted]);
      check();
    }
    check();
  } finally {
    // On failure or abort, tasks still running are left to the caller's executor.close(),
    // which ends them; their outcomes are dropped (see deliver), their errors swallowed.
    wakeAll();
  }
}
