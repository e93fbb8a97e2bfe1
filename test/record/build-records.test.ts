import { describe, expect, it } from 'vitest';
import { buildRecords, councilSlug, oneSentence } from '../../src/record/build-records.js';
import { jsonSchemas } from '../../src/record/schema.js';
import type { Extraction } from '../../src/extract/types.js';
import type { CleanArticle, RawArticle } from '../../src/load/types.js';

const text = 'Merton rated good\n\nMerton was rated good. Leaders are visible.';
const raw: RawArticle = { id: 'a/1', path: 'a/1.txt', sha256: 'f'.repeat(64), format: 'text', content: text, meta: { title: null, section: null, published: null, url: null }, warnings: [] };
const clean: CleanArticle = { title: 'Merton rated good', section: null, published: null, url: null, text, removed: [], warnings: [] };
const leaders = text.indexOf('Leaders');
const extraction = (overrides: Partial<Extraction['inspections'][number]> = {}): Extraction => ({
  tallies: [],
  warnings: [],
  inspections: [{
    council: { name: 'Merton', code: 'E09000024' },
    inspection: { inspectorate: 'ofsted', framework: null, kind: 'full', period: null },
    overall: { grade: 'good', span: [text.indexOf('good'), text.indexOf('good') + 4], rule: 'test' },
    previous: null,
    judgements: [],
    praise: [{ text: 'Leaders are visible.', span: [leaders, leaders + 20], rule: 'test', quoted: false, source: null }],
    concerns: [],
    responses: [],
    ...overrides,
  }],
});

describe('building records', () => {
  it('writes ids, status and keys in the contract\'s order', () => {
    const { article, inspections } = buildRecords(raw, clean, extraction());
    expect(article.status).toBe('ok');
    expect(article.councils).toEqual(['Merton']);
    expect(Object.keys(article)).toEqual(['schema', 'id', 'path', 'sha256', 'status', 'error', 'title', 'section', 'published', 'url', 'text', 'removed', 'councils', 'tallies', 'warnings']);
    expect(inspections[0]!.id).toBe('a/1/merton');
    expect(Object.keys(inspections[0]!)).toEqual(['schema', 'id', 'article', 'council', 'inspection', 'overall', 'previous', 'judgements', 'praise', 'concerns', 'responses']);
  });

  it('never writes a span outside the text: the article becomes an error line instead', () => {
    const { article, inspections } = buildRecords(raw, clean, extraction({ overall: { grade: 'good', span: [5, 5000], rule: 'test' } }));
    expect(article.status).toBe('error');
    expect(article.error).toMatch(/^internal error, an invalid record was not written/);
    expect(inspections).toEqual([]);
  });

  it('never writes an item whose text is not its span', () => {
    const { article } = buildRecords(raw, clean, extraction({ praise: [{ text: 'Something else.', span: [leaders, leaders + 20], rule: 't', quoted: false, source: null }] }));
    expect(article.status).toBe('error');
  });

  it('makes slugs and one-sentence errors', () => {
    expect(councilSlug('Richmond upon Thames')).toBe('richmond-upon-thames');
    expect(councilSlug('Bournemouth, Christchurch and Poole')).toBe('bournemouth-christchurch-and-poole');
    expect(oneSentence('could not read\nthe file')).toBe('could not read the file.');
  });

  it('prints a JSON Schema for both files from the zod schemas', () => {
    const schemas = jsonSchemas() as Record<string, { properties: Record<string, unknown>; required: string[] }>;
    expect(Object.keys(schemas.articles!.properties)).toContain('tallies');
    expect(schemas.inspections!.required).toContain('council');
  });
});
