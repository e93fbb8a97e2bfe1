import { describe, expect, it } from 'vitest';
import { findDate, normalisePublished } from '../../src/load/published-date.js';
import { isHardWrapped, splitParagraphs } from '../../src/load/paragraphs.js';
import { joinParagraphs, normaliseLine } from '../../src/load/normalise-text.js';
import { markdownToText } from '../../src/load/markdown.js';

describe('published dates', () => {
  it.each([
    ['2019-08-06', '2019-08-06'],
    ['2019-08-06T23:59:00-05:00', '2019-08-06'],
    ['13 August 2015', '2015-08-13'],
    ['Monday, February 13, 2023', '2023-02-13'],
    ['Tue, 06 Aug 2019 10:00:00 GMT', '2019-08-06'],
    ['06/08/2019', '2019-08-06'],
    ['1st Sept 2020', '2020-09-01'],
    ['31/02/2020', null],
    ['next week', null],
    ['', null],
  ])('%s → %s', (input, want) => expect(normalisePublished(input)).toBe(want));
  it('finds the first date inside a line', () => expect(findDate('date 2018-01-29 Image copyright Google')).toBe('2018-01-29'));
});

describe('text normalisation', () => {
  it('turns Unicode spaces into one plain space and trims, keeping curly quotes', () => {
    expect(normaliseLine('\u00a0 “Good”\u2009rating\u200b  here\t ')).toBe('“Good” rating here');
  });
  it('splits on lines and blank lines, with CRLF and CR endings', () => {
    expect(splitParagraphs('One\r\nTwo\r\n\r\n\r\nThree\rFour')).toEqual(['One', 'Two', 'Three', 'Four']);
    expect(joinParagraphs(['a', 'b'])).toBe('a\n\nb');
  });
  it('joins hard-wrapped lines but not stacked metadata or lists', () => {
    expect(isHardWrapped(['The council has welcomed an Ofsted report that found its services for', 'young people leaving care had improved.'])).toBe(true);
    expect(isHardWrapped(['Ruth Ellison Social affairs correspondent', 'Tue 5 Dec 2023 00.01 GMT'])).toBe(false);
    expect(isHardWrapped(['- first item of a list that is fairly long, long enough', '- second item'])).toBe(false);
  });
});

describe('markdown', () => {
  it('strips markup and reads front matter', () => {
    const { text, meta } = markdownToText('---\ntitle: "T"\nurl: http://e.org/a\n---\n## T\n\n> A *quoted* line with `code` and ![img](x.png) an image.\n\n***\n');
    expect(meta).toMatchObject({ title: 'T', url: 'http://e.org/a' });
    expect(splitParagraphs(text)).toEqual(['T', 'A quoted line with code and an image.']);
  });
});
