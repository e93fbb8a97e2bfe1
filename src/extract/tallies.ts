// National or regional counts of grades: "three councils have achieved an outstanding
// rating while 30 have been deemed inadequate. A further 52 were rated good…". A number
// counts a grade only when nothing but function words and rating verbs stand between
// them; neighbouring sentences with counts of different grades form one tally.
import vocab from '../vocab/tallies.json' with { type: 'json' };
import type { Grade, Tally, Warning } from '../record/schema.js';
import { findAreaMentions } from './areas.js';
import type { Sentence } from './sentences.js';

const NUMBER_WORDS = vocab.numberWords as Record<string, number>;
/** A cheap first look: a count needs a number and a grade word in the sentence. */
const HAS_NUMBER = new RegExp(`\\d|\\b(?:${Object.keys(vocab.numberWords).join('|')})\\b`, 'i');
const HAS_GRADE_WORD = /outstanding|good|requir|inadequate|adequate|satisfactory|\bRI\b|top|highest|lowest|bottom/i;
const NUMBER = new RegExp(`(?<![\\d.,£$-])\\b(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\\b(?!\\s*(?:per cent|%|\\.\\d|,\\d|years|months|weeks|days))`, 'gi');
const COUNT = new RegExp(`^(${vocab.between})(${vocab.grade})`, 'i');
const TOTAL = new RegExp(vocab.total, 'i');
const SKIP = new RegExp(vocab.skipSentence, 'i');
const ENGLAND = new RegExp(vocab.england, 'i');
const REGION = new RegExp(`\\b(?:${vocab.regions})\\b`);
/** How far after a number its grade may stand ("52 were rated as good"). */
const COUNT_WINDOW_CHARS = 200;
/** How many sentences back a stated total may stand ("every one of England's 152 councils…"). */
const TOTAL_LOOKBACK = 3;
/** Counts in sentences further apart than this are separate tallies. */
const MAX_GAP = 1;

const INLINE_TOTAL = new RegExp(vocab.inlineTotal, 'i');
/** "Of the 23 councils inspected so far in 2025, …" opening the count's sentence. */
const LEAD_TOTAL = new RegExp(vocab.leadTotal, 'i');
const AREA_FOR = new RegExp(vocab.areaFor, 'i');
const OF_TOTAL_BEFORE = new RegExp(`\\b(?:\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')}) of (?:the |its |their |all |England['’]s |all of England['’]s )$`, 'i');

const gradeOf = (word: string): Grade => {
  const w = word.toLowerCase();
  if (w.startsWith('requir') || w === 'ri') return 'requires_improvement';
  if (/top|highest/.test(w)) return 'outstanding';
  if (/lowest|bottom/.test(w)) return 'inadequate';
  return w as Grade;
};

interface Count {
  grade: Grade;
  n: number;
  start: number;
  end: number;
  /** "14 of the 33 councils were outstanding": a count with its own total is a tally by itself. */
  ofTotal: number | null;
}

