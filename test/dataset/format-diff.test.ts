import { describe, expect, it } from 'vitest';
import { diffDatasets } from '../../src/dataset/diff-records.js';
import { escapeMarkdown, formatDiff, formatMarkdown, formatText, MARKDOWN_MAX_BYTES } from '../../src/dataset/format-diff.js';
import type { Dataset } from '../../src/dataset/load-dataset.js';
import { baseDataset, clone, makeArticle, makeInspection } from './make-records.js';

const gradeChange = () => diffDatasets(baseDataset('requires_improvement'), baseDataset('inadequate'));

/** Many added articles and many changed inspections: far more than 60 KB of Markdown. */
function hugeDiff() {
  const before: Dataset = { articles: [], inspections: [] };
  const after: Dataset = { articles: [], inspections: [] };
  for (let i = 0; i < 1500; i++) {
    const id = `a${String(i).padStart(4, '0')}`;
    const text = `Council ${i} rated good after a long inspection ${'with many words '.repeat(10)}\n\nIt was rated good and then inadequate.`;
    const article = makeArticle(id, text, ['Merton']);
    const old = makeInspection(article, 'Merton', 'E09000024', { overall: { grade: 'good', word: 'good' } });
    const now = makeInspection(article, 'Merton', 'E09000024', { overall: { grade: 'inadequate', word: 'inadequate' }, praise: ['It was rated good and then inadequate.'] });
    before.articles.push(article);
    before.inspections.push(old);
    after.articles.push(article);
    after.inspections.push(now);
    after.articles.push(makeArticle(`new${i}`, `A new article number ${i} ${'padding '.repeat(20)}`, []));
  }
  return diffDatasets(before, after);
}

describe('formatText', () => {
  it('names the council and the change', () => {
    const text = formatText(gradeChange());
    expect(text).toContain('inspections: 0 added, 0 removed, 1 changed');
    expect(text).toContain('  ~ 001_north-somerset/north-somerset  North Somerset\n      overall: requires_improvement → inadequate');
  });

  it('says "no changes" when there are none', () => {
    expect(formatText(diffDatasets(baseDataset(), baseDataset()))).toMatch(/\nno changes\n$/);
  });
});

describe('formatMarkdown', () => {
  it('puts the summary tables first and the lists in <details>', () => {
    const md = formatMarkdown(gradeChange());
    const table = md.indexOf('| records | added | removed | changed |');
    expect(table).toBeGreaterThan(0);
    expect(table).toBeLessThan(md.indexOf('<details'));
    expect(md).toContain('| inspections | 0 | 0 | 1 |');
    expect(md).toContain('**North Somerset** overall: requires\\_improvement → inadequate');
    expect(md.match(/<details/g)?.length).toBe(md.match(/<\/details>/g)?.length);
  });

  it('stays under 60 KB with a huge diff, and says it was trimmed', () => {
    const diff = hugeDiff();
    expect(formatText(diff).length).toBeGreaterThan(5 * MARKDOWN_MAX_BYTES);
    const md = formatMarkdown(diff);
    expect(Buffer.byteLength(md)).toBeLessThan(60 * 1024);
    expect(md).toContain('| articles | 1500 | 0 | 0 |');
    expect(md).toMatch(/Trimmed to stay under 60 KB: \d+ entries not shown/);
    expect(md.match(/<details/g)?.length).toBe(md.match(/<\/details>/g)?.length);
  });

  it('makes untrusted text inert: no HTML, no mentions, no Markdown links', () => {
    expect(escapeMarkdown('<script>alert(1)</script> @octocat #12 [x](http://e.vil) *b* |')).toBe(
      '&lt;script&gt;alert\\(1\\)&lt;/script&gt; &#64;octocat &#35;12 \\[x\\]\\(http://e.vil\\) \\*b\\* \\|',
    );
    const before = baseDataset();
    const after = clone(before);
    after.articles.push(makeArticle('evil', '<img src=x onerror=alert(1)> @everyone\n\nline two', []));
    const md = formatMarkdown(diffDatasets(before, after));
    expect(md).not.toContain('<img');
    expect(md).not.toContain('@everyone');
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt; &#64;everyone');
  });
});

describe('formatDiff json', () => {
  it('is the diff itself, parseable', () => {
    const diff = gradeChange();
    expect(JSON.parse(formatDiff(diff, 'json'))).toEqual(diff);
  });
});
