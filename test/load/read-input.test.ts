import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readInput, type ReadResult } from '../../src/load/read-input.js';
import type { InputFile, RawArticle } from '../../src/load/types.js';

const file = (relPath: string): InputFile => {
  const dot = relPath.lastIndexOf('.');
  return { absPath: `/in/${relPath}`, relPath, baseId: relPath.slice(0, dot), ext: relPath.slice(dot + 1) };
};
const utf8 = (s: string) => new TextEncoder().encode(s);
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const options = { maxBytes: 1000 };
const raw = (r: ReadResult | undefined): RawArticle => {
  if (!r || 'error' in r) throw new Error(`expected an article, got ${JSON.stringify(r)}`);
  return r;
};

describe('readInput: one-article files', () => {
  it('reads a .txt file with the file id, path and the sha256 of its bytes', () => {
    const bytes = utf8('Headline\n\nBody sentence here.');
    const [a] = readInput(file('dir/a.txt'), bytes, options);
    expect(raw(a)).toMatchObject({ id: 'dir/a', path: 'dir/a.txt', sha256: sha(bytes), format: 'text', content: 'Headline\n\nBody sentence here.', warnings: [] });
  });
  it('reads .html as html and .md as text with front-matter metadata', () => {
    expect(raw(readInput(file('p.htm'), utf8('<p>Hi there</p>'), options)[0]).format).toBe('html');
    const md = raw(readInput(file('m.md'), utf8('---\ntitle: A title\ndate: 3 March 2020\n---\n# A title\n\nBody with **bold** and [a link](http://x).'), options)[0]);
    expect(md.meta).toMatchObject({ title: 'A title', published: '2020-03-03' });
    expect(md.content).toBe('A title\n\nBody with bold and a link.');
  });
  it('fails an over-size, empty, binary or unknown-type file with a reason', () => {
    const big = readInput(file('big.txt'), new Uint8Array(1001).fill(0x41), options)[0]!;
    expect(big).toMatchObject({ id: 'big', error: expect.stringContaining('1000-byte limit') });
    expect(readInput(file('e.txt'), new Uint8Array(), options)[0]).toMatchObject({ error: 'the file is empty' });
    expect(readInput(file('b.txt'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), options)[0]).toMatchObject({ error: expect.stringContaining('binary') });
    expect(readInput(file('x.pdf'), utf8('%PDF'), options)[0]).toMatchObject({ error: expect.stringContaining('.pdf') });
  });
  it('warns about a lossy decode', () => {
    const a = raw(readInput(file('l.txt'), Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xff]), options)[0]);
    expect(a.warnings).toEqual([{ text: expect.stringContaining('U+FFFD'), span: null, rule: 'load.lossy_decode' }]);
  });
});

describe('readInput: JSON', () => {
  it('uses the object id, else the file id', () => {
    expect(readInput(file('one.json'), utf8('{"id":"x1","text":"Body."}'), options)[0]!.id).toBe('x1');
    expect(readInput(file('one.json'), utf8('{"text":"Body."}'), options)[0]!.id).toBe('one');
  });
  it('normalises published to YYYY-MM-DD, or null with a warning', () => {
    expect(raw(readInput(file('a.json'), utf8('{"text":"B.","published":"2021-05-04T23:30:00-07:00"}'), options)[0]).meta.published).toBe('2021-05-04');
    const bad = raw(readInput(file('a.json'), utf8('{"text":"B.","published":"last Tuesday"}'), options)[0]);
    expect(bad.meta.published).toBeNull();
    expect(bad.warnings.map((w) => w.rule)).toEqual(['load.unparseable_published']);
  });
  it('takes html when there is no text', () => {
    expect(raw(readInput(file('a.json'), utf8('{"html":"<p>Hi</p>","title":"T"}'), options)[0])).toMatchObject({ format: 'html', content: '<p>Hi</p>', meta: { title: 'T' } });
  });
  it('fails wrong types and missing content with a clear reason', () => {
    expect(readInput(file('a.json'), utf8('{"id":"n","text":42}'), options)[0]).toMatchObject({ id: 'n', error: 'the JSON article: field "text" is a number, not a string' });
    expect(readInput(file('a.json'), utf8('{"title":"T"}'), options)[0]).toMatchObject({ error: expect.stringContaining('neither a "text" nor an "html"') });
    expect(readInput(file('a.json'), utf8('[1,2]'), options)[0]).toMatchObject({ error: expect.stringContaining('an array') });
    expect(readInput(file('a.json'), utf8('{"text": '), options)[0]).toMatchObject({ error: expect.stringContaining('not valid JSON') });
    expect(readInput(file('a.json'), utf8('{"text":"B.","title":7}'), options)[0]).toMatchObject({ error: expect.stringContaining('"title" is a number') });
  });
});

describe('readInput: JSONL', () => {
  const lines = ['{"id":"a","text":"First."}', '{"text":"Second."}', '', '{"text": oops}', '{"id":"e","html":5}'];
  const bytes = utf8(`${lines.join('\r\n')}\n`);
  const results = readInput(file('feed/day.jsonl'), bytes, options);

  it('gives one result per non-blank line, ids and paths with line numbers', () => {
    expect(results.map((r) => [r.id, r.path])).toEqual([
      ['a', 'feed/day.jsonl#1'], ['feed/day#2', 'feed/day.jsonl#2'], ['feed/day#4', 'feed/day.jsonl#4'], ['e', 'feed/day.jsonl#5'],
    ]);
  });
  it('hashes each line\'s own bytes, without its line ending', () => {
    expect(results.map((r) => r.sha256)).toEqual([lines[0], lines[1], lines[3], lines[4]].map((l) => sha(l!)));
  });
  it('fails only the broken lines', () => {
    expect(results.map((r) => ('error' in r ? 'error' : 'ok'))).toEqual(['ok', 'ok', 'error', 'error']);
    expect(results[2]).toMatchObject({ error: expect.stringContaining('line 4 is not valid JSON') });
    expect(results[3]).toMatchObject({ error: 'line 5: field "html" is a number, not a string' });
  });
  it('reads a UTF-16 JSONL file, hashing each line in its own encoding', () => {
    const text = '{"id":"u","text":"Caf\u00e9."}\n{"id":"v","text":"Two."}';
    const b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = readInput(file('w.jsonl'), b, options);
    expect(r.map((x) => x.id)).toEqual(['u', 'v']);
    expect(raw(r[0]).content).toBe('Café.');
    expect(r[1]!.sha256).toBe(sha(Buffer.from('{"id":"v","text":"Two."}', 'utf16le')));
  });
  it('fails a JSONL file with no lines as a whole', () => {
    expect(readInput(file('z.jsonl'), utf8('\n\n x\n'.replace('x', '')), options)).toMatchObject([{ id: 'z', error: expect.any(String) }]);
  });
});
