// Which council each sentence is about. A sentence that names councils is about them;
// one that says "the council", "the borough", "it" or nothing at all continues with
// the council in focus, across paragraphs, until another council is named ("In
// Central Bedfordshire, …", "Meanwhile, North Somerset …"). "Both councils" and
// "the two authorities" refer back to the last councils named.
import type { Sentence } from './sentences.js';
import type { CouncilMention } from './councils.js';

export interface SentenceFocus {
  /** Councils named in the sentence, in order of first mention. */
  named: string[];
  /** Councils the sentence is about. */
  about: string[];
}

/**
 * "The north London borough, …", "The county council …": a description that opens the
 * sentence and fits one of the councils named lately better than the others.
 */
const DESCRIPTION = /^\W*(?:the|this|that)\s+((?:[\w’'-]+\s+){0,3}?)(borough|council|authority|county|local authority)\b/i;
const REGION_WORDS: Array<[RegExp, string]> = [
  [/\bLondon\b/i, 'London'], [/\bnorth[- ]east(?:ern)?\b/i, 'North East'], [/\bnorth[- ]west(?:ern)?\b/i, 'North West'],
  [/\bYorkshire\b/i, 'Yorkshire and The Humber'], [/\bEast Midlands\b/i, 'East Midlands'], [/\bWest Midlands\b/i, 'West Midlands'],
  [/\bsouth[- ]west(?:ern)?\b/i, 'South West'], [/\bsouth[- ]east(?:ern)?\b/i, 'South East'], [/\bEast of England\b|\bEast Anglian?\b/i, 'East of England'],
];

/** Whether a council fits the words of a description ("north London borough"). */
function fits(council: CouncilMention['council'], words: string, noun: string): boolean {
  const region = REGION_WORDS.find(([re]) => re.test(words));
  if (region && !(region[1] === 'London' ? council.region === 'London' : council.region === region[1])) return false;
  if (/county/i.test(noun) && council.type !== 'county') return false;
  if (/borough/i.test(noun) && council.type === 'county') return false;
  return region !== undefined || /county/i.test(noun);
}

const PLURAL_REFERENCE = /\b(?:both|the two|all three|all four|each of the|the three|these) (?:councils|authorities|boroughs|local authorities|counties|departments)\b|\bboth (?:were|have|had|are)\b/i;

export function sentenceFocus(
  text: string,
  sentences: Sentence[],
  mentionsBySentence: CouncilMention[][],
  /** Only these councils can hold the focus (the inspected ones); null: any named council. */
  eligible: Set<string> | null,
): SentenceFocus[] {
  let focus: string[] = [];
  const recent: string[] = []; // distinct councils, most recent last
  // Salience: how often the article names each council. A sentence naming several passes
  // the focus on to the most named of them (the article's subject, not a partner).
  const salience = new Map<string, number>();
  const byName = new Map<string, CouncilMention['council']>();
  for (const ms of mentionsBySentence) {
    for (const m of ms) {
      salience.set(m.council.name, (salience.get(m.council.name) ?? 0) + 1);
      byName.set(m.council.name, m.council);
    }
  }
  return sentences.map((s, i) => {
    const named = [...new Set(mentionsBySentence[i]!.map((m) => m.council.name))].filter((n) => !eligible || eligible.has(n));
    for (const n of named) {
      const at = recent.indexOf(n);
      if (at >= 0) recent.splice(at, 1);
      recent.push(n);
    }
    const sentence = text.slice(s.start, s.end);
    if (named.length > 0) {
      // The subject (first named) carries on into the next sentences.
      const top = Math.max(...named.map((n) => salience.get(n) ?? 0));
      focus = [named.find((n) => salience.get(n) === top)!];
      return { named, about: named };
    }
    const description = recent.length >= 2 ? DESCRIPTION.exec(sentence) : null;
    if (description) {
      const fitting = recent.filter((n) => fits(byName.get(n)!, description[1] ?? '', description[2]!));
      if (fitting.length === 1) focus = fitting;
    }
    if (PLURAL_REFERENCE.test(sentence) && recent.length >= 2) {
      const match = /\b(?:three|four)\b/i.exec(sentence.match(PLURAL_REFERENCE)![0]);
      const n = match ? (match[0].toLowerCase() === 'three' ? 3 : 4) : 2;
      return { named, about: recent.slice(-n) };
    }
    return { named, about: focus };
  });
}
