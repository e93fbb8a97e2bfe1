import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteLines, isBlankLine, lineUnits, type ByteLine } from '../../src/pipeline/list-units.js';
import type { InputFile } from '../../src/load/types.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function* chunks(bytes: Uint8Array, cuts: number[]) {
  let start = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    yield Buffer.from(bytes.subarray(start, cut));
    start = cut;
  }
  yield Buffer.from(bytes.subarray(start));
}

async function collect(source: AsyncIterable<Buffer>, max = Number.POSITIVE_INFINITY): Promise<ByteLine[]> {
  const out: ByteLine[] = [];
  for await (const line of byteLines(source, max)) out.push(line);
  return out;
}

/** What the loader's splitLines does: split on \n, drop one \r before it, drop a leading BOM. */
function reference(bytes: Uint8Array): Buffer[] {
  let b = Buffer.from(bytes);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= b.length; i++) {
    if (i < b.length && b[i] !== 0x0a) continue;
    let end = i;
    if (end > start && b[end - 1] === 0x0d) end--;
    out.push(b.subarray(start, end));
    start = i + 1;
  }
  return out;
}

describe('byteLines', () => {
  it('splits on LF and CRLF, strips a BOM, counts every line', async () => {
    const text = Buffer.from('\uFEFFa\r\nb\n\nc');
    const got = await collect(chunks(text, [2, 3, 4]));
    expect(got.map((l) => [l.number, l.bytes?.toString()])).toEqual([[1, 'a'], [2, 'b'], [3, ''], [4, 'c']]);
  });

  it('gives no line for an empty stream', async () => {
    expect(await collect(chunks(new Uint8Array(), []))).toEqual([]);
  });

  it('matches the loader\'s line splitting whatever the chunking (property)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.constantFrom(0x0a, 0x0d, 0x41, 0xef, 0xbb, 0xbf, 0x20, 0xc3), { maxLength: 60 }),
      fc.array(fc.nat(60), { maxLength: 8 }),
      async (bytes, cuts) => {
        const input = Uint8Array.from(bytes);
        const got = await collect(chunks(input, cuts));
        const want = reference(input);
        expect(got.map((l) => l.bytes?.toString('hex'))).toEqual(input.length === 0 ? [] : want.map((b) => b.toString('hex')));
      },
    ), { numRuns: Number(process.env.FUZZ_RUNS ?? 200) });
  });

  it('never holds a line over the limit, but reports its exact length and sha256 (property)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.constantFrom(0x0a, 0x0d, 0x41, 0x42), { maxLength: 80 }),
      fc.array(fc.nat(80), { maxLength: 8 }),
      fc.integer({ min: 0, max: 10 }),
      async (bytes, cuts, max) => {
        const input = Uint8Array.from(bytes);
        const got = await collect(chunks(input, cuts), max);
        const want = input.length === 0 ? [] : reference(input);
        expect(got.length).toBe(want.length);
        got.forEach((line, i) => {
          const w = want[i]!;
          if (w.length > max) expect(line).toEqual({ number: i + 1, over: { length: w.length, sha256: sha(w) } });
          else expect(line.bytes?.equals(w)).toBe(true);
        });
      },
    ), { numRuns: Number(process.env.FUZZ_RUNS ?? 200) });
  });
});

describe('lineUnits', () => {
  const file: InputFile = { absPath: '/x/a.jsonl', relPath: 'a.jsonl', baseId: 'a', ext: 'jsonl' };
  it('skips blank lines, keeps numbering, and fails lines over the limit without reading them', async () => {
    const units = [];
    for await (const u of lineUnits(file, chunks(Buffer.from('{"text":"x"}\n  \r\n\u00a0\n' + 'y'.repeat(50) + '\n{}'), []), 20)) units.push(u);
    expect(units.map((u) => u.kind)).toEqual(['line', 'failed', 'line']);
    expect(units[0]).toMatchObject({ kind: 'line', number: 1 });
    expect(units[1]).toMatchObject({ kind: 'failed', failed: { id: 'a#4', path: 'a.jsonl#4', error: 'line 4 is 50 bytes, over the 20-byte limit (--max-bytes)' } });
    expect(units[2]).toMatchObject({ kind: 'line', number: 5 });
  });
  it('treats ASCII and short Unicode whitespace as blank', () => {
    expect(isBlankLine(Buffer.from(' \t\r'))).toBe(true);
    expect(isBlankLine(Buffer.from('\u00a0\u3000'))).toBe(true);
    expect(isBlankLine(Buffer.from(' x '))).toBe(false);
  });
});
