import { createHash } from 'node:crypto';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectHighlights, escapeHtml, markText, renderReport, type Highlight, type HighlightType } from '../../src/dataset/render-report.js';
import { baseDataset, hostileDataset } from './make-records.js';

/** Each mark's [data-start, data-end) and text, in document order. */
function marksOf(html: string) {
  const $ = cheerio.load(html);
  return $('mark').toArray().map((m) => ({
    start: Number($(m).attr('data-start')), end: Number($(m).attr('data-end')),
    spanStart: Number($(m).attr('data-span-start')), spanEnd: Number($(m).attr('data-span-end')),
    type: $(m).attr('data-type'), text: $(m).text(),
  }));
}

const highlight = (start: number, end: number, type: HighlightType): Highlight => ({ start, end, type, rules: ['r'], notes: ['n'], anchor: `h${start}-${end}-${type}` });

describe('markText', () => {
  it('nests a span inside another and splits one that crosses another', () => {
    const text = 'The council was rated good. Leaders are strong. Staff are happy.';
    const html = markText(text, [highlight(0, 47, 'praise'), highlight(22, 26, 'grade'), highlight(28, 64, 'concern')]);
    expect(cheerio.load(html).root().text()).toBe(text);
    const marks = marksOf(html);
    for (const m of marks) expect(m.text).toBe(text.slice(m.start, m.end));
    // The concern [28,64) crosses the praise's end (47): two pieces, one inside the praise.
    expect(marks.filter((m) => m.type === 'concern').map((m) => [m.start, m.end])).toEqual([[28, 47], [47, 64]]);
    expect(html).toMatch(/<mark class="hl hl-praise"[^>]*>[^]*<mark class="hl hl-concern hl-part"[^>]*>Leaders are strong\.<\/mark><\/mark><mark class="hl hl-concern hl-part"/);
  });

  it('gives every span (however they overlap) marks whose text is exactly the span text', () => {
    const types = ['grade', 'praise', 'concern', 'response', 'tally', 'warning'] as const;
    fc.assert(fc.property(
      fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom('a', 'b', '<', '&', '"', '\n', ' ', 'é') }),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...types)), { maxLength: 8 }),
      (text, raw) => {
        const seen = new Set<string>();
        const highlights = raw.map(([a, b, type]) => {
          const s = a % text.length;
          const e = s + 1 + (b % (text.length - s));
          return highlight(s, e, type);
        }).filter((h) => !seen.has(`${h.start},${h.end},${h.type}`) && seen.add(`${h.start},${h.end},${h.type}`));
        const html = markText(text, highlights);
        expect(cheerio.load(html, null, false).root().text()).toBe(text);
        const marks = marksOf(html);
        for (const m of marks) expect(m.text).toBe(text.slice(m.start, m.end));
        for (const h of highlights) {
          const pieces = marks.filter((m) => m.type === h.type && m.spanStart === h.start && m.spanEnd === h.end).sort((x, y) => x.start - y.start);
          expect(pieces.map((p) => p.text).join('')).toBe(text.slice(h.start, h.end));
          expect(pieces[0]?.start).toBe(h.start);
          expect(pieces.at(-1)?.end).toBe(h.end);
        }
      },
    ), { numRuns: 300 });
  });
});

describe('collectHighlights', () => {
  it('merges values at the same span (one sentence praised for two councils) into one mark with every rule', () => {
    const { articles: [article], inspections: [record] } = baseDataset();
    const twin = structuredClone(record!);
    twin.council.name = 'Twin';
    twin.praise[0]!.rule = 'finding.other_cue';
    const { highlights, invalid } = collectHighlights(article!, [record!, twin], 'a1');
    expect(invalid).toEqual([]);
    const first = highlights.find((h) => h.type === 'praise' && h.start === record!.praise[0]!.span[0])!;
    expect(first.rules).toEqual(['finding.praise_cue', 'finding.other_cue']);
    expect(first.notes).toEqual(['North Somerset praise (inspectors)', 'Twin praise (inspectors)']);
  });

  it('reports, and does not mark, a span outside the text', () => {
    const { articles: [article], inspections: [record] } = baseDataset();
    const bad = structuredClone(record!);
    bad.overall!.span = [article!.text.length, article!.text.length + 5];
    expect(collectHighlights(article!, [bad], 'a1').invalid).toEqual([expect.stringContaining('is outside the text')]);
  });
});

describe('renderReport', () => {
  const html = renderReport(hostileDataset());

  it('escapes every string from the dataset', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html.match(/<script/g)).toHaveLength(1); // ours, at the end
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<iframe');
    expect(html).toContain('&lt;script&gt;alert(&quot;text&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('allows no request and only its own inline style and script', () => {
    const $ = cheerio.load(html);
    const csp = $('meta[http-equiv="Content-Security-Policy"]').attr('content')!;
    expect(csp).toContain("default-src 'none'");
    const script = $('script').html()!;
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect($('[src]').length).toBe(0);
    expect($('link').length).toBe(0);
    for (const a of $('a[href]').toArray()) expect($(a).attr('href')).toMatch(/^#/);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('shows a summary table of councils × grades and a chart', () => {
    const $ = cheerio.load(renderReport(baseDataset('inadequate')));
    expect($('table.grid tbody tr').first().find('th').text()).toBe('North Somerset');
    expect($('table.grid tbody tr').first().find('td').eq(3).text()).toBe('1'); // inadequate
    expect($('svg.chart rect')).toHaveLength(7);
  });

  it('is the same for the same dataset', () => {
    expect(renderReport(hostileDataset())).toBe(html);
  });
});
