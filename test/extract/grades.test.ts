import { describe, expect, it } from 'vitest';
import { findGradeMentions } from '../../src/extract/grade-mentions.js';
import { gradeAssertions } from '../../src/extract/grade-assertions.js';
import { findCouncilMentions } from '../../src/extract/councils.js';

const grades = (s: string) => findGradeMentions(s, 0).map((g) => g.grade);
const assert = (s: string, year: number | null = 2019, dated = false) =>
  gradeAssertions({ text: s, start: 0, end: s.length, mentions: [], focus: ['X'] }, { year, dated }, null).assertions
    .map((a) => `${a.role}:${a.area ?? 'overall'}=${a.grade}`);

describe('grade mentions', () => {
  it.each([
    ['Children\'s services were rated "good" by Ofsted.', ['good']],
    ['The council requires improvement to be good.', ['requires_improvement']],
    ['They were judged inadequate.', ['inadequate']],
    ['Ofsted handed the council its lowest rating.', ['inadequate']],
    ['It received an outstanding rating for adoption.', ['outstanding']],
    ['Morale across the workforce is good.', []],
    ['Staff do not have adequate strategies.', []],
    ['Inspectors saw good work and good practice.', []],
    ['Inspectors rated the impact of leaders and help and protection as good.', ['good']],
    ['Work with children in care received the second-highest of Ofsted\'s four ratings.', ['good']],
    ['It was given the lowest of the four grades.', ['inadequate']],
    ['They now require improvement, the second-lowest of the four grades.', ['requires_improvement']],
  ])('%s', (s, expected) => expect(grades(s)).toEqual(expected));
});

describe('what a grade is about', () => {
  it.each([
    ['Ofsted has rated the council\'s children\'s services good overall.', ['current:overall=good']],
    ['Services climbed from "requires improvement to be good" to "good".', ['previous:overall=requires_improvement', 'current:overall=good']],
    ['Services slipped from "good" at their last inspection to "requires improvement to be good".', ['previous:overall=good', 'current:overall=requires_improvement']],
    ['Services were rated outstanding, improving from good, the grade they received in 2018.', ['current:overall=outstanding', 'previous:overall=good']],
    ['The experiences and progress of care leavers – Outstanding', ['current:care_leavers=outstanding']],
    ['Overall effectiveness – Good', ['current:overall=good']],
    ['Services for looked after children fared better, with their overall effectiveness judged adequate.', ['current:children_in_care=adequate']],
    ['It did not cover children\'s social care, which were rated good by Ofsted in 2019 and are inspected separately.', ['previous:overall=good']],
    ['Council loses \'good\' Ofsted rating for children\'s services', ['previous:overall=good']],
    ['The review graded services on a four-point scale from outstanding to inadequate.', []],
    ['Seven years ago its services were rated inadequate.', ['previous:overall=inadequate']],
    ['Youth service: good', []],
    ['Its capacity to improve was judged adequate.', []],
    ['Its previous inspection, of child protection arrangements in 2012, also rated it inadequate.', ['previous:overall=inadequate']],
    ['Its services have kept Ofsted\'s top rating, outstanding, for the second inspection running.', ['previous:overall=outstanding', 'current:overall=outstanding']],
    ['Capacity to improve: good', []],
    ['It was rated good, up two grades from inadequate.', ['current:overall=good', 'previous:overall=inadequate']],
    ['Children in care rated good — but safeguarding only \'adequate\'', ['current:children_in_care=good', 'current:overall=adequate']],
    ['An inspection of safeguarding and looked after children services rated the overall effectiveness of the council\'s safeguarding services as inadequate.', ['current:overall=inadequate']],
    ['Inspectors judged the service outstanding in all three areas: the impact of leaders; help and protection; and children in care.', ['current:leadership=outstanding', 'current:help_and_protection=outstanding', 'current:children_in_care=outstanding']],
    ['Rated outstanding at its previous inspection, services now require improvement to be good.', ['previous:overall=outstanding', 'current:overall=requires_improvement']],
    ['When a council\'s children\'s services are judged inadequate, ministers step in.', []],
    ['When the council was judged inadequate in 2014, inspectors found delays.', ['previous:overall=inadequate']],
    ['The council had previously been rated inadequate.', ['previous:overall=inadequate']],
    ['It was judged good, up from requires improvement.', ['current:overall=good', 'previous:overall=requires_improvement']],
    ['Two years after being rated inadequate, the council is now rated good.', ['previous:overall=inadequate', 'current:overall=good']],
    ['Its adoption services were rated outstanding.', ['current:adoption=outstanding']],
    ['The impact of leaders was judged inadequate.', ['current:leadership=inadequate']],
    ['It received an outstanding rating for adoption services.', ['current:adoption=outstanding']],
    ['Leadership was judged inadequate, as was the Local Safeguarding Children Board.', ['current:leadership=inadequate', 'current:lscb=inadequate']],
    ['The council was rated outstanding, retaining the grade it received in 2015.', ['previous:overall=outstanding', 'current:overall=outstanding']],
    ['No area of the service was judged inadequate.', []],
    ['Our ambition is for services to be rated outstanding.', []],
    ['A children\'s home run by the council was rated inadequate.', []],
    ['Children\'s services were rated inadequate in 2014.', ['previous:overall=inadequate']],
  ])('%s', (s, expected) => expect(assert(s)).toEqual(expected));

  it('keeps a dated grade current when the article is from that year', () => {
    expect(assert('Children\'s services were rated good in 2019.', 2019, true)).toEqual(['current:overall=good']);
  });
});

describe('which council a grade is about', () => {
  const about = (s: string) => gradeAssertions({ text: s, start: 0, end: s.length, mentions: findCouncilMentions(s, null, () => ({ start: 0, end: s.length })), focus: [] }, { year: 2018, dated: true }, null)
    .assertions.map((a) => `${a.councils.join('+')}:${a.grade}`);

  it('takes neighbours\' grades given for comparison as no one\'s news', () => {
    expect(about('Neighbouring Bracknell Forest and West Berkshire are both rated good.')).toEqual([]);
    expect(about('Bracknell Forest and West Berkshire have both been rated good.')).toEqual(['Bracknell Forest+West Berkshire:good']);
  });

  it('does not give "failing" to a council named only after it', () => {
    expect(about('Handing failing children\'s services to trusts is no magic fix – just ask Doncaster.')).toEqual([]);
    expect(about('Doncaster\'s failing children\'s services were handed to a trust.')).toEqual(['Doncaster:inadequate']);
  });
});
