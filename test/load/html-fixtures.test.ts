// Hand-made article pages (fixtures/html/NAME.html) and the main text we expect from
// each (NAME.expected.txt: paragraphs separated by a blank line).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/load/html/extract-html.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'html');
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html')).sort();

describe('HTML fixtures', () => {
  it('has at least eight pages, each with its expected text', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  it.each(pages)('%s', (page) => {
    const html = readFileSync(join(DIR, page), 'utf8');
    const expected = readFileSync(join(DIR, page.replace(/\.html$/, '.expected.txt')), 'utf8').trim();
    const got = extractHtml(html);
    expect(got.paragraphs.join('\n\n')).toBe(expected);
    for (const p of got.paragraphs) {
      expect(p).toBe(p.trim());
      expect(p).not.toMatch(/<\/?[a-z][^>]*>|&[a-z]+;|\n/);
    }
    for (const r of got.removed) expect(r.text.length).toBeLessThanOrEqual(300);
  });
});
