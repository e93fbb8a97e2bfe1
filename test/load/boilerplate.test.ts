import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanParagraphs } from '../../src/load/boilerplate/clean-paragraphs.js';
import { RULES, compileRules, expandMacros } from '../../src/load/boilerplate/vocab.js';
import vocab from '../../src/vocab/boilerplate.json' with { type: 'json' };
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precheckFor, requiredLiterals } from '../../src/load/boilerplate/required-literals.js';

const clean = (text: string) => cleanParagraphs(text.split('\n\n'));
const kinds = (text: string) => clean(text).removed.map((r) => r.kind);

const BODY = 'Inspectors found that the council had made steady progress since its last inspection in 2019.';
const BODY2 = 'Social workers told inspectors that their caseloads were manageable and that managers were visible.';

describe('boilerplate vocabulary', () => {
  it('compiles, with unique ids and a reason for every rule', () => {
    expect(RULES.length).toBeGreaterThan(30);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const entry of vocab.rules) expect(entry.why, entry.id).toBeTruthy();
  });
  it('rejects unknown kinds and macros', () => {
    expect(() => compileRules({ macros: {}, rules: [{ id: 'x', kind: 'nonsense', pattern: 'a' }], jobCues: { titleEnds: [], words: [] } })).toThrow(/unknown kind/);
    expect(() => expandMacros('{{NOPE}}', {})).toThrow(/unknown macro/);
  });
});

