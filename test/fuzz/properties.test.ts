// Property tests: whatever the bytes, one unit never throws, never writes an invalid
// record, and gives the same lines twice. Bounded for `npm test`; `npm run fuzz` raises
// FUZZ_RUNS.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processUnit } from '../../src/pipeline/process-unit.js';
import type { UnitOutcome, UnitSettings } from '../../src/pipeline/types.js';
import { ArticleRecord, InspectionRecord } from '../../src/record/schema.js';
import { extract, folderWith, freshArticles, tempDir } from '../pipeline/helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const settings: UnitSettings = { maxBytes: 1 << 20, cacheDir: null, cacheGeneration: null, programVersion: 'fuzz', force: false };
const EXTENSIONS = ['txt', 'md', 'html', 'json', 'jsonl'] as const;

function expectValid(outcome: UnitOutcome) {
  for (const a of freshArticles(outcome)) {
    const article = ArticleRecord.parse(JSON.parse(a.article));
    expect([a.id, a.path, a.sha256, a.status, a.error ?? null]).toEqual([article.id, article.path, article.sha256, article.status, article.error]);
    for (const line of a.inspections) expect(InspectionRecord.parse(JSON.parse(line)).article).toBe(article.id);
    for (const w of [...article.warnings, ...article.tallies]) if (w.span) expect(w.span[1]).toBeLessThanOrEqual(article.text.length);
  }
}

let dir: string | undefined;
let counter = 0;
async function run(ext: string, bytes: Uint8Array): Promise<UnitOutcome> {
  dir ??= await tempDir('ofsted-fuzz-');
  const name = `f${counter++}.${ext}`;
  await writeFile(join(dir, name), bytes);
  const file = { absPath: join(dir, name), relPath: name, baseId: name.slice(0, -ext.length - 1), ext };
  const first = await processUnit({ kind: 'file', file }, settings);
  expectValid(first);
  expect(await processUnit({ kind: 'file', file }, settings)).toEqual(first); // deterministic
  return first;
}

/** Pieces that have caught regexes before: spaces, quotes, brackets, grade words, names. */
const TOKENS = [
  ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\u00a0', '"', '“', '”', '‘', '’', "'", '(', ')', '[', ']', '<', '>', '<p>', '</p>', '<div>',
  '.', '...', '!', '?', ':', ';', ',', '-', '–', '—', '£4m', '152', '2016', 'Leeds', 'Kingston upon Hull', 'Hull', 'Bristol', 'the council',
  'Ofsted', 'inspectors', 'rated', 'judged', 'good', 'outstanding', 'inadequate', 'requires improvement', 'requires improvement to be good',
  'said', 'said:', 'Councillor', 'director of children\'s services', 'monitoring visit', 'focused visit', 'children in care', 'care leavers',
  'Register Now to Continue Reading', 'More like this', 'Picture: PA', '\u0000', '\ufffd', '\u2028', '#', '*', '---', '&amp;', '&#',
];
const hostileText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 400 }).map((t) => t.join(''));

describe('any input, one unit (properties)', () => {
  it('random bytes under every extension', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...EXTENSIONS), fc.uint8Array({ maxLength: 3000 }), async (ext, bytes) => {
      await run(ext, bytes);
    }), { numRuns: RUNS });
  }, 60_000);

  it('text made of tokens that regexes care about', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom('txt', 'md', 'html'), hostileText, async (ext, text) => {
      await run(ext, Buffer.from(text));
    }), { numRuns: RUNS * 2 });
  }, 60_000);

  it('JSON and JSONL with wrong types, missing fields and broken lines', async () => {
    const field = fc.oneof(fc.string(), hostileText, fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
    const article = fc.record({ id: field, text: field, html: field, title: field, published: field, url: field, section: field }, { requiredKeys: [] });
    const line = fc.oneof(article.map((a) => JSON.stringify(a)), fc.string({ maxLength: 40 }), fc.jsonValue().map((v) => JSON.stringify(v)));
    await fc.assert(fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 6 }), async (lines) => {
      const outcome = await run('jsonl', Buffer.from(lines.join('\n')));
      const nonBlank = lines.filter((l) => l.trim() !== '').length;
      expect(outcome.articles.length).toBe(Math.max(nonBlank, 1));
      await run('json', Buffer.from(lines[0]!));
    }), { numRuns: RUNS });
  }, 60_000);

  it('a UTF-8 JSONL file streamed line by line gives what the loader gives reading it whole', async () => {
    const line = fc.oneof(
      fc.record({ id: fc.string({ maxLength: 5 }), text: hostileText }, { requiredKeys: ['text'] }).map((a) => JSON.stringify(a)),
      fc.constantFrom('', ' ', '{broken', '[]', '{"text": 5}', '\u00a0'),
    );
    await fc.assert(fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'), async (lines, eol) => {
      // Two lines with one id: a batch turns the second into a duplicate-id error, which
      // one unit read whole cannot know (run-extract tests cover duplicates).
      const ids = lines.map((l) => { try { return (JSON.parse(l) as { id?: unknown }).id; } catch { return undefined; } }).filter((id) => id !== undefined);
      fc.pre(new Set(ids).size === ids.length);
      const text = lines.join(eol);
      const whole = await run('jsonl', Buffer.from(text));
      const streamed = await extract([await folderWith({ [`f${counter - 1}.jsonl`]: text })]);
      expect(streamed.articles.split('\n').filter(Boolean).sort()).toEqual(freshArticles(whole).map((a) => a.article).sort());
    }), { numRuns: RUNS });
  }, 60_000);
});
