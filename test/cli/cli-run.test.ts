// The compiled CLI end to end, with real worker threads: exit codes, determinism across
// concurrency, the per-article time budget, signals, and the stdin → stdout stream.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StreamRecord } from '../../src/record/schema.js';
import { expectValidDataset, extract, folderWith, GOOD_ARTICLE, lines, parse, readOutput, SEEDS, tempDir } from '../pipeline/helpers.js';
import { buildCli, runBuilt } from './build.js';

beforeAll(async () => {
  await buildCli();
}, 120_000);

const jsonl = (...objects: unknown[]) => objects.map((o) => (typeof o === 'string' ? o : JSON.stringify(o))).join('\n');

async function mixedCorpus() {
  return folderWith({
    'good.txt': GOOD_ARTICLE,
    'other/good.md': `---\ntitle: Hull\n---\n${GOOD_ARTICLE.replace(/Leeds/g, 'Hull')}`,
    'page.html': `<html><head><title>Kent</title></head><body><article><p>${GOOD_ARTICLE.replace(/Leeds/g, 'Kent').replace(/\n\n/g, '</p><p>')}</p></article></body></html>`,
    'bad.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
    'lines.jsonl': jsonl({ id: 'j-york', text: GOOD_ARTICLE.replace(/Leeds/g, 'York') }, '{not json', { id: 'j-note', text: 'A short note.' }),
  });
}

describe('ofsted-news extract (built, with workers)', () => {
  it('exits 1 for a folder with bad files and still writes the others', async () => {
    const dir = await mixedCorpus();
    const out = await tempDir();
    const result = await runBuilt(['extract', dir, '--out', out, '--no-cache']);
    expect(result.code).toBe(1);
    const data = expectValidDataset(await readOutput(out));
    expect(data.articles.map((a) => [a.id, a.status])).toEqual([
      ['bad', 'error'], ['good', 'ok'], ['j-note', 'no_inspection'], ['j-york', 'ok'], ['lines#2', 'error'], ['other/good', 'ok'], ['page', 'ok'],
    ]);
    expect(result.stderr).toContain('"msg":"extract finished"');
  }, 60_000);

  it('exits 2 for an input that does not exist, writing nothing', async () => {
    const out = await tempDir();
    const result = await runBuilt(['extract', join(out, 'missing'), '--out', out, '--no-cache']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no such file or folder/);
    expect(await readdir(out)).toEqual([]);
  }, 60_000);

  it('writes byte-identical output with --concurrency 1 and 8 (and in process)', async () => {
    const dir = await mixedCorpus();
    const runs = [];
    for (const j of ['1', '8']) {
      const out = await tempDir();
      await runBuilt(['extract', dir, SEEDS, '--out', out, '-j', j, '--no-cache']);
      runs.push(await readOutput(out));
    }
    expect(runs[1]!.articles).toBe(runs[0]!.articles);
    expect(runs[1]!.inspections).toBe(runs[0]!.inspections);
    const inProcess = await extract([dir, SEEDS]);
    expect(inProcess.articles).toBe(runs[0]!.articles);
    expect(inProcess.inspections).toBe(runs[0]!.inspections);
  }, 60_000);

  it('turns an article over the time budget into an error line and goes on', async () => {
    const dir = await mixedCorpus();
    await writeFile(join(dir, 'stall.txt'), GOOD_ARTICLE);
    const out = await tempDir();
    const alone = await tempDir();
    const started = Date.now();
    const result = await runBuilt(['extract', dir, '--out', out, '--no-cache', '--time-budget-ms', '2000'], { env: { OFSTED_NEWS_TEST_STALL: 'stall.txt' } });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.code).toBe(1);
    const got = parse<{ id: string; status: string; error: string | null }>((await readOutput(out)).articles);
    expect(got.find((a) => a.id === 'stall')).toMatchObject({ status: 'error', error: 'processing took longer than the 2000 ms budget (--time-budget-ms).' });
    // Every other article exactly as in a run without it.
    await runBuilt(['extract', dir, '--out', alone, '--no-cache', '--time-budget-ms', '2000']);
    const without = (text: string) => lines(text).filter((l) => !l.includes('"id":"stall"')).join('\n');
    expect(without((await readOutput(out)).articles)).toBe(without((await readOutput(alone)).articles));
  }, 60_000);

  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('on %s leaves the previous output intact and exits %i', async (signal, code) => {
    const dir = await mixedCorpus();
    await writeFile(join(dir, 'stall.txt'), GOOD_ARTICLE);
    const out = await tempDir();
    await writeFile(join(out, 'articles.jsonl'), 'previous articles\n');
    await writeFile(join(out, 'inspections.jsonl'), 'previous inspections\n');
    const result = await runBuilt(['extract', dir, '--out', out, '--no-cache'], {
      env: { OFSTED_NEWS_TEST_STALL: 'stall.txt' },
      onStart: (child) => setTimeout(() => child.kill(signal), 1500),
    });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(`interrupted by ${signal}`);
    expect((await readdir(out)).sort()).toEqual(['articles.jsonl', 'inspections.jsonl']);
    expect(await readFile(join(out, 'articles.jsonl'), 'utf8')).toBe('previous articles\n');
    expect(await readFile(join(out, 'inspections.jsonl'), 'utf8')).toBe('previous inspections\n');
  }, 60_000);

  it('streams JSONL from stdin to stdout in input order, logs on stderr', async () => {
    const input = jsonl({ id: 'b', text: GOOD_ARTICLE }, '{oops', { id: 'a', text: 'Short note.' }, { id: 'b', text: 'Taken id.' });
    const result = await runBuilt(['extract', '-'], { input });
    expect(result.code).toBe(1);
    const records = lines(result.stdout).map((l) => StreamRecord.parse(JSON.parse(l)));
    expect(records.map((r) => [r.article.id, r.article.status])).toEqual([['b', 'ok'], ['stdin#2', 'error'], ['a', 'no_inspection'], ['b', 'error']]);
    expect(result.stderr).toContain('"msg":"extract finished"');
    expect(result.stdout).not.toContain('"level"');
  }, 60_000);
});
