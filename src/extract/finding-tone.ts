// Is a sentence praise, a concern, both, or neither? Cue lexicons (data) with
// negation: a cue right after "not", "no" or "without" counts for the other side.
// Where cues overlap the longer wins ("care and concern" is praise; "must get better"
// a concern), and after a directive ("should", "recommended", "so that") good words
// describe what is wanted, not what was found.
import cues from '../vocab/finding-cues.json' with { type: 'json' };

export interface Tone {
  praise: boolean;
  concern: boolean;
}

type Range = { start: number; end: number };

const PRAISE = new RegExp(`\\b(?:${cues.praise})\\b`, 'gi');
const CONCERN = new RegExp(`\\b(?:${cues.concern})`, 'gi');
/** Phrases that hold a cue word but judge nothing ("strengths and weaknesses", "concerns about a child"). */
const NEUTRAL = new RegExp(`\\b(?:${cues.neutral})\\b`, 'gi');
/** A negator up to this many words before a cue flips it ("not always helped to find suitable homes"). */
const NEGATION_WORDS = 5;
const NEGATED = new RegExp(`\\b(?:${cues.negators})\\b(?:\\W+\\w+){0,${NEGATION_WORDS - 1}}?\\W+$`, 'i');
/** Each negator word, to find the ones inside a cue. */
const NEGATORS = new RegExp(`\\b(?:${cues.negators})\\b`, 'gi');
const DIRECTIVE = new RegExp(cues.directive, 'i');
const INDIRECT_QUESTION = new RegExp(cues.indirectQuestion, 'i');
const FILLER = new RegExp(`\\b(?:${cues.gradeOnlyFiller})\\b`, 'gi');
const SELF_NEGATING = /^(?:not|did not|do not|does not|has not|have not|had not|(?:is|are|was|were) not|n['’]t)\b/i;

const overlaps = (a: Range, b: Range) => a.start < b.end && a.end > b.start;

interface Hit extends Range { side: keyof Tone | 'neutral' }

function hits(text: string): Hit[] {
  const all: Hit[] = [];
  // Neutral first: where a neutral phrase and a cue are equally long, the neutral one wins.
  for (const [re, side] of [[NEUTRAL, 'neutral'], [PRAISE, 'praise'], [CONCERN, 'concern']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      all.push({ start: m.index, end: m.index + m[0].length, side });
    }
  }
  // Longest first, then leftmost: a cue inside a longer cue of either side is dropped.
  all.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of all) if (!kept.some((k) => overlaps(k, h))) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

/** Cue hits, ignoring ones inside `ignore` (grade phrases, council and area names). */
export function toneOf(text: string, ignore: Range[] = []): Tone {
  const tone: Tone = { praise: false, concern: false };
  // "Since the damning findings of the last inspection in 2014, …": that clause is history.
  const lead = HISTORY_LEAD.exec(text);
  if (lead) ignore = [...ignore, { start: 0, end: lead[0].length }];
  const directiveAt = DIRECTIVE.exec(text)?.index ?? Infinity;
  // Where each negator was first used, and on which side its first cue was. A negator
  // flips a run of cues of one side ("not safe and well supported"), not a cue of the
  // other side after them ("not always effective in preventing drift", "was not
  // effective and that too many children…"): that one is said, not denied.
  // A cue that holds its own negator ("was not effective", a concern) counts as the
  // first of its negator's run, on the side of the word it denies ("effective").
  const negatorFirstSide = new Map<number, Hit['side']>();
  for (const h of hits(text)) {
    if (h.side === 'neutral' || ignore.some((r) => overlaps(r, h))) continue;
    const beforeStart = Math.max(0, h.start - 40);
    const before = text.slice(beforeStart, h.start);
    if (INDIRECT_QUESTION.test(before)) continue;
    const cue = text.slice(h.start, h.end);
    for (const own of cue.matchAll(NEGATORS)) negatorFirstSide.set(h.start + own.index, h.side === 'praise' ? 'concern' : 'praise');
    const negator = SELF_NEGATING.test(cue) ? null : NEGATED.exec(before);
    let flipped = negator !== null;
    if (negator) {
      const at = beforeStart + negator.index;
      const first = negatorFirstSide.get(at);
      if (first === undefined) negatorFirstSide.set(at, h.side);
      else if (first !== h.side) flipped = false;
    }
    const side: keyof Tone = flipped ? (h.side === 'praise' ? 'concern' : 'praise') : h.side;
    if (side === 'praise' && h.start > directiveAt) continue;
    tone[side] = true;
  }
  return tone;
}

/** True when the sentence says no more than a grade ("Merton was rated good by Ofsted"). */
export function onlyStatesGrade(text: string, ignore: Range[]): boolean {
  let rest = '';
  let at = 0;
  for (const r of [...ignore].sort((a, b) => a.start - b.start)) {
    rest += text.slice(at, Math.max(at, r.start));
    at = Math.max(at, r.end);
  }
  rest += text.slice(at);
  const words = rest.replace(FILLER, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return words.split(' ').filter((w) => w.length > 2).length <= 2;
}

const HISTORY_LEAD = new RegExp(cues.historyLead, 'i');
/** Money context (budgets, grants, savings) is background, not a finding, unless the inspectorate says it. */
export const CONTEXT_ONLY = new RegExp(cues.contextOnly, 'i');
/** What inspectors will do next is a plan, not a finding. */
export const FUTURE_PLAN = new RegExp(cues.futurePlan, 'i');
export const GENERIC_SUBJECT = new RegExp(cues.genericSubject, 'i');
