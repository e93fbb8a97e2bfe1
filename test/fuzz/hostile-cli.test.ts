// Hostile inputs through the built CLI, with worker threads and the time budget: the
// super-linear cases (hostile-inputs.ts) must become budget errors, not hangs, and every
// other article must come out as when run alone. `npm test` runs the super-linear cases
// and a few others; `npm run fuzz` (FUZZ_FULL=1) runs them all.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runBuilt } from '../cli/build.js';
import { expectValidDataset, folderWith, GOOD_ARTICLE, lines, parse, readOutput, tempDir } from '../pipeline/helpers.js';
import { HOSTILE } from './hostile-inputs.js';

const FULL = process.env.FUZZ_FULL === '1';
const BUDGET_MS = 1500;

beforeAll(async () => {
  await buildCli();
}, 120_000);

describe('hostile inputs through the CLI (workers, time budget)', () => {
  it(`${FULL ? 'all cases' : 'the super-linear cases'}: no hang, valid output, the other articles untouched`, async () => {
    const cases = FULL ? HOSTILE : HOSTILE.filter((c) => c.superLinear || ['nested-20000.html', 'mixed.jsonl', 'utf16.jsonl'].includes(c.name));
    const dir = await folderWith({ 'good.txt': GOOD_ARTICLE, ...Object.fromEntries(cases.map((c) => [`hostile/${c.name}`, c.content])) });
    const out = await tempDir();
    const started = Date.now();
    const result = await runBuilt(['extract', dir, '--out', out, '--no-cache', '--time-budget-ms', String(BUDGET_MS)]);
    const seconds = (Date.now() - started) / 1000;
    expect(result.code, result.stderr.slice(-2000)).toBe(1);
    const data = await readOutput(out);
    expectValidDataset(data);
    const articles = parse<{ id: string; path: string; status: string; error: string | null }>(data.articles);
    for (const c of cases.filter((h) => h.superLinear)) {
      expect(articles.find((a) => a.path === `hostile/${c.name}`), c.name).toMatchObject({ status: 'error', error: `processing took longer than the ${BUDGET_MS} ms budget (--time-budget-ms).` });
    }
    const alone = await tempDir();
    await runBuilt(['extract', await folderWith({ 'good.txt': GOOD_ARTICLE }), '--out', alone, '--no-cache']);
    const good = await readOutput(alone);
    expect(lines(data.articles).filter((l) => l.includes('"id":"good"'))).toEqual(lines(good.articles));
    expect(lines(data.inspections).filter((l) => l.includes('"article":"good"'))).toEqual(lines(good.inspections));
    // Bounded: every budget-stopped case costs at most the budget plus a worker restart.
    expect(seconds).toBeLessThan(60);
  }, 180_000);
});
