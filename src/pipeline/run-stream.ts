// `extract -`: JSONL articles on standard input → on standard output, one line per input
// article in input order: {"article": <articles.jsonl line>, "inspections": [...]}
// (RECORDS.md "Running a stream"; StreamRecord in record/schema.ts). Lines are processed
// in parallel and written back in input order through a reorder window no larger than
// the executor's capacity. Ids are unique across the stream as across a batch: the set of
// ids seen so far is the one thing that grows with the input.
import type { Logger } from 'pino';
import type { InputFile } from '../load/types.js';
import { dispatch, InterruptedError } from './dispatch.js';
import { createExecutor } from './executor.js';
import { lineUnits } from './list-units.js';
import { lazyErrorLines } from './lazy-error-lines.js';
import { DEFAULT_BUDGET_MS, duplicateIdError, emptySummary, tally, threadsFor, unitSettings, type RunSummary } from './run-extract.js';
import { isStored, type ArticleLines, type UnitOutcome } from './types.js';

/** Standard input as a JSONL "file": ids and paths are `stdin#<line>`. */
export const STDIN_FILE: InputFile = { absPath: '', relPath: 'stdin', baseId: 'stdin', ext: 'jsonl' };

export interface StreamRunOptions {
  input: AsyncIterable<Buffer>;
  output: NodeJS.WritableStream;
  maxBytes: number;
  concurrency?: number;
  inProcess?: boolean;
  budgetMs?: number;
  logger: Logger;
  signal?: AbortSignal;
}

/** One output line of the stream. */
export const streamLine = (lines: ArticleLines) => `{"article":${lines.article},"inspections":[${lines.inspections.join(',')}]}\n`;

/** Resolves once `output` can take more (or has failed: a closed pipe ends the run). */
function write(output: NodeJS.WritableStream, text: string): Promise<void> | undefined {
  if (output.write(text)) return undefined;
  return new Promise((resolve) => {
    const done = () => {
      output.off('drain', done);
      output.off('error', done);
      output.off('close', done);
      resolve();
    };
    output.on('drain', done);
    output.on('error', done);
    output.on('close', done);
  });
}

export async function runStream(options: StreamRunOptions): Promise<RunSummary> {
  const started = performance.now();
  const settings = await unitSettings({ maxBytes: options.maxBytes, cacheDir: null, force: false });
  const executor = createExecutor({ threads: threadsFor(options), budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS, settings });
  const summary = emptySummary();
  const firstPath = new Map<string, string>();
  const waiting = new Map<number, UnitOutcome>();
  let next = 0;
  let outputError: Error | null = null;
  const onError = (error: Error) => {
    outputError ??= error;
  };
  options.output.on('error', onError);

  // Flushes run one after another: a flush waiting for the pipe to drain must not be
  // overtaken by the next one. A unit's task slot is released only once its lines are
  // written, so the reorder window never holds more than the executor's capacity.
  let flushing: Promise<void> = Promise.resolve();
  const written = new Map<number, () => void>();
  const flushInOrder = async () => {
    for (let outcome = waiting.get(next); outcome !== undefined; outcome = waiting.get(next)) {
      waiting.delete(next);
      for (const lines of outcome.articles) {
        if (outputError) throw new Error(`standard output closed (${outputError.message})`);
        const taken = firstPath.get(lines.id);
        // The stream runs without the result cache, so every result is fresh lines.
        if (isStored(lines)) throw new Error('a cached result in a stream run'); // a caller bug
        let out = lines;
        if (taken === undefined) firstPath.set(lines.id, lines.path);
        else out = await lazyErrorLines({ id: lines.id, path: lines.path, sha256: lines.sha256, error: duplicateIdError(lines.id, taken) });
        tally(summary, out, options.logger);
        await write(options.output, streamLine(out));
      }
      written.get(next)?.();
      written.delete(next);
      next++;
    }
  };

  try {
    await dispatch(lineUnits(STDIN_FILE, options.input, options.maxBytes), executor, (seq, outcome) => {
      waiting.set(seq, outcome);
      const done = new Promise<void>((resolve) => written.set(seq, resolve));
      flushing = flushing.then(flushInOrder);
      return Promise.race([done, flushing.then(() => done)]);
    }, { signal: options.signal });
    if (options.signal?.aborted) throw new InterruptedError();
  } finally {
    options.output.off('error', onError);
    await executor.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
