import { describe, expect, it } from 'vitest';
import { diffDatasets, hasChanges, type FieldChange } from '../../src/dataset/diff-records.js';
import { describeChange } from '../../src/dataset/format-diff.js';
import { baseDataset, clone, makeArticle, makeInspection, NS_PRAISE, spanOf } from './make-records.js';

const changesOf = (diff: ReturnType<typeof diffDatasets>) => diff.inspections.changed.flatMap((r) => r.changes);

describe('diffDatasets', () => {
  it('finds nothing between a dataset and itself, or a copy with its records in another order', () => {
    const before = baseDataset();
    const shuffled = clone(before);
    shuffled.articles.reverse();
    const diff = diffDatasets(before, shuffled);
    expect(hasChanges(diff)).toBe(false);
    expect(Object.values(diff.counts).every((n) => n === 0)).toBe(true);
  });

  it('reports a grade change as one value change, in words a reviewer reads', () => {
    const diff = diffDatasets(baseDataset('requires_improvement'), baseDataset('inadequate'));
    expect(diff.counts).toMatchObject({ inspections_changed: 1, value_changed: 1, span_moved: 0, item_added: 0, item_removed: 0 });
    const [record] = diff.inspections.changed;
    expect(record?.label).toBe('North Somerset');
    expect(record?.changes.map(describeChange)).toEqual(['overall: requires_improvement → inadequate [rule grade.rated_as]']);
  });

  it('reports a span that moved, with the same value, apart from a change of value', () => {
    const before = baseDataset();
    const after = clone(before);
    const overall = after.inspections[0]!.overall!;
    overall.span = [overall.span[0] + 1, overall.span[1] + 1];
    const diff = diffDatasets(before, after);
    expect(diff.counts).toMatchObject({ value_changed: 0, span_moved: 1 });
    expect(describeChange(changesOf(diff)[0]!)).toMatch(/^overall: span moved \[\d+,\d+\) → \[\d+,\d+\)/);
  });

  it('reports a value made by another rule (same value, same span) as a rule change', () => {
    const before = baseDataset();
    const after = clone(before);
    after.inspections[0]!.overall!.rule = 'grade.other_rule';
    const diff = diffDatasets(before, after);
    expect(diff.counts).toMatchObject({ value_changed: 0, span_moved: 0, rule_changed: 1 });
    expect(describeChange(changesOf(diff)[0]!)).toBe('overall: rule grade.rated_as → grade.other_rule');
  });

  it('reports a removed praise item as one removal, not a cascade of changes to the items after it', () => {
    const before = baseDataset();
    const after = clone(before);
    after.inspections[0]!.praise.splice(0, 1);
    const diff = diffDatasets(before, after);
    const changes = changesOf(diff);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ type: 'item_removed', field: 'praise', item: NS_PRAISE[0] });
    expect(diff.counts).toMatchObject({ item_removed: 1, value_changed: 0 });
  });

  it('reports a praise item inserted first as one addition', () => {
    const before = clone(baseDataset());
    before.inspections[0]!.praise.splice(0, 1);
    const diff = diffDatasets(before, baseDataset());
    expect(changesOf(diff).map((c) => c.type)).toEqual(['item_added']);
    expect(describeChange(changesOf(diff)[0]!)).toBe(`praise + "${NS_PRAISE[0]}" [rule finding.praise_cue]`);
  });

  it('matches judgements by area: a changed grade is one change of that area', () => {
    const before = baseDataset();
    const after = clone(before);
    after.inspections[0]!.judgements[0]!.grade = 'outstanding';
    const diff = diffDatasets(before, after);
    expect(changesOf(diff)).toHaveLength(1);
    expect(describeChange(changesOf(diff)[0]!)).toBe('judgements[leadership]: good → outstanding [rule judgement.area_rated:area.leadership]');
  });

  it('shows which part of a matched item changed', () => {
    const before = baseDataset();
    const after = clone(before);
    after.inspections[0]!.praise[1]!.source = 'Ofsted';
    expect(describeChange(changesOf(diffDatasets(before, after))[0]!))
      .toBe(`praise "${NS_PRAISE[1]}": source: "inspectors" → "Ofsted" [rule finding.praise_cue]`);
  });

  it('reports an added council as an added inspection and an added name in the article', () => {
    const before = baseDataset();
    const after = clone(before);
    const ns = after.articles[0]!;
    ns.text += '\n\nBath and North East Somerset was rated good.';
    ns.councils = ['Bath and North East Somerset', 'North Somerset'];
    after.inspections.push(makeInspection(ns, 'Bath and North East Somerset', 'E06000022', { overall: { grade: 'good', word: 'good' } }));
    const diff = diffDatasets(before, after);
    expect(diff.counts).toMatchObject({ inspections_added: 1, articles_changed: 1, inspections_changed: 0 });
    expect(diff.inspections.added[0]).toEqual({
      id: '001_north-somerset/bath-and-north-east-somerset', article: '001_north-somerset', council: 'Bath and North East Somerset', kind: 'full', overall: 'good',
    });
    const articleChanges = diff.articles.changed[0]!.changes;
    expect(articleChanges.map((c) => [c.type, c.field])).toEqual([['value_changed', 'text'], ['item_added', 'councils']]);
    const text = articleChanges.find((c) => c.field === 'text')!;
    expect(text.note).toBe(`first difference at ${before.articles[0]!.text.length}; ${before.articles[0]!.text.length} → ${ns.text.length} characters`);
    expect(String(text.after)).toContain('Bath and North East Somerset was rated good.');
  });

  it('reports an added and a removed article, with their inspections', () => {
    const before = baseDataset();
    const after = clone(before);
    after.articles = after.articles.filter((a) => a.id !== '001_north-somerset');
    after.inspections = [];
    const text = 'Merton rated good\n\nMerton was rated good by Ofsted.';
    const merton = makeArticle('003_merton', text, ['Merton']);
    after.articles.push(merton);
    after.inspections.push(makeInspection(merton, 'Merton', 'E09000024', { overall: { grade: 'good', word: 'good' } }));
    const diff = diffDatasets(before, after);
    expect(diff.counts).toMatchObject({ articles_added: 1, articles_removed: 1, articles_changed: 0, inspections_added: 1, inspections_removed: 1 });
    expect(diff.articles.added.map((a) => a.id)).toEqual(['003_merton']);
    expect(diff.articles.removed.map((a) => a.id)).toEqual(['001_north-somerset']);
    expect(diff.inspections.removed[0]).toMatchObject({ council: 'North Somerset', overall: 'requires_improvement' });
  });

  it('counts every change type', () => {
    const before = baseDataset();
    const after = clone(before);
    const record = after.inspections[0]!;
    record.overall!.grade = 'inadequate';                       // value_changed
    record.judgements[0]!.span = spanOf(after.articles[0]!.text, 'leaders');  // span_moved
    record.concerns[0]!.rule = 'finding.other';                  // rule_changed
    record.praise.pop();                                         // item_removed
    record.responses.push({ text: 'Staff morale', span: spanOf(after.articles[0]!.text, 'Staff morale'), rule: 'response.x', speaker: null, role: null }); // item_added
    const diff = diffDatasets(before, after);
    expect(diff.counts).toEqual({
      articles_added: 0, articles_removed: 0, articles_changed: 0, inspections_added: 0, inspections_removed: 0, inspections_changed: 1,
      value_changed: 1, span_moved: 1, rule_changed: 1, item_added: 1, item_removed: 1,
    });
    const types = diff.inspections.changed[0]!.changes.map((c: FieldChange) => `${c.field}:${c.type}`);
    expect(types).toEqual(['overall:value_changed', 'judgements:span_moved', 'praise:item_removed', 'concerns:rule_changed', 'responses:item_added']);
  });
});
