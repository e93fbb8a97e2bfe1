import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareItems, ExternalSorter, type SortItem } from '../../src/pipeline/external-sort.js';

const item = (id: string, seq: number, sub = 0, extra = ''): SortItem => ({
  seq, sub,
  lines: { id, path: `${id}.txt`, sha256: 'a'.repeat(64), status: 'no_inspection', article: JSON.stringify({ id, extra }), inspections: extra ? [JSON.stringify({ article: id, n: 1 }), JSON.stringify({ article: id, n: 2 })] : [] },
});

async function drain(sorter: ExternalSorter): Promise<SortItem[]> {
  const out: SortItem[] = [];
  for await (const i of sorter.sorted()) out.push(i);
  await sorter.cleanup();
  return out;
}

describe('ExternalSorter', () => {
  it('orders by id (UTF-16 code units), then input order', async () => {
    const sorter = new ExternalSorter();
    for (const i of [item('b', 0), item('a/b', 1), item('a-c', 2), item('b', 3), item('Z', 4), item('é', 5)]) await sorter.add(i);
    expect((await drain(sorter)).map((i) => `${i.lines.id}@${i.seq}`)).toEqual(['Z@4', 'a-c@2', 'a/b@1', 'b@0', 'b@3', 'é@5']);
  });

  it('gives the same order and bytes when it spills to many runs (property)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.string({ maxLength: 30 })), { maxLength: 150 }),
      fc.integer({ min: 1, max: 2000 }),
      async (entries, budget) => {
        const items = entries.map(([id, extra], seq) => item(id, seq, 0, extra));
        // Completion order is not input order: add them shuffled (deterministically).
        const shuffled = items.map((i, k) => [((k * 7919) % 101) + k / 1000, i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
        const sorter = new ExternalSorter(budget);
        for (const i of shuffled) await sorter.add(i);
        const got = await drain(sorter);
        expect(got).toEqual([...items].sort(compareItems));
      },
    ), { numRuns: Number(process.env.FUZZ_RUNS ?? 40) });
  });

  it('merges more runs than it opens at once', async () => {
    const sorter = new ExternalSorter(1); // one item per run: 300 runs, merged in groups
    const items = Array.from({ length: 300 }, (_, k) => item(`id-${(k * 37) % 300}`, k, 0, 'x'));
    for (const i of items) await sorter.add(i);
    expect(sorter.spilled).toBeGreaterThan(128);
    expect(await drain(sorter)).toEqual([...items].sort(compareItems));
  });
});
