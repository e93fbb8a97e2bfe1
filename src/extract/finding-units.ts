// The pieces of text that can be praise, concerns or responses: each sentence of
// reported speech, each sentence inside a quotation (a quotation of several sentences
// gives one item per sentence), and each council quotation whole (one response per
// quotation, also over several paragraphs).
import { sentenceIndexAt, type Quotation, type Sentence } from './sentences.js';
import { fromPhrase, type Attribution, type Voice } from './speakers.js';

export interface FindingUnit {
  start: number;
  end: number;
  /** Index of the sentence the unit starts in. */
  sentence: number;
  quoted: boolean;
  voice: Voice;
  source: string | null;
  speaker: string | null;
  role: string | null;
  rule: string;
  /** Set on a council quotation's unit: the whole quotation. */
  responseStart?: number;
  responseEnd?: number;
}

const REPORTING = /^(.{0,160}?)\b(?:said|says|added|adds|told|tells|acknowledged|admitted|insisted|warned|concluded|noted|found|reported|praised|criticised|commended|described|recommended|highlighted|stated|wrote|believes?|feels?|thinks?|thanked|welcomed|apologised|accepted|vowed|pledged|promised|sent|issued|announced|congratulated)\b/i;
/** Sentences whose subject is a minister, the government or another outside body. */
const OUTSIDE_SUBJECT = /^(?:[\w’'-]+\s+){0,4}?(?:minister|ministers|government|secretary of state|education secretary|DfE|Department for Education|MPs?|union|charity)\b/i;
/** A quoted fragment worth a response: two words at least ("really pleased"), not a scare-quoted word. */
const MIN_FRAGMENT_CHARS = 8;
const INSPECTORATE_WORDS = /\b(?:inspectors?|Ofsted|the (?:inspection )?report|the inspectorate|the watchdog|the regulator)\b/i;

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s"“”‘’']/.test(text[start]!)) start++;
  while (end > start && /[\s"“”‘’']/.test(text[end - 1]!)) end--;
  return [start, end];
}

export function findingUnits(text: string, sentences: Sentence[], quotes: Quotation[], attributions: Array<Attribution | null>): FindingUnit[] {
  const units: FindingUnit[] = [];
  const sentenceAt = (offset: number) => sentenceIndexAt(sentences, offset);

  // Council quotations, chained over continuation paragraphs, become responses.
  const clauseQuotes = quotes.map((q, i) => ({ q, a: attributions[i] ?? null })).filter((x) => x.q.clause);
  for (let i = 0; i < clauseQuotes.length; i++) {
    const { q, a } = clauseQuotes[i]!;
    if (a?.voice !== 'council') continue;
    let last = q;
    while (i + 1 < clauseQuotes.length) {
      const next = clauseQuotes[i + 1]!;
      // One quotation, several paragraphs: a continuation, or the paragraph a quotation left
      // open runs on into. A new "He added: …" is a new quotation, and a response of its own.
      const sameSpeaker = next.a?.voice === 'council' && (next.a.rule === 'speaker.continued' || (last.open && next.a.speaker === a.speaker));
      if (!sameSpeaker || next.q.paragraph - last.paragraph > 1) break;
      last = next.q;
      i++;
    }
    const [start, end] = trimSpan(text, q.start, last.end);
    if (end <= start) continue;
    units.push({
      start, end, sentence: sentenceAt(start), quoted: true, voice: 'council', source: a.speaker ?? a.role,
      speaker: a.speaker, role: a.role, rule: a.rule.replace(/^speaker/, 'response'), responseStart: start, responseEnd: end,
    });
  }

  const fragments = quotes.filter((q) => !q.clause && q.end - q.start >= MIN_FRAGMENT_CHARS && /\s/.test(text.slice(q.start, q.end).trim()));
  const fragmentsIn = (s: Sentence) => fragments.filter((q) => q.start >= s.start && q.end <= s.end);
  let firstQuote = 0; // quotations are in text order and do not overlap
  sentences.forEach((s, index) => {
    while (firstQuote < clauseQuotes.length && clauseQuotes[firstQuote]!.q.end <= s.start) firstQuote++;
    const inside: typeof clauseQuotes = [];
    for (let k = firstQuote; k < clauseQuotes.length && clauseQuotes[k]!.q.start < s.end; k++) inside.push(clauseQuotes[k]!);
    if (inside.length > 0) {
      for (const { q, a } of inside) {
        if (a?.voice === 'council') continue;
        const [start, end] = trimSpan(text, Math.max(s.start, q.start), Math.min(s.end, q.end));
        if (end - start < 12) continue;
        units.push({ start, end, sentence: index, quoted: true, voice: a?.voice ?? 'unknown', source: a?.source ?? null, speaker: a?.speaker ?? null, role: a?.role ?? null, rule: a?.rule ?? 'speaker.none' });
      }
      return;
    }
    const sentence = text.slice(s.start, s.end);
    const reported = REPORTING.exec(sentence);
    let voice: Voice = 'unknown';
    let source: string | null = null;
    // "X has been praised by Ofsted": a passive verb's subject is not the speaker.
    if (reported && reported[1]!.trim() && !/\b(?:been|was|were|is|are|be|being)\s*$/i.test(reported[1]!)) {
      const a = fromPhrase(text, reported[0], s.start, 'speaker.reported');
      voice = a.voice;
      source = a.voice === 'inspectorate' ? a.source : null;
      // 'The leader said she was "really pleased"': the council's words, quoted in part.
      if (a.voice === 'council' && (a.speaker || a.role)) {
        for (const q of fragmentsIn(s)) {
          units.push({
            start: q.start, end: q.end, sentence: index, quoted: true, voice: 'council', source: a.speaker ?? a.role,
            speaker: a.speaker, role: a.role, rule: 'response.quoted_fragment', responseStart: q.start, responseEnd: q.end,
          });
        }
      }
    }
    if (voice === 'unknown' && OUTSIDE_SUBJECT.test(sentence)) voice = 'other';
    if (voice === 'unknown' && INSPECTORATE_WORDS.test(sentence)) {
      voice = 'inspectorate';
      source = /\breport\b/i.test(sentence) ? 'inspection report' : /\binspectors?\b/i.test(sentence) ? 'inspectors' : 'Ofsted';
    }
    units.push({ start: s.start, end: s.end, sentence: index, quoted: false, voice, source, speaker: null, role: null, rule: 'finding.sentence' });
  });
  return units.sort((a, b) => a.start - b.start || a.end - b.end);
}
