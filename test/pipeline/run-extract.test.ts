import { readdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PACKS } from '../../src/dataset/cache.js';
import { InterruptedError } from '../../src/pipeline/dispatch.js';
import { processUnit } from '../../src/pipeline/process-unit.js';
import { runExtract } from '../../src/pipeline/run-extract.js';
import { expectValidDataset, extract, folderWith, freshArticles, GOOD_ARTICLE, parse, readOutput, SEEDS, silent, tempDir } from './helpers.js';

const jsonl = (...objects: unknown[]) => objects.map((o) => (typeof o === 'string' ? o : JSON.stringify(o))).join('\n');

describe('runExtract (in process)', () => {
  it('writes a valid, sorted dataset from the seeds', async () => {
    const out = await extract([SEEDS]);
    const { articles } = expectValidDataset(out);
    expect(articles.length).toBe((await readdir(SEEDS)).length);
    expect(out.summary).toMatchObject({ articles: articles.length, errors: 0 });
  });

  it('sorts by id, not by the folder walk: a/b sorts after a-c', async () => {
    const dir = await folderWith({ 'a/b.txt': GOOD_ARTICLE, 'a-c.txt': GOOD_ARTICLE, 'x.md': GOOD_ARTICLE });
    const out = await extract([dir]);
    expect(parse(out.articles).map((a) => a.id)).toEqual(['a-c', 'a/b', 'x']);
    expectValidDataset(out);
  });

  it('writes the same bytes whether results fit in memory or spill to sorted runs', async () => {
    const ids = Array.from({ length: 30 }, (_, k) => `id-${(k * 13) % 30}`);
    const dir = await folderWith({ 'many.jsonl': jsonl(...ids.map((id, k) => ({ id, text: k % 3 ? GOOD_ARTICLE : 'A short note about nothing.' }))) });
    const inMemory = await extract([dir]);
    const spilled = await extract([dir], { sortBudget: 1 });
    expect(spilled.articles).toBe(inMemory.articles);
    expect(spilled.inspections).toBe(inMemory.inspections);
    expectValidDataset(spilled);
  });

  it('keeps the first article with an id (in input order) and makes later ones errors naming it', async () => {
    const one = await folderWith({ 'x.txt': GOOD_ARTICLE });
    const two = await folderWith({ 'x.txt': 'Another article entirely.', 'lines.jsonl': jsonl({ id: 'x', text: 'Third.' }, { id: 'y', text: 'Fine.' }, { id: 'y', text: 'Again.' }) });
    for (const sortBudget of [undefined, 1]) {
      const out = await extract([one, two], { sortBudget });
      const articles = parse<{ id: string; path: string; status: string; error: string | null }>(out.articles);
      expect(articles.map((a) => [a.id, a.path, a.status, a.error])).toEqual([
        ['x', 'x.txt', 'ok', null],
        ['x', 'lines.jsonl#1', 'error', 'the id "x" is already taken by x.txt.'],
        ['x', 'x.txt', 'error', 'the id "x" is already taken by x.txt.'],
        ['y', 'lines.jsonl#2', 'no_inspection', null],
        ['y', 'lines.jsonl#3', 'error', 'the id "y" is already taken by lines.jsonl#2.'],
      ]);
      expect(parse(out.inspections).every((i) => i.article === 'x')).toBe(true);
      expect(out.summary.errors).toBe(3);
    }
  });

  it('gives files with the same name in different folders their own ids', async () => {
    const dir = await folderWith({ 'one/a.txt': GOOD_ARTICLE, 'two/a.txt': GOOD_ARTICLE });
    const out = await extract([dir]);
    expect(parse(out.articles).map((a) => [a.id, a.status])).toEqual([['one/a', 'ok'], ['two/a', 'ok']]);
  });

  it('survives a symlink loop', async () => {
    const dir = await folderWith({ 'sub/a.txt': GOOD_ARTICLE });
    await symlink(dir, join(dir, 'sub', 'loop'));
    const out = await extract([dir]);
    expect(parse(out.articles).map((a) => a.id)).toEqual(['sub/a']);
  });

  it('reports a file that vanished before it was read, without its absolute path', async () => {
    const dir = await folderWith({ 'gone.txt': 'x' });
    await unlink(join(dir, 'gone.txt'));
    const outcome = await processUnit({ kind: 'file', file: { absPath: join(dir, 'gone.txt'), relPath: 'gone.txt', baseId: 'gone', ext: 'txt' } }, { maxBytes: 100, cacheDir: null, cacheGeneration: null, programVersion: 'test', force: false });
    const article = JSON.parse(freshArticles(outcome)[0]!.article) as { status: string; error: string };
    expect(article).toMatchObject({ status: 'error', error: 'could not read the file: the file no longer exists.' });
    expect(article.error).not.toContain(dir);
  });

  it('makes an over-size file or JSONL line an error and writes the rest', async () => {
    const dir = await folderWith({ 'big.txt': 'x'.repeat(2000), 'ok.txt': GOOD_ARTICLE, 'l.jsonl': jsonl({ id: 'small', text: 'Short.' }, { id: 'large', text: 'y'.repeat(3000) }) });
    const out = await extract([dir], { maxBytes: 1500 });
    expect(parse(out.articles).map((a) => [a.id, a.status, a.error])).toEqual([
      ['big', 'error', 'the file is larger than the 1500-byte limit (--max-bytes).'],
      ['l#2', 'error', 'line 2 is 3024 bytes, over the 1500-byte limit (--max-bytes).'],
      ['ok', 'ok', null],
      ['small', 'no_inspection', null],
    ]);
  });

  it('stops on abort, leaving the previous output and no temp files', async () => {
    const outDir = await tempDir();
    await writeFile(join(outDir, 'articles.jsonl'), 'previous articles\n');
    await writeFile(join(outDir, 'inspections.jsonl'), 'previous inspections\n');
    const controller = new AbortController();
    const run = runExtract({
      inputs: [SEEDS, SEEDS, SEEDS], outDir, maxBytes: 5 << 20, logger: silent, inProcess: true,
      signal: controller.signal, onProgress: (done) => { if (done === 1) controller.abort(); },
    });
    await expect(run).rejects.toBeInstanceOf(InterruptedError);
    expect(await readdir(outDir)).toEqual(['articles.jsonl', 'inspections.jsonl']);
    expect(await readFile(join(outDir, 'articles.jsonl'), 'utf8')).toBe('previous articles\n');
  });
});