describe('body text is kept', () => {
  const kept = [
    'The council must register every private fostering arrangement within a week.',
    'Jobs in the front door team are now filled by permanent staff, the council said.',
    'By contrast, inspectors found that the strongest areas were well led at every level.',
    'By March the council had recruited 20 new social workers.',
    'Share of children seen within a week rose to 92 per cent, inspectors said.',
    'Comments from young people in care were overwhelmingly positive.',
    'Subscribers to the council newsletter were told of the result before the press.',
    'Related work with the police on exploitation was singled out for praise.',
    'More like this work is needed across the region, the director said.',
    'Inspectors said the council should sign up to the regional adoption agency by the spring.',
    'Read the report, which was published on Tuesday, for the full list of recommendations.',
    'Salaries of £40,000 to £45,000 a year have helped the council recruit permanent staff.',
    'Photo evidence in case files was used well, according to inspectors.',
  ];
  for (const sentence of kept) {
    it(sentence, () => expect(clean(`Council rated good by Ofsted\n\n${BODY}\n\n${sentence}\n\n${BODY2}`).paragraphs).toContain(sentence));
  }
  it('keeps a sentence cut off at the end of a paywalled page', () => {
    const cut = 'By Ofsted’s reckoning the council has still to';
    expect(clean(`Headline about Ofsted\n\n${BODY}\n\n${BODY2}\n\n${cut}`).paragraphs).toContain(cut);
  });
  it('keeps crossheads in the body', () => {
    expect(clean(`Headline about Ofsted\n\n${BODY}\n\n${BODY2}\n\nHeadline findings\n\n${BODY}`).paragraphs).toContain('Headline findings');
  });
  it('keeps a crosshead right after the first paragraph', () => {
    for (const crosshead of ['Key findings', 'What happens next', 'The council’s response']) {
      expect(clean(`Headline about Ofsted\n\n${BODY}\n\n${crosshead}\n\n${BODY2}`).paragraphs).toContain(crosshead);
    }
  });
  it('keeps a standfirst without a full stop under the headline', () => {
    const standfirst = 'Standards at the council have fallen sharply since inspectors last visited in 2012';
    expect(clean(`A headline about failures\n\n${standfirst}\n\n${BODY}\n\n${BODY2}`).paragraphs).toContain(standfirst);
  });
  it('never drops a long sentence made of ordinary words (property)', () => {
    const words = ['the', 'council', 'inspectors', 'said', 'children', 'social', 'workers', 'care', 'report', 'found', 'services', 'improved', 'were', 'leaders', 'quickly', 'families'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { minLength: 10, maxLength: 30 }), (ws) => {
      const sentence = `${ws.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
      return clean(`Headline about Ofsted\n\n${BODY}\n\n${BODY2}\n\n${sentence}`).paragraphs.includes(sentence);
    }));
  });
});

describe('furniture is cut, with its kind', () => {
  it('section label, read time, title', () => {
    const r = clean(`News\n\nCouncil rated good by Ofsted\n\n3 mins read Social Care\n\n${BODY}`);
    expect(r.removed).toEqual([{ kind: 'section_label', text: 'News' }, { kind: 'read_time', text: '3 mins read Social Care' }]);
    expect(r).toMatchObject({ title: 'Council rated good by Ofsted', section: 'News' });
  });
  it('a paywall block from its opener to its closer, then a related heading over job adverts', () => {
    const text = [BODY, 'Subscribe to continue reading', 'Unlimited access to all our analysis', '• Weekly email briefing', 'Already a subscriber? Log in', 'More like this', 'Senior Practitioner', '£38,000 - £42,000 per annum', 'M1 2AB, Manchester'].join('\n\n');
    expect(clean(text).removed).toEqual([
      { kind: 'paywall', text: 'Subscribe to continue reading\nUnlimited access to all our analysis\n• Weekly email briefing\nAlready a subscriber? Log in' },
      { kind: 'related', text: 'More like this' },
      { kind: 'job_ad', text: 'Senior Practitioner\n£38,000 - £42,000 per annum\nM1 2AB, Manchester' },
    ]);
  });
  it('a related list of headlines stops at the next body paragraph', () => {
    const r = clean(`${BODY}\n\nRelated stories\n\nCouncil rated inadequate after visit\n\nCare leavers let down, report finds\n\n${BODY2}`);
    expect(r.removed).toEqual([{ kind: 'related', text: 'Related stories\nCouncil rated inadequate after visit\nCare leavers let down, report finds' }]);
    expect(r.paragraphs).toContain(BODY2);
  });
  it.each([
    ['By Jane Smith', 'byline'],
    ['By Our Local Democracy Reporter', 'byline'],
    ['Jane Smith, education correspondent', 'byline'],
    ['Published: 11 April 2019', 'byline'],
    ['Updated 14:05, 3 March 2019', 'byline'],
    ['Picture: John Doe/PA Wire', 'caption'],
    ['The town hall in Leeds. Photo: Google Street View', 'caption'],
    ['© Getty Images', 'caption'],
    ['Home › News › Children', 'navigation'],
    ['Skip to main content', 'navigation'],
    ['Read more: Council tax to rise by 5%', 'related'],
    ['Sign up to our free weekly newsletter', 'newsletter'],
    ['Get the latest social care news delivered to your inbox', 'newsletter'],
    ['Share this article', 'share'],
    ['Facebook Twitter LinkedIn Email', 'share'],
    ['Follow us on X and Facebook', 'share'],
    ['This website uses cookies to improve your experience.', 'cookie'],
    ['ENDS', 'other'],
    ['Advertisement', 'other'],
    ['Media enquiries: press office, 01234 567890', 'other'],
    ['Registration is free and takes a minute.', 'paywall'],
    ['Sign in or register to read the full article', 'paywall'],
    ['Posted on 4 March 2020 by Jane Smith', 'byline'],
    ['Image caption, Cllr Jane Doe said the report was disappointing', 'caption'],
    ['Copyright © 2024 Newsquest Media Group', 'other'],
    ['Contact: press office 01234 567890', 'other'],
    ['Download the full report (PDF, 1.2MB)', 'related'],
  ])('%s → %s', (line, kind) => {
    expect(kinds(`Council rated good by Ofsted\n\n${BODY}\n\n${line}\n\n${BODY2}\n\n${BODY}`)).toEqual([kind]);
  });
  it('a comment section only when comments follow the heading', () => {
    expect(kinds(`${BODY}\n\nComments\n\nJo B\n\n2 hours ago\n\nA reader's view.\n\nReply\n\nReport`)).toEqual(['comments']);
    expect(clean(`${BODY}\n\nComments\n\n${BODY2}`).paragraphs).toContain(BODY2);
  });
  it('a caption printed twice and an unpunctuated caption after the standfirst', () => {
    const caption = 'The director said she accepted the findings in full';
    const r = clean(`Council judged inadequate\n\n${BODY}\n\n${caption}\n\n${caption}\n\n${BODY2}`);
    expect(r.removed).toEqual([{ kind: 'caption', text: `${caption}\n${caption}` }]);
  });
  it('a bare name beside a date line is the byline; the date gives `dateline`', () => {
    const r = clean(`Council judged inadequate\n\nAmira Haddad\n\nWednesday, May 8, 2024\n\n${BODY}\n\n${BODY2}`);
    expect(r.removed.map((x) => x.kind)).toEqual(['byline', 'byline']);
    expect(r.dateline).toBe('Wednesday, May 8, 2024');
  });
  it('a header block saved after the body moves to the top', () => {
    const r = clean(`${BODY}\n\n${BODY2}\n\nNews\n\nCouncil judged inadequate\n\nThe standfirst says what happened.`);
    expect(r.paragraphs).toEqual(['Council judged inadequate', 'The standfirst says what happened.', BODY, BODY2]);
    expect(r).toMatchObject({ title: 'Council judged inadequate', section: 'News' });
  });
  it('no title when the article starts with its body', () => {
    expect(clean(`${BODY}\n\n${BODY2}`).title).toBeNull();
  });
});

describe('hostile input', () => {
  const timed = (text: string) => {
    const started = performance.now();
    clean(text);
    return performance.now() - started;
  };
  it('stays fast on long single tokens that start like cues', () => {
    const tokens = ['By A', 'Home / a', 'Share', 'Picture: ', 'Sign up to '].map((cue) => `${cue}${'a'.repeat(1100)}!`);
    expect(timed(tokens.join('\n\n'))).toBeLessThan(1000);
  });
  it('stays fast on many comment headings and list headings', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? 'Comments' : i % 3 === 1 ? 'More like this' : BODY));
    expect(timed(lines.join('\n\n'))).toBeLessThan(5000);
  });
});

