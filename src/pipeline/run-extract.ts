// The batch: list inputs → process each file (bounded concurrency) → settle duplicate
// ids in input order → write both JSONL files sorted, atomically.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import { listInputs } from '../load/list-inputs.js';
import type { InputFile } from '../load/types.js';
import { errorResult, type ArticleResult } from '../record/build-records.js';
import { compareArticles, compareInspections, toJsonLine } from '../dataset/serialise.js';
import { commitAll, discardAll, openAtomic } from '../dataset/write-atomic.js';
import { processFile, type ProcessOptions } from './process-file.js';

export interface ExtractRunOptions extends ProcessOptions {
  inputs: string[];
  outDir: string;
  concurrency: number;
  logger: Logger;
  /** Called after each file with (files done, files listed so far). */
  onProgress?: (done: number, listed: number) => void;
}

export interface RunSummary {
  articles: number;
  ok: number;
  no_inspection: number;
  errors: number;
  seconds: number;
}

/** The second article with a taken id becomes an error naming the first (RECORDS.md). */
export function settleDuplicateIds(resultsInInputOrder: ArticleResult[]): ArticleResult[] {
  const firstPath = new Map<string, string>();
  return resultsInInputOrder.map((result) => {
    const { id, path, sha256 } = result.article;
    const taken = firstPath.get(id);
    if (taken === undefined) {
      firstPath.set(id, path);
      return result;
    }
    return errorResult({ id, path, sha256, error: `the id "${id}" is already taken by ${taken}` });
  });
}

export async function runExtract(options: ExtractRunOptions): Promise<RunSummary> {
  const started = process.hrtime.bigint();
  const limit = pLimit(options.concurrency);
  const files: InputFile[] = [];
  const pending: Array<Promise<ArticleResult[]>> = [];
  let done = 0;
  for await (const file of listInputs(options.inputs)) {
    files.push(file);
    pending.push(limit(async () => {
      const results = await processFile(file, options);
      options.onProgress?.(++done, files.length);
      return results;
    }));
  }
  const results = settleDuplicateIds((await Promise.all(pending)).flat());

  const summary: RunSummary = { articles: results.length, ok: 0, no_inspection: 0, errors: 0, seconds: 0 };
  for (const { article } of results) {
    if (article.status === 'ok') summary.ok++;
    else if (article.status === 'no_inspection') summary.no_inspection++;
    else {
      summary.errors++;
      options.logger.error({ article: article.id, path: article.path }, article.error ?? 'error');
    }
  }
  await writeDataset(options.outDir, results);
  summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return summary;
}

export async function writeDataset(outDir: string, results: ArticleResult[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const articles = results.map((r) => r.article).sort(compareArticles);
  const inspections = results.flatMap((r) => r.inspections).sort(compareInspections);
  const files = [await openAtomic(join(outDir, 'articles.jsonl')), await openAtomic(join(outDir, 'inspections.jsonl'))];
  try {
    for (const a of articles) await files[0]!.write(toJsonLine(a));
    for (const i of inspections) await files[1]!.write(toJsonLine(i));
    for (const f of files) await f.close();
    await commitAll(files);
  } catch (error) {
    await discardAll(files);
    throw error;
  }
}
