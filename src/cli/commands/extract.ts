// `ofsted-news extract <file-or-folder>... --out <dir>`, and `ofsted-news extract -`
// (JSONL on standard input → one JSON line per article on standard output).
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { join } from 'node:path';
import { InputError } from '../../load/list-inputs.js';
import { InterruptedError } from '../../pipeline/dispatch.js';
import { packageRoot } from '../../pipeline/program-version.js';
import { DEFAULT_BUDGET_MS, runExtract, type RunSummary } from '../../pipeline/run-extract.js';
import { runStream } from '../../pipeline/run-stream.js';
import { EXIT, ExitError, usageError } from '../exit-error.js';
import { createLogger, LOG_LEVELS } from '../logger.js';
import { createProgress } from '../progress.js';
import type { CommandContext } from '../command.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** The result cache lives outside the output folder, where build tools keep theirs. */
export const defaultCacheDir = () => join(packageRoot(), 'node_modules', '.cache', 'ofsted-news');

export interface ExtractOptions {
  /** Files and folders; or ['-'] for the standard-input stream. */
  inputs: string[];
  /** Output folder; null in stream mode. */
  out: string | null;
  concurrency: number;
  maxBytes: number;
  timeBudgetMs: number;
  /** Null: no cache. */
  cacheDir: string | null;
  force: boolean;
  logLevel: string;
  quiet: boolean;
}

const positiveInt = (name: string, raw: string | undefined, fallback: number) => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw usageError(`--${name} must be a positive whole number, not "${raw}"`);
  return n;
};

export function parseExtractOptions(positionals: string[], values: Record<string, string | boolean | undefined>): ExtractOptions {
  if (positionals.length === 0) throw usageError('extract needs at least one file or folder (or - for standard input)');
  const stream = positionals.includes('-');
  if (stream && positionals.length > 1) throw usageError('- (standard input) cannot be combined with files or folders');
  if (stream && values.out !== undefined) throw usageError('extract - writes to standard output and takes no --out');
  if (!stream && (typeof values.out !== 'string' || values.out === '')) throw usageError('extract needs --out <dir>');
  if (values['no-cache'] === true && values['cache-dir'] !== undefined) throw usageError('--no-cache and --cache-dir cannot be used together');
  if (typeof values['cache-dir'] === 'string' && values['cache-dir'] === '') throw usageError('--cache-dir needs a folder');
  const quiet = values.quiet === true;
  const logLevel = quiet ? 'error' : typeof values['log-level'] === 'string' ? values['log-level'] : 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw usageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    inputs: positionals,
    out: stream ? null : (values.out as string),
    concurrency: positiveInt('concurrency', values.concurrency as string | undefined, availableParallelism()),
    maxBytes: positiveInt('max-bytes', values['max-bytes'] as string | undefined, DEFAULT_MAX_BYTES),
    timeBudgetMs: positiveInt('time-budget-ms', values['time-budget-ms'] as string | undefined, DEFAULT_BUDGET_MS),
    cacheDir: stream || values['no-cache'] === true ? null : typeof values['cache-dir'] === 'string' ? values['cache-dir'] : defaultCacheDir(),
    force: values.force === true,
    logLevel,
    quiet,
  };
}

/** Exit codes for a run stopped by a signal: 128 + the signal's number, as shells report. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Turns SIGINT/SIGTERM into an orderly stop: the run aborts, removes its temp files and
 * leaves the previous output as it was. A second signal kills the process as usual.
 */
function onSignals(controller: AbortController) {
  let received: keyof typeof SIGNAL_EXIT | null = null;
  const handlers = (Object.keys(SIGNAL_EXIT) as Array<keyof typeof SIGNAL_EXIT>).map((name) => {
    const handler = () => {
      received ??= name;
      controller.abort();
      for (const [n, h] of handlers) process.off(n, h);
    };
    process.once(name, handler);
    return [name, handler] as const;
  });
  return {
    get received() {
      return received;
    },
    dispose() {
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}

export async function extractCommand(options: ExtractOptions, context: CommandContext): Promise<number> {
  // Memory over speed for V8: with it, peak RSS at 100,000 articles fell from ~300 MB to
  // ~200 MB for ~5 % more CPU. And regular expressions compiled to machine code on first
  // use, not to bytecode first and to machine code again on the second: a fresh worker's
  // first article took 240 ms, now 90 ms, which is most of what one changed article
  // costs an incremental run; full runs are as fast. Set before the worker threads start,
  // so they get it too. (OFSTED_NEWS_V8_FLAGS='' turns it off, or sets other flags, for
  // measurements.)
  const v8Flags = process.env.OFSTED_NEWS_V8_FLAGS ?? '--optimize-for-size --max-semi-space-size=2 --no-regexp-tier-up';
  if (v8Flags.trim()) setFlagsFromString(v8Flags);
  const logger = createLogger(options.logLevel, context.stderrIsTTY);
  const stream = options.out === null;
  const progress = createProgress(context.stderrIsTTY && !options.quiet && !stream);
  const controller = new AbortController();
  const signals = onSignals(controller);
  try {
    let summary: RunSummary;
    if (stream) {
      summary = await runStream({
        input: process.stdin, output: context.stdout, maxBytes: options.maxBytes,
        concurrency: options.concurrency, budgetMs: options.timeBudgetMs, logger, signal: controller.signal,
      });
    } else {
      summary = await runExtract({
        inputs: options.inputs, outDir: options.out!, concurrency: options.concurrency, maxBytes: options.maxBytes,
        budgetMs: options.timeBudgetMs, cacheDir: options.cacheDir, force: options.force,
        logger, signal: controller.signal, onProgress: progress.update,
      });
    }
    progress.stop();
    // Peak memory and CPU time of the whole process (all threads), for benchmarks; logs
    // are not output, so this does not touch determinism.
    const usage = process.resourceUsage();
    const peakRssMb = Math.round(usage.maxRSS / 1024);
    const cpuSeconds = Number(((usage.userCPUTime + usage.systemCPUTime) / 1e6).toFixed(2));
    logger.info({ ...summary, seconds: Number(summary.seconds.toFixed(3)), cpuSeconds, peakRssMb, out: options.out ?? 'stdout' }, 'extract finished');
    return summary.errors > 0 ? EXIT.someErrors : EXIT.ok;
  } catch (error) {
    progress.stop();
    if (error instanceof InterruptedError || signals.received) {
      const name = signals.received ?? 'SIGINT';
      const left = stream ? 'output stopped' : 'the previous output files were left as they were';
      throw new ExitError(SIGNAL_EXIT[name], `interrupted by ${name}; ${left}`);
    }
    if (error instanceof InputError) throw usageError(error.message);
    throw new ExitError(EXIT.usage, `extract failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    signals.dispose();
  }
}