describe('rule prechecks (a speed-up that must never change a match)', () => {
  const readLines = (dir: string) => readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (!statSync(path).isFile()) return [];
    return readFileSync(path, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  });
  const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));
  const corpus = [...new Set(['load', 'extract/articles', 'holdout/articles', 'html'].flatMap((d) => readLines(join(root, d))))]
    .map((l) => l.replace(/^[-•·*–—▪■◦●]+\s+/u, ''))
    .concat(['ſtock image', 'Cooſkies', 'Photo: Getty \u212Aent', 'IMAGE COPYRIGHT GETTY', 'We use cookies.', '© Jane Doe', 'Jane Smith says: hello']);

  it('finds a required literal in every line whose regex matches', () => {
    const checked = RULES.filter((r) => r.precheck !== null);
    expect(checked.length).toBeGreaterThan(5);
    for (const rule of checked) {
      for (const line of corpus) if (rule.regex.test(line)) expect(rule.precheck!.test(line), `${rule.id}: ${line}`).toBe(true);
    }
  });
  it('finds a required literal in random text around the rule cues (property)', () => {
    const checked = RULES.filter((r) => r.precheck !== null);
    const pieces = ['image copyright', 'Picture: ', 'Getty Images', 'cookies', 'IPSO', 'regulated by', 'says:', ' ', '. ', ', ', 'a', 'Ofsted', '©', '£', '40,000', 'reply', '2 hours ago', 'ſ', '\u212A', 'K'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
      const line = parts.join('');
      return checked.every((rule) => !rule.regex.test(line) || rule.precheck!.test(line));
    }), { numRuns: 2000 });
  });
  it('derives literals that every match must hold', () => {
    expect(requiredLiterals('.*\\bimage (?:copyright|source|caption)\\b.*')).toEqual(['image ']);
    expect(requiredLiterals('(?:a|b)c')).toEqual(['c']);
    expect(requiredLiterals('x?y?')).toBeNull();
    expect(requiredLiterals('[nN][eE][wW][sS]')).toEqual(['news']);
    expect(precheckFor('news|opinion')).toBeNull(); // anchored on a literal start: the regex fails fast on its own
    expect(precheckFor('.*\\bcookies\\b.*')!.test('We use COOKIES')).toBe(true);
  });
});
