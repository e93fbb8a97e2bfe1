import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEntry, encodeEntry, PackFiles } from '../../src/dataset/cache.js';
import type { ArticleLines } from '../../src/pipeline/types.js';

const lines = (id: string, inspections: string[], extra: Partial<ArticleLines> = {}): ArticleLines => ({
  id, path: `${id}.txt`, sha256: 'b'.repeat(64), status: inspections.length > 0 ? 'ok' : 'no_inspection',
  article: JSON.stringify({ id, text: 'Café “quoted” — £4m' }), inspections, ...extra,
});

/** Re-signs an entry's content, as a cache written by a buggy or hostile program would be. */
const resign = (content: string) => `${createHash('sha256').update(content).digest('hex')} ${content}`;

describe('cache pack entries', () => {
  const articles = [
    lines('a', [JSON.stringify({ n: 1 }), JSON.stringify({ n: 2, name: 'Hélène' })]),
    lines('a#2', []),
    lines('e', [], { status: 'error', error: 'the file is empty' }),
  ];

  it('give back each article\'s exact output bytes, at its place in the pack', () => {
    const entry = encodeEntry(articles);
    const pack = Buffer.concat([Buffer.from('x'.repeat(100)), Buffer.from(entry)]);
    const ref = { pack: 'p1', offset: 100, length: Buffer.byteLength(entry) };
    const stored = decodeEntry(pack.subarray(100), ref)!;
    expect(stored.map(({ stored: _, ...meta }) => meta)).toEqual(articles.map(({ article: _, inspections: __, ...meta }) => meta));
    for (const [k, s] of stored.entries()) {
      const bytes = pack.subarray(s.stored.offset, s.stored.offset + s.stored.articleBytes + s.stored.inspectionsBytes).toString('utf8');
      expect(bytes).toBe(`${articles[k]!.article}\n${articles[k]!.inspections.map((l) => `${l}\n`).join('')}`);
      expect(s.stored.pack).toBe('p1');
    }
  });

  it('hold a unit with no articles (a blank JSONL line)', () => {
    const entry = encodeEntry([]);
    expect(decodeEntry(Buffer.from(entry), { pack: 'p', offset: 0, length: Buffer.byteLength(entry) })).toEqual([]);
  });

  it('are refused when a byte changed, or when the meta does not fit the body even with a valid checksum', () => {
    const entry = encodeEntry(articles);
    const ref = { pack: 'p', offset: 0, length: Buffer.byteLength(entry) };
    const flipped = entry.replace('Hélène', 'Helene');
    expect(decodeEntry(Buffer.from(flipped), ref)).toBeUndefined();
    const content = entry.slice(65);
    const [meta, ...body] = content.split('\n');
    const lying = JSON.stringify(JSON.parse(meta!).map((m: { a: number }) => ({ ...m, a: m.a + 1 })));
    expect(decodeEntry(Buffer.from(resign([lying, ...body].join('\n'))), ref)).toBeUndefined();
    const badStatus = meta!.replace('"no_inspection"', '"maybe"');
    expect(decodeEntry(Buffer.from(resign([badStatus, ...body].join('\n'))), ref)).toBeUndefined();
    expect(decodeEntry(Buffer.from(resign(`${meta}\n${body.join('\n')}extra`)), ref)).toBeUndefined();
    expect(decodeEntry(Buffer.from(entry.slice(0, 60)), ref)).toBeUndefined();
  });
});

describe('PackFiles (the main thread\'s view of the packs)', () => {
  it('still reads a pack that another run deleted after this one opened it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ofsted-packs-'));
    const entry = encodeEntry([lines('a', [JSON.stringify({ n: 1 })])]);
    await writeFile(join(folder, 'gen-p1.pack'), entry);
    const packs = PackFiles.open(folder);
    const [stored] = decodeEntry(Buffer.from(entry), { pack: 'p1', offset: 0, length: Buffer.byteLength(entry) })!;
    await rm(folder, { recursive: true, force: true });
    const [article, inspections] = packs.readLines(stored!.stored);
    expect(article.toString()).toBe(`${lines('a', []).article}\n`);
    expect(inspections.toString()).toBe('{"n":1}\n');
    packs.close();
  });

  it('refuses, rather than guesses, when a pack it was never given is asked for or is too short', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ofsted-packs-'));
    await writeFile(join(folder, 'gen-p1.pack'), 'short');
    const packs = PackFiles.open(folder);
    expect(() => packs.readLines({ pack: 'p2', offset: 0, articleBytes: 3, inspectionsBytes: 0 })).toThrow(/cache changed during the run/);
    expect(() => packs.readLines({ pack: 'p1', offset: 2, articleBytes: 10, inspectionsBytes: 0 })).toThrow(/cache changed during the run/);
    packs.close();
    await rm(folder, { recursive: true, force: true });
  });
});
