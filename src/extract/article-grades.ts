// Every grade the article states, sentence by sentence, with what it is about: the
// council (named or in focus), overall or an area, this inspection or an earlier one.
import type { Tally } from '../record/schema.js';
import type { AreaMention } from './areas.js';
import type { SpanIndex } from './span-index.js';
import type { CouncilMention } from './councils.js';
import type { ArticleDocument } from './document.js';
import type { SentenceFocus } from './focus.js';
import { gradeAssertions, type GradeAssertion, type ReferenceYear } from './grade-assertions.js';
import { findGradeMentions, type GradeMention } from './grade-mentions.js';

/** Words that say a sentence is about a council's children's services, not a home or a school. */
const COUNCIL_SERVICE = /\b(?:children['’]s services|social care|the council|the authority|the local authority|the borough|the county|the department)\b/i;
/** How many sentences on a list of councils may follow a grade given to "three councils". */
const LIST_AFTER_COUNT_SENTENCES = 2;

export interface ArticleGrades {
  assertions: GradeAssertion[];
  /** Every grade mention, also those not about a council (for the findings' cue filter). */
  mentions: GradeMention[];
}

/** A grade alone on its line, as a table cell ("Good", "Requires improvement to be good"). */
const GRADE_CELL = /^(?:outstanding|good|requires? improvement(?: to be good)?|inadequate|adequate|satisfactory)\.?$/i;
/** The longest label a table row puts before its grade. */
const LABEL_MAX_WORDS = 14;

/**
 * When sentence i is a grade cell on its own line and the line before it a short label
 * ("The impact of leaders on social work practice…"), the span of both; else null. The
 * two are one blank line apart, so "label\n\ngrade" reads as "label: grade" with every
 * offset unchanged.
 */
function tableLabelBefore(doc: ArticleDocument, i: number): { start: number; end: number } | null {
  const cell = doc.sentences[i]!;
  const label = doc.sentences[i - 1]!;
  if (!GRADE_CELL.test(doc.sentenceText(i).trim()) || label.paragraph !== cell.paragraph - 1) return null;
  if (doc.text.slice(label.end, cell.start) !== '\n\n') return null;
  const words = doc.sentenceText(i - 1).trim();
  if (/[.!?:;,]$/.test(words) || words.split(/\s+/).length > LABEL_MAX_WORDS) return null;
  return { start: label.start, end: cell.end };
}

export function collectGrades(
  doc: ArticleDocument,
  mentionsBySentence: CouncilMention[][],
  focus: SentenceFocus[],
  referenceYear: ReferenceYear,
  tallies: Tally[],
  areas: SpanIndex<AreaMention>,
): ArticleGrades {
  const assertions: GradeAssertion[] = [];
  const mentions: GradeMention[] = [];
  let lastGrade: GradeMention | null = null;
  let pending: { grades: GradeMention[]; until: number } | null = null;
  let otherService = false;
  doc.sentences.forEach((sentence, i) => {
    // A table flattened into lines ("Overall effectiveness" / "Good"): the grade line
    // and its label line read as one "label: grade" line.
    const label = i > 0 ? tableLabelBefore(doc, i) : null;
    const s = label ?? sentence;
    const sentenceText = label ? `${doc.text.slice(label.start, sentence.start - 2)}: ${doc.sentenceText(i)}` : doc.sentenceText(i);
    const sentenceGrades = findGradeMentions(sentenceText, s.start);
    mentions.push(...sentenceGrades);
    // The article's area mentions, found once, as offsets into this sentence.
    const sentenceAreas = sentenceGrades.length > 0 ? areas.within(s.start, s.end).map((a) => ({ ...a, start: a.start - s.start, end: a.end - s.start })) : undefined;
    const result = gradeAssertions({ text: doc.text, start: s.start, end: s.end, mentions: mentionsBySentence[i]!, focus: focus[i]!.about, grades: sentenceGrades, areas: sentenceAreas }, referenceYear, lastGrade);
    // "Three councils rated good … Stockport, Merton and Central Bedfordshire all received the positive ratings."
    const named = focus[i]!.named;
    if (pending && i <= pending.until && named.length >= 2 && result.assertions.length === 0) {
      for (const g of pending.grades) {
        assertions.push({ councils: named, area: null, role: 'current', grade: g.grade, start: g.start, end: g.end, rule: `overall.list_after_count:${g.rule}`, when: null, fromFocus: false, dated: false, cued: false });
      }
      pending = null;
    }
    if (result.pending.length > 0) pending = { grades: result.pending, until: i + LIST_AFTER_COUNT_SENTENCES };
    otherService ||= result.otherService;
    assertions.push(...result.assertions);
    // "…gave the same grade to…" refers back to the last grade of this inspection.
    const current = result.assertions.filter((a) => a.role === 'current' && a.area === null);
    if (current.length > 0) lastGrade = current[current.length - 1]!;
  });

  const kept = assertions.filter((a) => {
    // Grades counted in a tally ("52 were rated good") are about many councils, not the one in focus.
    if (tallies.some((t) => a.start >= t.span[0] && a.end <= t.span[1])) return false;
    // A story about a children's home or a school names its council too: grades said of
    // "it" there are the home's, not the council's children's services.
    // (A graded area is always the council's: only overall grades are in doubt.)
    if (otherService && a.fromFocus && a.area === null && !COUNCIL_SERVICE.test(doc.sentenceText(doc.sentenceIndexAt(a.start)))) return false;
    return true;
  });
  return { assertions: kept, mentions };
}