describe('incremental runs (result cache)', () => {
  async function corpus() {
    return folderWith({
      'a.txt': GOOD_ARTICLE,
      'b.txt': GOOD_ARTICLE.replace(/Leeds/g, 'Hull'),
      'c.jsonl': jsonl({ id: 'c1', text: GOOD_ARTICLE.replace(/Leeds/g, 'York') }, '{broken', { id: 'c2', text: 'Nothing here.' }),
      'd.html': `<html><body><h1>Headline</h1><p>${GOOD_ARTICLE.replace(/\n\n/g, '</p><p>')}</p></body></html>`,
    });
  }

  it('reuses unchanged results, recomputes changed ones, and writes exactly what a full run writes', async () => {
    const dir = await corpus();
    const cacheDir = await tempDir('ofsted-cache-');
    const first = await extract([dir], { cacheDir });
    expect(first.summary.cached).toBe(0);
    const second = await extract([dir], { cacheDir });
    expect(second.summary.cached).toBe(second.summary.articles);
    expect(second.articles).toBe(first.articles);
    expect(second.inspections).toBe(first.inspections);

    await writeFile(join(dir, 'b.txt'), GOOD_ARTICLE.replace(/Leeds/g, 'Kent'));
    const third = await extract([dir], { cacheDir });
    const full = await extract([dir]);
    expect(third.summary.cached).toBe(third.summary.articles - 1);
    expect(third.articles).toBe(full.articles);
    expect(third.inspections).toBe(full.inspections);

    const forced = await extract([dir], { cacheDir, force: true });
    expect(forced.summary.cached).toBe(0);
    expect(forced.articles).toBe(full.articles);
  });

  it('never lets a deleted, stale or corrupt cache change the output', async () => {
    const dir = await corpus();
    const full = await extract([dir]);
    const cacheDir = await tempDir('ofsted-cache-');
    await extract([dir], { cacheDir });
    const generation = async () => {
      const [versionDir] = await readdir(cacheDir);
      const folder = join(cacheDir, versionDir!);
      const files = await readdir(folder);
      return { folder, pack: join(folder, files.find((f) => f.endsWith('.pack'))!), index: join(folder, files.find((f) => f.endsWith('.index'))!) };
    };
    let { folder, pack, index } = await generation();
    const damage: Array<[string, () => Promise<void>]> = [
      ['flipped bytes in the pack', async () => {
        const text = await readFile(pack, 'utf8');
        await writeFile(pack, text.replace(/Leeds/g, 'Leedz').replace(/"ok"/g, '"no_inspection"'));
      }],
      ['a truncated pack', async () => writeFile(pack, (await readFile(pack)).subarray(0, 500))],
      ['a garbled index', async () => writeFile(index, (await readFile(index, 'utf8')).replace(/ \d+ /g, ' 7 '))],
      ['an index of another generation', async () => writeFile(join(folder, 'current'), 'nonexistent\n')],
      ['a deleted cache', async () => rm(cacheDir, { recursive: true, force: true })],
    ];
    for (const [what, spoil] of damage) {
      await extract([dir], { cacheDir, force: true }); // a healthy cache again
      ({ folder, pack, index } = await generation());
      await spoil();
      const out = await extract([dir], { cacheDir });
      expect(out.articles, what).toBe(full.articles);
      expect(out.inspections, what).toBe(full.inspections);
    }
  });

  it('keeps unchanged results in older packs, compacts past MAX_PACKS, and stays exact', async () => {
    const dir = await corpus();
    const cacheDir = await tempDir('ofsted-cache-');
    await extract([dir], { cacheDir });
    for (let round = 0; round < MAX_PACKS + 3; round++) {
      await writeFile(join(dir, 'b.txt'), GOOD_ARTICLE.replace(/Leeds/g, ['Kent', 'Hull', 'York', 'Bury'][round % 4]!) + ` Round ${round}.`);
      const incremental = await extract([dir], { cacheDir });
      const full = await extract([dir]);
      expect(incremental.articles).toBe(full.articles);
      expect(incremental.inspections).toBe(full.inspections);
      expect(incremental.summary.cached).toBe(incremental.summary.articles - 1);
      const [versionDir] = await readdir(cacheDir);
      const files = await readdir(join(cacheDir, versionDir!));
      expect(files.filter((f) => f.endsWith('.index'))).toHaveLength(1);
      expect(files.filter((f) => f.endsWith('.pack')).length).toBeLessThanOrEqual(MAX_PACKS + 1);
    }
  });

  it('keeps the cache out of the output folder', async () => {
    const dir = await corpus();
    const cacheDir = await tempDir('ofsted-cache-');
    const out = await extract([dir], { cacheDir });
    expect((await readdir(out.outDir)).sort()).toEqual(['articles.jsonl', 'inspections.jsonl']);
    expect((await readOutput(out.outDir)).articles).toBe(out.articles);
  });
});
