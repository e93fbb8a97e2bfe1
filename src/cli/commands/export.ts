// `ofsted-news export --csv <out-dir> [--out file.csv]`: the inspections as CSV.
import { DatasetError, loadDatasetFolder } from '../../dataset/load-dataset.js';
import { inspectionsToCsv } from '../../dataset/export-csv.js';
import { writeFileAtomic } from '../../dataset/write-atomic.js';
import { EXIT, ExitError, usageError } from '../exit-error.js';
import type { CommandContext } from '../command.js';

export interface ExportOptions {
  format: 'csv';
  dataset: string;
  /** A file to write; standard output when absent. */
  out: string | null;
}

export function parseExportOptions(positionals: string[], values: Record<string, string | boolean | undefined>): ExportOptions {
  if (values.csv !== true) throw usageError('export needs a format: --csv');
  if (positionals.length !== 1) throw usageError('export needs one dataset folder (the --out folder of extract)');
  const out = typeof values.out === 'string' && values.out !== '' && values.out !== '-' ? values.out : null;
  return { format: 'csv', dataset: positionals[0]!, out };
}

export async function exportCommand(options: ExportOptions, context: CommandContext): Promise<number> {
  let csv: string;
  try {
    csv = inspectionsToCsv((await loadDatasetFolder(options.dataset)).inspections);
  } catch (error) {
    if (error instanceof DatasetError) throw new ExitError(EXIT.usage, error.message);
    throw error;
  }
  if (options.out === null) {
    context.stdout.write(csv);
    return EXIT.ok;
  }
  try {
    await writeFileAtomic(options.out, csv);
  } catch (error) {
    throw new ExitError(EXIT.usage, `cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return EXIT.ok;
}
