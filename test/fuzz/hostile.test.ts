// Hostile inputs in process (no workers, so no time budget): valid output, no crash, and
// the other articles of the run unchanged. See hostile-inputs.ts for the cases.
import { describe, expect, it } from 'vitest';
import { processUnit } from '../../src/pipeline/process-unit.js';
import type { UnitSettings } from '../../src/pipeline/types.js';
import { expectValidDataset, extract, folderWith, GOOD_ARTICLE, lines, parse } from '../pipeline/helpers.js';
import { HOSTILE } from './hostile-inputs.js';

/**
 * How much slower than ordinary article text of the same length a small hostile instance
 * may be. Measured against text timed in the same process, so a busy machine slows both;
 * the super-linear cases are 15–100× slower at these sizes.
 */
const SLOWER_AT_MOST = 5;
const FULL = process.env.FUZZ_FULL === '1';
/** Each hostile case's size in `npm test`: big enough to show a quadratic, small enough to be quick. */
const SMALL_BYTES = 300_000;
const settings: UnitSettings = { maxBytes: 5 << 20, cacheDir: null, cacheGeneration: null, programVersion: 'fuzz', force: false };

describe('hostile inputs, in process', () => {
  it('give valid output and leave every other article as it is when run alone', async () => {
    // `npm test` cuts each case to SMALL_BYTES (still pathological, a few seconds in all);
    // `npm run fuzz` (FUZZ_FULL=1) runs them at full size.
    const safe = HOSTILE.filter((c) => !c.superLinear).map((c) => (FULL ? c : { ...c, content: c.content.slice(0, SMALL_BYTES) }));
    const dir = await folderWith({ 'good.txt': GOOD_ARTICLE, ...Object.fromEntries(safe.map((c) => [`hostile/${c.name}`, c.content])) });
    const alone = await extract([await folderWith({ 'good.txt': GOOD_ARTICLE })]);
    const out = await extract([dir]);
    const { articles } = expectValidDataset(out);
    expect(lines(out.articles).filter((l) => l.includes('"id":"good"'))).toEqual(lines(alone.articles));
    expect(lines(out.inspections).filter((l) => l.includes('"article":"good"'))).toEqual(lines(alone.inspections));
    for (const c of safe) expect(articles.some((a) => a.path.startsWith(`hostile/${c.name}`)), c.name).toBe(true);
    // The JSONL with one broken line keeps its good lines.
    expect(parse(out.articles).filter((a) => String(a.path).startsWith('hostile/mixed.jsonl')).map((a) => [a.id, a.status]))
      .toEqual([['hostile/mixed#2', 'error'], ['hostile/mixed#5', 'error'], ['j1', 'ok'], ['j2', 'ok'], ['j3', 'error']]);
  }, 120_000);

  it('a file that vanishes mid-run is an error line; the rest are written', async () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, k) => [`a${k}.txt`, GOOD_ARTICLE]));
    const dir = await folderWith(files);
    const { unlink } = await import('node:fs/promises');
    const out = await extract([dir], { onProgress: (done) => { if (done === 1) void unlink(`${dir}/a5.txt`); } });
    expectValidDataset(out);
    expect(parse(out.articles).map((a) => [a.id, a.status, a.error])).toEqual([
      ...[0, 1, 2, 3, 4].map((k) => [`a${k}`, 'ok', null]),
      ['a5', 'error', 'could not read the file: the file no longer exists.'],
    ]);
  });

  for (const c of HOSTILE.filter((h) => h.superLinear)) {
    // Still super-linear in code owned by others (reported): at full size it would run
    // for minutes on this thread. hostile-cli.test.ts runs it in full under the budget.
    it.skip(`${c.name} at full size (super-linear: ${c.superLinear!.where})`, () => {});
    // Fails (as expected) while the super-linear code is there; passes, and so turns red
    // as `it.fails`, once it is fixed: then drop the superLinear mark in hostile-inputs.ts.
    it.fails(`${c.name}: a small instance takes at most ${SLOWER_AT_MOST}× as long as ordinary text`, async () => {
      const small = Buffer.from(c.superLinear!.small);
      const ordinary = Buffer.from(GOOD_ARTICLE.repeat(Math.ceil(small.length / GOOD_ARTICLE.length))).subarray(0, small.length);
      const dir = await folderWith({ [c.name]: small, 'ordinary.txt': ordinary });
      const unit = (name: string) => ({ kind: 'file' as const, file: { absPath: `${dir}/${name}`, relPath: name, baseId: name.replace(/\.\w+$/, ''), ext: name.split('.').pop()! } });
      const time = async (name: string) => {
        const started = performance.now();
        await processUnit(unit(name), settings);
        return performance.now() - started;
      };
      await time('ordinary.txt'); // warm up
      const ordinaryMs = Math.min(await time('ordinary.txt'), await time('ordinary.txt'));
      const hostileMs = await time(c.name);
      expect(hostileMs).toBeLessThanOrEqual(SLOWER_AT_MOST * ordinaryMs + 20);
    }, 30_000);
  }
});
