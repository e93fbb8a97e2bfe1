// The worker thread's tasks (run by piscina, from the compiled dist/ code):
//   probe    look a batch of units up in the result cache (cheap, bounded: no budget);
//   process  one unit; the task first flags its slot as started, so the main thread's
//            budget clock starts now and not while the task waited in the queue (nor
//            while the worker loaded its modules).
// What every task shares (settings, the started flags) comes once, as workerData.
import { workerData } from 'piscina';
import { loadExtractor, probeUnit, processUnit } from './process-unit.js';
import type { Unit, UnitOutcome, UnitSettings } from './types.js';

export interface WorkerData {
  settings: UnitSettings;
  /** Int32Array over a SharedArrayBuffer: one "started" flag per task slot. */
  started: SharedArrayBuffer;
}

export type WorkerTask = { kind: 'probe'; units: Unit[] } | { kind: 'process'; unit: Unit; slot: number };

const { settings, started } = workerData as WorkerData;
const flags = new Int32Array(started);

/**
 * Test hook: a unit whose path contains this string spins forever, as a catastrophic
 * regex would, so that tests of the time budget and of signals do not depend on finding
 * a slow input in the extractor of the day.
 */
const STALL = process.env.OFSTED_NEWS_TEST_STALL;
const stalls = (unit: Unit) => STALL !== undefined && STALL !== '' && unit.kind !== 'failed' && unit.file.relPath.includes(STALL);

export default async function runTask(task: WorkerTask): Promise<UnitOutcome | Array<UnitOutcome | null>> {
  if (task.kind === 'probe') return task.units.map((unit) => probeUnit(unit, settings));
  // The loader and extractor load on a worker's first article (~0.2 s), before its clock
  // starts. Loading them when the worker starts was measured to gain nothing: between
  // tasks piscina blocks the worker in Atomics.wait, so a background import never runs,
  // and awaiting it up front only slowed the cached runs.
  await loadExtractor();
  Atomics.store(flags, task.slot, 1);
  if (stalls(task.unit)) for (;;);
  return processUnit(task.unit, settings);
}
