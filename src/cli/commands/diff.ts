// `ofsted-news diff <old> <new>` / `ofsted-news diff --base <git-rev> [--new <dir>]`:
// the record-level changes between two datasets. Exit codes as diff(1): 0 no change,
// 1 changes, 2 trouble.
import { DatasetError, loadDatasetAtRevision, loadDatasetFolder, type Dataset } from '../../dataset/load-dataset.js';
import { diffDatasets, hasChanges } from '../../dataset/diff-records.js';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from '../../dataset/format-diff.js';
import { EXIT, ExitError, usageError } from '../exit-error.js';
import type { CommandContext } from '../command.js';

export const DIFF_EXIT = { same: 0, changed: 1, trouble: EXIT.usage } as const;

/** The dataset folder, in the working tree and at a revision, when --base is used. */
export const DEFAULT_DATASET_DIR = 'output';

export type DiffOptions =
  | { mode: 'folders'; old: string; new: string; format: DiffFormat }
  | { mode: 'revision'; base: string; dir: string; new: string; format: DiffFormat };

export function parseDiffOptions(positionals: string[], values: Record<string, string | boolean | undefined>): DiffOptions {
  const format = (values.format ?? 'text') as string;
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw usageError(`--format must be one of ${DIFF_FORMATS.join(', ')}, not "${format}"`);
  const base = values.base;
  if (typeof base === 'string') {
    if (base === '') throw usageError('--base needs a git revision');
    if (positionals.length > 0) throw usageError('diff --base takes no folders; give the new dataset with --new <dir>');
    const dir = typeof values.dir === 'string' && values.dir !== '' ? values.dir : DEFAULT_DATASET_DIR;
    const next = typeof values.new === 'string' && values.new !== '' ? values.new : dir;
    return { mode: 'revision', base, dir, new: next, format: format as DiffFormat };
  }
  if (values.new !== undefined || values.dir !== undefined) throw usageError('--new and --dir go with --base <git-rev>');
  if (positionals.length !== 2) throw usageError('diff needs two dataset folders, <old> <new>, or --base <git-rev>');
  return { mode: 'folders', old: positionals[0]!, new: positionals[1]!, format: format as DiffFormat };
}

export async function diffCommand(options: DiffOptions, context: CommandContext): Promise<number> {
  let before: Dataset;
  let after: Dataset;
  const notes: string[] = [];
  try {
    if (options.mode === 'revision') {
      const [base, now] = await Promise.all([loadDatasetAtRevision(options.base, options.dir), loadDatasetFolder(options.new)]);
      if (!base.found) notes.push(`${options.base} has no ${options.dir}/ dataset: every record counts as added.`);
      before = base.dataset;
      after = now;
    } else {
      [before, after] = await Promise.all([loadDatasetFolder(options.old), loadDatasetFolder(options.new)]);
    }
  } catch (error) {
    if (error instanceof DatasetError) throw new ExitError(DIFF_EXIT.trouble, error.message);
    throw error;
  }
  const diff = diffDatasets(before, after, notes);
  context.stdout.write(formatDiff(diff, options.format));
  return hasChanges(diff) ? DIFF_EXIT.changed : DIFF_EXIT.same;
}