function countsIn(text: string, s: Sentence): Count[] {
  const sentence = text.slice(s.start, s.end);
  if (!HAS_GRADE_WORD.test(sentence) || !HAS_NUMBER.test(sentence) || SKIP.test(sentence)) return [];
  const areas = findAreaMentions(sentence);
  // "For care leavers, 42 councils…": counts of one area's grades are not tallies.
  if (areas.some((a) => AREA_FOR.test(sentence.slice(0, a.start)))) return [];
  const out: Count[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(sentence); m; m = NUMBER.exec(sentence)) {
    const lead = sentence.slice(Math.max(0, m.index - COUNT_WINDOW_CHARS), m.index);
    if (/\(\s*$/.test(lead)) continue; // "(20)": an aside, not a count
    if (OF_TOTAL_BEFORE.test(lead)) continue; // "14 of the 33": 33 is a total
    let after = sentence.slice(m.index + m[0].length, m.index + m[0].length + COUNT_WINDOW_CHARS);
    const inline = INLINE_TOTAL.exec(after);
    if (inline) after = after.slice(inline[0].length);
    const c = COUNT.exec(after);
    if (!c) continue;
    const end = m.index + m[0].length + (inline?.[0].length ?? 0) + c[0].length;
    // "… outstanding for leadership": a count of one area's grades is not a tally.
    if (areas.some((a) => a.start >= end && a.start - end < 20 && /^\W*(?:rating|grade)?\W*(?:for|in)\b/i.test(sentence.slice(end)))) continue;
    const raw = m[1]!.toLowerCase();
    const n = /^\d+$/.test(raw) ? Number(raw) : NUMBER_WORDS[raw]!;
    out.push({ grade: gradeOf(c[2]!), n, start: s.start + m.index, end: s.start + end, ofTotal: inline ? Number(inline[1]) : null });
  }
  return out;
}

export function findTallies(text: string, sentences: Sentence[], warnings: Warning[]): Tally[] {
  const tallies: Tally[] = [];
  let group: { counts: Count[]; first: number; last: number } | null = null;
  const close = () => {
    if (!group) return;
    const { counts, first, last } = group;
    group = null;
    if (counts.length < 2) {
      // One count is a statement about some councils, not a tally, unless the sentence
      // first says of how many: "Of the 23 councils inspected so far, 10 were rated outstanding".
      const lead = LEAD_TOTAL.exec(text.slice(sentences[first]!.start, counts[0]!.start));
      if (counts.length === 1 && first === last && lead) makeTally(counts, first, last, Number(lead[1]));
      return;
    }
    makeTally(counts, first, last, null);
  };
  const makeTally = (counts: Count[], first: number, last: number, statedTotal: number | null) => {
    const windowStart = sentences[Math.max(0, first - TOTAL_LOOKBACK)]!.start;
    const window = text.slice(windowStart, sentences[last]!.end);
    const total = statedTotal ?? nearestTotal(window, counts[0]!.start - windowStart, new Set(counts.map((c) => c.start - windowStart)));
    // A regional count ("in London, 14 of the 33 councils") takes its scope from its own clause.
    const scopeText = statedTotal !== null ? text.slice(Math.max(sentences[first]!.start, counts[0]!.start - 60), counts[0]!.end) : window;
    const tally: Tally = {
      scope: REGION.test(scopeText) && !ENGLAND.test(scopeText) ? 'region' : ENGLAND.test(scopeText) || total !== null ? 'england' : 'other',
      framework: /single inspection framework|\bSIF\b/i.test(window) ? 'sif' : /\bILACS\b/.test(window) ? 'ilacs' : null,
      total,
      counts: Object.fromEntries(counts.map((c) => [c.grade, c.n])),
      span: [counts[0]!.start, counts[counts.length - 1]!.end],
      rule: 'tally.counts',
    };
    const sum = counts.reduce((a, c) => a + c.n, 0);
    if (total !== null && counts.length >= 4 && sum !== total) {
      warnings.push({ text: `tally counts add up to ${sum} but the article says ${total} councils`, span: tally.span, rule: 'tally.sum_mismatch' });
    }
    tallies.push(tally);
  };
  sentences.forEach((s, i) => {
    const all = countsIn(text, s);
    for (const c of all.filter((x) => x.ofTotal !== null)) makeTally([c], i, i, c.ofTotal);
    const counts = all.filter((x) => x.ofTotal === null);
    if (counts.length === 0) {
      if (group && i - group.last > MAX_GAP) close();
      return;
    }
    if (group && counts.some((c) => group!.counts.some((g) => g.grade === c.grade))) close();
    group ??= { counts: [], first: i, last: i };
    group.counts.push(...counts);
    group.last = i;
  });
  close();
  return tallies;
}

/** The stated total nearest before the first count (else the first after it). */
function nearestTotal(window: string, countAt: number, countStarts: Set<number>): number | null {
  const re = new RegExp(TOTAL.source, 'gi');
  let best: { at: number; n: number } | null = null;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const digits = m.slice(1).find((g) => g !== undefined)!;
    // "…the 43 councils whose services require improvement": that number is a count, not a total.
    if (countStarts.has(m.index + m[0].indexOf(digits))) continue;
    const n = /^\d+$/.test(digits) ? Number(digits) : NUMBER_WORDS[digits.toLowerCase()]!;
    if (m.index <= countAt || best === null) best = { at: m.index, n };
    if (m.index > countAt) break;
  }
  return best?.n ?? null;
}
