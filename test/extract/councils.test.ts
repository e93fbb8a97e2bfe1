import { describe, expect, it } from 'vitest';
import { findCouncilMentions } from '../../src/extract/councils.js';

const names = (text: string, published: string | null = null) =>
  findCouncilMentions(text, published, () => ({ start: 0, end: text.length })).map((m) => m.council.name);
const codes = (text: string, published: string | null) =>
  findCouncilMentions(text, published, () => ({ start: 0, end: text.length })).map((m) => m.council.code);

describe('council mentions', () => {
  it.each([
    ['London Borough of Merton children\'s services were rated good.', ['Merton']],
    ['Stockport Metropolitan Borough Council was inspected.', ['Stockport']],
    ['Inspectors praised Richmond-upon-Thames council.', ['Richmond upon Thames']],
    ['Central Beds children\'s services improved.', ['Central Bedfordshire']],
    ['Hull City Council was judged to require improvement.', ['Kingston upon Hull']],
    ['Merton\'s adoption services were outstanding.', ['Merton']],
    ['Leeds’s social workers were praised by Ofsted.', ['Leeds']],
  ])('%s', (text, expected) => expect(names(text)).toEqual(expected));

  it('does not take districts, clubs or towns for councils', () => {
    expect(names('Newcastle-under-Lyme Borough Council approved its budget.')).toEqual([]);
    expect(names('Hull City beat Stoke City on Saturday.')).toEqual([]);
    expect(names('Richmondshire District Council met on Tuesday.')).toEqual([]);
    expect(names('The family moved to New York and then Sutton Coldfield.')).toEqual([]);
  });

  it('accepts a short ambiguous name only with the full name elsewhere in the article', () => {
    expect(names('The town of Richmond held a market.')).toEqual([]);
    expect(names('Richmond upon Thames was rated good. In Richmond, inspectors found strong practice.')).toEqual(['Richmond upon Thames', 'Richmond upon Thames']);
  });

  it('accepts a common-word name only with a council cue in its sentence', () => {
    expect(names('Reading the report was a pleasure.')).toEqual([]);
    expect(names('Reading children\'s services were rated good.')).toEqual(['Reading']);
  });

  it('picks the predecessor or successor row of a shared name by date', () => {
    expect(codes('Somerset council was rated good.', '2017-05-01')).toEqual(['E10000027']);
    expect(codes('Somerset council was rated good.', '2024-05-01')).toEqual(['E06000066']);
  });
});

describe('capitalised lead words', () => {
  it('finds a council set in capitals at the start of a paragraph, with the real offsets', () => {
    const text = 'Intro.\nSTOCKTON-ON-TEES Borough Council has lost its rating. BLACKPOOL is fine.';
    const found = findCouncilMentions(text, null, () => ({ start: 0, end: text.length }));
    expect(found.map((m) => [m.council.name, text.slice(m.start, m.end)])).toEqual([['Stockton-on-Tees', 'STOCKTON-ON-TEES Borough Council']]);
  });
});
