// Grade words that name an Ofsted grade, not ordinary adjectives: "rated good",
// "'inadequate'", "an outstanding rating", "requires improvement". "Morale is good"
// and "adequate strategies" are not grades.
import vocab from '../vocab/grades.json' with { type: 'json' };
import type { Grade } from '../record/schema.js';
import { findAreaMentions } from './areas.js';

export interface GradeMention {
  start: number;
  end: number;
  grade: Grade;
  rule: string;
}

interface Phrase { id: string; grade: Grade; strong: boolean }

/** Inline "(?-i:…)" groups are not JavaScript syntax: split them out as case-sensitive alternatives. */
const caseSensitive = (source: string) => source.replace(/\(\?-i:([^)]*)\)/, '$1');
const PHRASES: Phrase[] = vocab.phrases.map((p) => ({ id: p.id, grade: p.grade as Grade, strong: p.strong }));
const PHRASE_RE = new RegExp(
  vocab.phrases.map((p) => `(?<${p.id.replace(/\W/g, '_')}>\\b(?:${p.pattern.includes('(?-i:') ? '(?!)' : p.pattern})\\b)`).join('|'),
  'gi',
);
const RI_RE = new RegExp(vocab.phrases.filter((p) => p.pattern.includes('(?-i:')).map((p) => `\\b${caseSensitive(p.pattern)}\\b`).join('|') || '(?!)', 'g');
const RATING_VERB = new RegExp(`\\b(?:${vocab.ratingVerbs})\\b`, 'i');
const NOUN_AFTER = new RegExp(vocab.ratingNounAfter, 'i');
const COPULA_BEFORE = new RegExp(`\\b${vocab.copula}\\W+(?:(?:also|still|now|all|both|each|again|not|judged|rated|deemed)\\W+)?[\"“‘']?$`, 'i');
/** A "label: grade" line is short; a longer sentence with a colon is prose. */
const LABEL_LINE_WORDS = 14;
const LABEL_LINE_CHARS = 200;
/** How far before and after a grade its cues are looked for. */
const CUE_WINDOW_CHARS = 200;
const FOR_AFTER = /^["”’']?\s*(?:rating |grade )?for\b/i;
/** How far after "for" the area must begin. */
const AREA_AFTER_CHARS = 40;
const FROM_TO_BEFORE = /\bfrom\b[^.;]{0,80}\bto\s*["“‘']?$/i;
const TO_BE_BEFORE = /\bto be\s*["“‘']?$/i;
const AS_BEFORE = /\bas\s*["“‘']?$/i;
const OPEN_QUOTE = /["“‘']\s*$/;
const CLOSE_QUOTE = /^\s*["”’']/;

const phraseOf = (groups: Record<string, string | undefined>) => {
  const key = Object.keys(groups).find((k) => groups[k] !== undefined)!;
  return PHRASES.find((p) => p.id.replace(/\W/g, '_') === key)!;
};

/** The last `n` words of a text. */
function wordsBefore(text: string, n: number): string {
  return text.split(/\s+/).filter(Boolean).slice(-n).join(' ');
}

/** A cheap first look: most sentences name no grade at all, and then the full pass is skipped. */
const ANY_GRADE_WORD = /outstanding|good|requir|inadequate|adequate|satisfactory|lowest|bottom|worst|highest|top|failing|RI\b/i;

/** Grade mentions in one sentence; offsets are into the article text (sentence starts at `base`). */
export function findGradeMentions(sentence: string, base: number): GradeMention[] {
  const out: GradeMention[] = [];
  if (!ANY_GRADE_WORD.test(sentence)) return out;
  const accept = (start: number, end: number, phrase: Phrase) => {
    // Every cue stands near the grade; a bounded window keeps a long sentence linear.
    const before = sentence.slice(Math.max(0, start - CUE_WINDOW_CHARS), start);
    const after = sentence.slice(end, end + CUE_WINDOW_CHARS);
    const quoted = OPEN_QUOTE.test(before) && (CLOSE_QUOTE.test(after) || /^\s*to be good["”’']/.test(after));
    const cued = phrase.strong || quoted || NOUN_AFTER.test(after)
      || RATING_VERB.test(wordsBefore(before, vocab.maxCueWords))
      // "Inspectors rated the impact of leaders, help and protection, and … as good."
      || ((AS_BEFORE.test(before) || TO_BE_BEFORE.test(before)) && RATING_VERB.test(before))
      // "climbed from requires improvement to good".
      || FROM_TO_BEFORE.test(before)
      // "…, and RI for the impact of leaders": a grade given to a named area.
      || (FOR_AFTER.test(after) && findAreaMentions(after.slice(0, AREA_AFTER_CHARS)).length > 0)
      // A label line: "Adoption performance: outstanding", "- overall effectiveness: good",
      // "Overall effectiveness – Outstanding" (a dash, with the grade ending the line).
      || ((/:\s*["“‘']?$/.test(before) || (/\s[–—-]\s*["“‘']?$/.test(before) && /^["”’']?\s*[.;]?\s*$/.test(after)))
        && sentence.length < LABEL_LINE_CHARS && sentence.split(/\s+/).length <= LABEL_LINE_WORDS)
      || (phrase.grade !== 'good' && phrase.grade !== 'adequate' && COPULA_BEFORE.test(before));
    if (cued) out.push({ start: base + start, end: base + end, grade: phrase.grade, rule: quoted ? `${phrase.id}.quoted` : phrase.id });
  };
  PHRASE_RE.lastIndex = 0;
  for (let m = PHRASE_RE.exec(sentence); m; m = PHRASE_RE.exec(sentence)) accept(m.index, m.index + m[0].length, phraseOf(m.groups!));
  RI_RE.lastIndex = 0;
  for (let m = RI_RE.exec(sentence); m; m = RI_RE.exec(sentence)) accept(m.index, m.index + m[0].length, PHRASES.find((p) => p.id === 'grade.ri')!);
  return out.sort((a, b) => a.start - b.start);
}
