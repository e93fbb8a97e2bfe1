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
  for (const ms of mentionsBySentence) for (const m of ms) salience.set(m.council.name, (salience.get(m.council.name) ?? 0) + 1);
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
    if (PLURAL_REFERENCE.test(sentence) && recent.length >= 2) {
      const match = /\b(?:three|four)\b/i.exec(sentence.match(PLURAL_REFERENCE)![0]);
      const n = match ? (match[0].toLowerCase() === 'three' ? 3 : 4) : 2;
      return { named, about: recent.slice(-n) };
    }
    return { named, about: focus };
  });
}
