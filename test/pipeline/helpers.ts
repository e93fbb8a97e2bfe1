// Shared by the pipeline, fuzz and CLI tests: temp folders of articles, in-process runs,
// and output checks against the zod schemas. Reads only the repository.
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { createLogger } from '../../src/cli/logger.js';
import { runExtract, type ExtractRunOptions, type RunSummary } from '../../src/pipeline/run-extract.js';
import { ArticleRecord, InspectionRecord } from '../../src/record/schema.js';
import { isStored, type ArticleLines, type UnitOutcome } from '../../src/pipeline/types.js';

export const REPO = join(import.meta.dirname, '../..');
export const SEEDS = join(REPO, 'seeds');
export const silent = createLogger('silent', false);

export const GOOD_ARTICLE = [
  'Leeds children\'s services rated outstanding by Ofsted',
  'Children\'s services at Leeds City Council have been rated "outstanding" by Ofsted following an inspection in March.',
  'Inspectors found that social workers know their children well and the report praised "strong and stable leadership".',
  'Councillor Jane Smith, executive member for children, said: "We are delighted that inspectors have recognised the hard work of our staff."',
].join('\n\n');

/** The articles of an outcome computed without a cache: their lines, not places in a pack. */
export function freshArticles(outcome: UnitOutcome): ArticleLines[] {
  return outcome.articles.map((a) => {
    if (isStored(a)) throw new Error(`${a.id} came from a cache`);
    return a;
  });
}

/** A new temp folder holding `files` (relative path → text or bytes). */
export async function folderWith(files: Record<string, string | Uint8Array>, prefix = 'ofsted-in-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), content);
  }
  return dir;
}

export const tempDir = (prefix = 'ofsted-out-') => mkdtemp(join(tmpdir(), prefix));

export interface Output {
  summary: RunSummary;
  articles: string;
  inspections: string;
  outDir: string;
}

/** Runs extract in process (no workers) into a new folder and reads both files back. */
export async function extract(inputs: string[], options: Partial<ExtractRunOptions> = {}): Promise<Output> {
  const outDir = options.outDir ?? await tempDir();
  const summary = await runExtract({ inputs, outDir, maxBytes: 5 << 20, logger: silent, inProcess: true, cacheDir: null, ...options });
  return readOutput(outDir, summary);
}

export async function readOutput(outDir: string, summary = {} as RunSummary): Promise<Output> {
  return {
    summary,
    articles: await readFile(join(outDir, 'articles.jsonl'), 'utf8'),
    inspections: await readFile(join(outDir, 'inspections.jsonl'), 'utf8'),
    outDir,
  };
}

export const lines = (text: string) => text.split('\n').filter(Boolean);
export const parse = <T = Record<string, unknown>>(text: string) => lines(text).map((l) => JSON.parse(l) as T);

/** Both files follow RECORDS.md's general rules and the zod schemas. */
export function expectValidDataset({ articles, inspections }: { articles: string; inspections: string }) {
  for (const text of [articles, inspections]) {
    if (text !== '') expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/\r|\n\n/);
  }
  const a = lines(articles).map((l) => ArticleRecord.parse(JSON.parse(l)));
  const i = lines(inspections).map((l) => InspectionRecord.parse(JSON.parse(l)));
  const ids = a.map((r) => r.id);
  expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  const keys = i.map((r) => [r.article, r.council.name]);
  expect(keys).toEqual([...keys].sort((x, y) => (x[0]! < y[0]! ? -1 : x[0]! > y[0]! ? 1 : x[1]! < y[1]! ? -1 : x[1]! > y[1]! ? 1 : 0)));
  for (const r of i) expect(ids).toContain(r.article);
  return { articles: a, inspections: i };
}
