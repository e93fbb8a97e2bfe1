// A dataset (articles.jsonl + inspections.jsonl) read back from an output folder or from
// a git revision, every line validated with the zod schemas, so that diff, report and
// export only ever see well-formed records.
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { z } from 'zod';
import { ArticleRecord, InspectionRecord } from '../record/schema.js';

const run = promisify(execFile);

export interface Dataset {
  articles: ArticleRecord[];
  inspections: InspectionRecord[];
}

export const DATASET_FILES = { articles: 'articles.jsonl', inspections: 'inspections.jsonl' } as const;

/** A dataset that cannot be read or is not valid: the CLI maps it to exit code 2. */
export class DatasetError extends Error {}

/** Problems reported before giving up on a file: enough to see the pattern. */
const MAX_PROBLEMS = 5;

/** JSONL text → records, each line checked against `schema`; `label` names the file in errors. */
export function parseJsonl<T extends z.ZodType>(text: string, schema: T, label: string): Array<z.infer<T>> {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const records: Array<z.infer<T>> = [];
  const problems: string[] = [];
  lines.forEach((line, index) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const where = `${label} line ${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      problems.push(`${where}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) records.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      problems.push(`${where}: ${issue?.path.join('.') || '(record)'}: ${issue?.message ?? 'invalid'}`);
    }
  });
  if (problems.length > 0) throw new DatasetError(problems.join('; '));
  return records;
}

/** Both files' text → a validated dataset with unique ids. */
export function parseDataset(articlesText: string, inspectionsText: string, source: string): Dataset {
  const dataset = {
    articles: parseJsonl(articlesText, ArticleRecord, `${source}/${DATASET_FILES.articles}`),
    inspections: parseJsonl(inspectionsText, InspectionRecord, `${source}/${DATASET_FILES.inspections}`),
  };
  for (const [file, records] of [[DATASET_FILES.articles, dataset.articles], [DATASET_FILES.inspections, dataset.inspections]] as const) {
    const seen = new Set<string>();
    for (const { id } of records) {
      if (seen.has(id)) throw new DatasetError(`${source}/${file}: the id "${id}" appears twice`);
      seen.add(id);
    }
  }
  return dataset;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reads `<dir>/articles.jsonl` and `<dir>/inspections.jsonl`. */
export async function loadDatasetFolder(dir: string): Promise<Dataset> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new DatasetError(`no such dataset folder: ${dir}`);
  const read = (file: string) => readFile(join(dir, file), 'utf8').catch((error: unknown) => {
    throw new DatasetError(`cannot read ${join(dir, file)}: ${describe(error)}`);
  });
  const [articles, inspections] = await Promise.all([read(DATASET_FILES.articles), read(DATASET_FILES.inspections)]);
  return parseDataset(articles, inspections, dir);
}

export interface RevisionDataset {
  dataset: Dataset;
  /** False when the folder does not exist at that revision (the dataset is then empty). */
  found: boolean;
}

/** Room for `git show` of a large dataset (the default 1 MB would cut it off). */
const GIT_MAX_BUFFER = 1 << 30;

async function git(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: GIT_MAX_BUFFER, encoding: 'utf8' });
  return stdout;
}

/**
 * Reads the dataset folder `dir` (relative to `cwd`, as git's `<rev>:./path` is) at git
 * revision `rev`. A revision where the folder does not exist yet (the pull request that
 * first commits it) gives an empty dataset with `found: false`; a revision git does not
 * know, or a folder with only one of the two files, is a DatasetError.
 */
export async function loadDatasetAtRevision(rev: string, dir: string, cwd = process.cwd()): Promise<RevisionDataset> {
  if (rev.startsWith('-')) throw new DatasetError(`not a git revision: ${rev}`);
  try {
    await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], cwd);
  } catch (error) {
    throw new DatasetError(`not a git revision here: ${rev}${/not a git repository/i.test(describe(error)) ? ' (not inside a git repository)' : ''}`);
  }
  const prefix = `./${dir.replace(/^\.\/+/, '').replace(/\/+$/, '')}`;
  const exists = async (file: string) => git(['cat-file', '-e', `${rev}:${prefix}/${file}`], cwd).then(() => true, () => false);
  const [hasArticles, hasInspections] = await Promise.all([exists(DATASET_FILES.articles), exists(DATASET_FILES.inspections)]);
  if (!hasArticles && !hasInspections) return { dataset: { articles: [], inspections: [] }, found: false };
  if (!hasArticles || !hasInspections) {
    throw new DatasetError(`${rev}:${prefix} has ${hasArticles ? DATASET_FILES.articles : DATASET_FILES.inspections} but not the other file`);
  }
  const show = (file: string) => git(['show', `${rev}:${prefix}/${file}`], cwd).catch((error: unknown) => {
    throw new DatasetError(`git show ${rev}:${prefix}/${file} failed: ${describe(error)}`);
  });
  const [articles, inspections] = await Promise.all([show(DATASET_FILES.articles), show(DATASET_FILES.inspections)]);
  return { dataset: parseDataset(articles, inspections, `${rev}:${prefix}`), found: true };
}
