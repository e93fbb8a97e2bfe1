import { describe, expect, it } from 'vitest';
import { paragraphsOf, quotationsOf, sentencesOf } from '../../src/extract/sentences.js';

const sentences = (t: string) => sentencesOf(t).map((s) => t.slice(s.start, s.end));

describe('sentences and quotations', () => {
  it('splits sentences, not abbreviations', () => {
    expect(sentences('Cllr. Jones said it was good. Mr Smith agreed. Dr. Patel left.')).toEqual(['Cllr. Jones said it was good.', 'Mr Smith agreed.', 'Dr. Patel left.']);
  });

  it('splits inside a quotation of several sentences', () => {
    expect(sentences('"Leaders are visible. Staff feel valued," the report says.')).toEqual(['"Leaders are visible.', 'Staff feel valued," the report says.']);
  });

  it('finds clause quotations and fragments, and quotations left open for the next paragraph', () => {
    const t = 'Inspectors praised its "robust" work.\n\nShe said: "We are proud.\n\n"We will go further."';
    const q = quotationsOf(t).map((x) => [t.slice(x.start, x.end), x.clause, x.open]);
    expect(q).toEqual([['robust', false, false], ['We are proud.', true, true], ['We will go further.', true, false]]);
  });

  it('does not take apostrophes for quote marks', () => {
    const t = 'Ofsted praises leaders’ ‘relentless’ grip on children’s services.';
    expect(quotationsOf(t).map((x) => t.slice(x.start, x.end))).toEqual(['relentless']);
  });

  it('keeps paragraphs as spans', () => {
    expect(paragraphsOf('One.\n\nTwo.').map((p) => [p.start, p.end])).toEqual([[0, 4], [6, 10]]);
  });
});
