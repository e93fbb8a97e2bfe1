// `ofsted-news report <out-dir> --html <file>`: one self-contained HTML page to review a dataset.
import { basename, resolve } from 'node:path';
import { DatasetError, loadDatasetFolder } from '../../dataset/load-dataset.js';
import { renderReport } from '../../dataset/render-report.js';
import { writeFileAtomic } from '../../dataset/write-atomic.js';
import { EXIT, ExitError, usageError } from '../exit-error.js';
import type { CommandContext } from '../command.js';

export interface ReportOptions {
  dataset: string;
  html: string;
}

export function parseReportOptions(positionals: string[], values: Record<string, string | boolean | undefined>): ReportOptions {
  if (positionals.length !== 1) throw usageError('report needs one dataset folder (the --out folder of extract)');
  if (typeof values.html !== 'string' || values.html === '') throw usageError('report needs --html <file>');
  return { dataset: positionals[0]!, html: values.html };
}

export async function reportCommand(options: ReportOptions, _context: CommandContext): Promise<number> {
  let html: string;
  try {
    const dataset = await loadDatasetFolder(options.dataset);
    // The folder's name only: no absolute path in the page (RECORDS.md: no absolute paths).
    html = renderReport(dataset, { title: basename(resolve(options.dataset)) });
  } catch (error) {
    if (error instanceof DatasetError) throw new ExitError(EXIT.usage, error.message);
    throw error;
  }
  try {
    await writeFileAtomic(options.html, html);
  } catch (error) {
    throw new ExitError(EXIT.usage, `cannot write ${options.html}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return EXIT.ok;
}
