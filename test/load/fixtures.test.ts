// Table-driven: every fixture in fixtures/load/ through readInput + cleanArticle, against
// fixtures/load/cases.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput, type ReadResult } from '../../src/load/read-input.js';
import { cleanArticle } from '../../src/load/clean-article.js';
import type { CleanArticle, InputFile } from '../../src/load/types.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'load');
const read = (name: string) => readFileSync(join(dir, name));

interface Expectation {
  file?: string;
  id?: string;
  path?: string;
  expected?: string;
  text?: string;
  html?: boolean;
  contains?: string[];
  absent?: string[];
  title?: string;
  section?: string;
  published?: string | null;
  url?: string;
  removed?: string[];
  error?: string;
  warning?: string;
  lines?: Expectation[];
}
const { cases } = JSON.parse(read('cases.json').toString('utf8')) as { cases: Expectation[] };

function inputFile(name: string): InputFile {
  const dot = name.lastIndexOf('.');
  return { absPath: join(dir, name), relPath: name, baseId: name.slice(0, dot), ext: name.slice(dot + 1) };
}

function check(result: ReadResult, want: Expectation): void {
  if (want.id) expect(result.id).toBe(want.id);
  if (want.path) expect(result.path).toBe(want.path);
  if (want.error !== undefined) {
    expect('error' in result ? result.error : '(read fine)').toContain(want.error);
    return;
  }
  if ('error' in result) throw new Error(`unexpected failure: ${result.error}`);
  const clean: CleanArticle = cleanArticle(result);
  const expectedText = want.expected ? read(want.expected).toString('utf8').trimEnd() : want.text;
  if (want.html) {
    // HTML main-text extraction belongs to another module: check what the text cleaner owes.
    for (const p of expectedText?.split('\n\n') ?? want.contains ?? []) expect(clean.text).toContain(p);
    for (const p of want.contains ?? []) expect(clean.text).toContain(p);
    expect(clean.text.startsWith(want.title ?? '')).toBe(true);
  } else if (expectedText !== undefined) {
    expect(clean.text).toBe(expectedText);
  }
  for (const s of want.absent ?? []) expect(clean.text).not.toContain(s);
  if (want.title !== undefined) expect(clean.title).toBe(want.title);
  if (want.section !== undefined) expect(clean.section).toBe(want.section);
  if (want.published !== undefined) expect(clean.published).toBe(want.published);
  if (want.url !== undefined) expect(clean.url).toBe(want.url);
  if (want.warning) expect(clean.warnings.map((w) => w.rule)).toContain(want.warning);
  const kinds = clean.removed.map((r) => r.kind);
  if (want.removed && want.html) expect(kinds).toEqual(expect.arrayContaining(want.removed));
  else if (want.removed) expect(kinds).toEqual(want.removed);
  // The contract's text rules hold for every fixture.
  expect(clean.text).not.toMatch(/\r|\u00a0|\n{3,}| {2,}|^\s|\s$/);
}

describe('loader fixtures', () => {
  it('has at least 14 fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(14));
  for (const c of cases) {
    it(c.file!, () => {
      const results = readInput(inputFile(c.file!), read(c.file!), { maxBytes: 5 * 1024 * 1024 });
      if (c.lines) {
        expect(results).toHaveLength(c.lines.length);
        c.lines.forEach((line, i) => check(results[i]!, line));
      } else {
        expect(results).toHaveLength(1);
        check(results[0]!, c);
      }
    });
  }
});
