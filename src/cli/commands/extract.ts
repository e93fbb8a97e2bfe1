// `ofsted-news extract <file-or-folder>... --out <dir>`
import { availableParallelism } from 'node:os';
import { InputError } from '../../load/list-inputs.js';
import { runExtract } from '../../pipeline/run-extract.js';
import { EXIT, ExitError, usageError } from '../exit-error.js';
import { createLogger, LOG_LEVELS } from '../logger.js';
import { createProgress } from '../progress.js';
import type { CommandContext } from '../command.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface ExtractOptions {
  inputs: string[];
  out: string;
  concurrency: number;
  maxBytes: number;
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
  if (positionals.length === 0) throw usageError('extract needs at least one file or folder');
  if (typeof values.out !== 'string' || values.out === '') throw usageError('extract needs --out <dir>');
  const quiet = values.quiet === true;
  const logLevel = quiet ? 'error' : typeof values['log-level'] === 'string' ? values['log-level'] : 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw usageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    inputs: positionals,
    out: values.out,
    concurrency: positiveInt('concurrency', values.concurrency as string | undefined, availableParallelism()),
    maxBytes: positiveInt('max-bytes', values['max-bytes'] as string | undefined, DEFAULT_MAX_BYTES),
    logLevel,
    quiet,
  };
}

export async function extractCommand(options: ExtractOptions, context: CommandContext): Promise<number> {
  const logger = createLogger(options.logLevel, context.stderrIsTTY);
  const progress = createProgress(context.stderrIsTTY && !options.quiet);
  try {
    const summary = await runExtract({
      inputs: options.inputs, outDir: options.out, concurrency: options.concurrency, maxBytes: options.maxBytes,
      logger, onProgress: progress.update,
    });
    progress.stop();
    logger.info({ ...summary, seconds: Number(summary.seconds.toFixed(3)), out: options.out }, 'extract finished');
    return summary.errors > 0 ? EXIT.someErrors : EXIT.ok;
  } catch (error) {
    progress.stop();
    if (error instanceof InputError) throw usageError(error.message);
    throw new ExitError(EXIT.usage, `extract failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
