// `ofsted-news diff` on datasets made by the pipeline's stages from the repository's seeds.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/load/clean-article.js';
import { readInput } from '../../src/load/read-input.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { buildRecords, errorResult } from '../../src/record/build-records.js';
import type { Dataset } from '../../src/dataset/load-dataset.js';
import { cli, writeDatasetFolder } from './make-records.js';

const SEEDS = join(import.meta.dirname, '../../seeds');
const seedFiles = async () => (await readdir(SEEDS)).sort().map((name) => ({ path: join(SEEDS, name), relPath: name }));

/**
 * The pipeline's stages (read → clean → extract → records) run on article files in the
 * order given, their records concatenated in that order: a dataset as the real pipeline
 * makes it, without its batch machinery.
 */
export async function extractFiles(files: Array<{ path: string; relPath: string }>): Promise<Dataset> {
  const dataset: Dataset = { articles: [], inspections: [] };
  for (const { path, relPath } of files) {
    const ext = relPath.slice(relPath.lastIndexOf('.') + 1);
    const file = { absPath: path, relPath, baseId: relPath.slice(0, relPath.length - ext.length - 1), ext };
    for (const input of readInput(file, await readFile(path), { maxBytes: 5 << 20 })) {
      const result = 'error' in input ? errorResult(input)
        : (() => { const clean = cleanArticle(input); return buildRecords(input, clean, extractArticle(clean.text, { published: clean.published })); })();
      dataset.articles.push(result.article);
      dataset.inspections.push(...result.inspections);
    }
  }
  return dataset;
}

describe('ofsted-news diff on datasets made by the pipeline from the seeds', () => {
  it('finds no change when the input files come in another order', async () => {
    const files = await seedFiles();
    const forward = await writeDatasetFolder(await extractFiles(files), undefined, false);
    const reverse = await writeDatasetFolder(await extractFiles([...files].reverse()), undefined, false);
    expect((await readFile(join(forward, 'articles.jsonl'), 'utf8')).split('\n')[0])
      .not.toBe((await readFile(join(reverse, 'articles.jsonl'), 'utf8')).split('\n')[0]);
    const result = await cli(['diff', forward, reverse]);
    expect(result.stdout).toContain('no changes');
    expect(result.code).toBe(0);
  });

  it('reports an added article and its inspections', async () => {
    const files = await seedFiles();
    const before = await writeDatasetFolder(await extractFiles(files));
    const after = await writeDatasetFolder(await extractFiles([...files, { path: files[0]!.path, relPath: 'zzz_copy.txt' }]));
    const result = await cli(['diff', before, after, '--format', 'json']);
    expect(result.code).toBe(1);
    const diff = JSON.parse(result.stdout);
    expect(diff.articles.added.map((a: { id: string }) => a.id)).toEqual(['zzz_copy']);
    expect(diff.counts.inspections_added).toBeGreaterThan(0);
    expect(diff.inspections.added.every((i: { article: string }) => i.article === 'zzz_copy')).toBe(true);
    expect(diff.counts).toMatchObject({ articles_removed: 0, articles_changed: 0, inspections_removed: 0, inspections_changed: 0 });
  });
});
