import { describe, expect, it } from 'vitest';
import { findTallies } from '../../src/extract/tallies.js';
import { sentencesOf } from '../../src/extract/sentences.js';
import type { Warning } from '../../src/record/schema.js';

const tallies = (text: string) => {
  const warnings: Warning[] = [];
  const found = findTallies(text, sentencesOf(text), warnings);
  return { found: found.map((t) => ({ total: t.total, counts: t.counts, scope: t.scope })), warnings: warnings.map((w) => w.rule) };
};

describe('tallies', () => {
  it('joins counts over neighbouring sentences and finds the stated total', () => {
    const t = 'Every one of England\'s 152 councils has now been inspected. Three councils were rated "outstanding" while 30 were deemed "inadequate". A further 52 were rated good and 68 received a "requires improvement" grade.';
    expect(tallies(t)).toEqual({
      found: [{ total: 152, counts: { outstanding: 3, inadequate: 30, good: 52, requires_improvement: 68 }, scope: 'england' }],
      warnings: ['tally.sum_mismatch'],
    });
  });

  it('takes "14 of the 33 councils" as a regional tally of its own', () => {
    expect(tallies('In London, 14 of the 33 councils were outstanding.').found).toEqual([{ total: 33, counts: { outstanding: 14 }, scope: 'region' }]);
  });

  it('takes a single count whose sentence first states the total, and "39 of England\'s 153 councils"', () => {
    expect(tallies('Of the 23 councils inspected so far in 2025, 10 have been rated outstanding, and 39 of England\'s 153 councils now hold the top grade.').found).toEqual([
      { total: 153, counts: { outstanding: 39 }, scope: 'england' },
      { total: 23, counts: { outstanding: 10 }, scope: 'england' },
    ]);
    expect(tallies('This month, 10 councils have been rated outstanding.').found).toEqual([]);
  });

  it('finds totals written other ways: "Of the North East\'s 12 councils", "Of the nine councils", "take to 92 the number"', () => {
    expect(tallies('Of the North East\'s 12 councils, five are now rated outstanding, four good, two requires improvement and one inadequate.').found)
      .toEqual([{ total: 12, counts: { outstanding: 5, good: 4, requires_improvement: 2, inadequate: 1 }, scope: 'region' }]);
    expect(tallies('Of the nine councils run by a trust, three are rated good, four require improvement and two remain inadequate.').found[0]?.total).toBe(9);
    expect(tallies('The latest reports take to 92 the number of councils inspected. Of those, 24 have been rated good, 45 require improvement and 23 are inadequate.').found[0]?.total).toBe(92);
  });

  it('leaves out the article\'s own batch of results', () => {
    expect(tallies('One council has been rated good and two told they require improvement in the latest batch of Ofsted reports.').found).toEqual([]);
  });

  it('ignores percentages, counts of one area, and other numbers', () => {
    expect(tallies('Ten councils have been judged outstanding for leadership. Some 45 per cent were good.').found).toEqual([]);
    expect(tallies('A recruitment drive brought in 61 new social workers, and inspectors found practice was good.').found).toEqual([]);
  });
});
