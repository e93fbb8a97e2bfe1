// Cleaned article text → inspection drafts, tallies and warnings. Pure.
//
// 1. Split the text: paragraphs, sentences, quotations (document.ts).
// 2. Find council mentions: one pass over the gazetteer alternation (councils.ts).
// 3. Count national and regional tallies (tallies.ts).
// 4. Decide what each sentence is about (focus.ts) and what each grade is about
//    (article-grades.ts), then resolve each council's grades (resolve-grades.ts).
// 5. The inspected councils are those with a grade of this inspection, or with an
//    ungraded visit the article reports; the focus is recomputed over them only.
// 6. Per inspected council: kind, framework and period, findings and responses.
import areaVocab from '../vocab/areas.json' with { type: 'json' };
import gazetteer from '../vocab/councils.json' with { type: 'json' };
import gradeContext from '../vocab/grade-context.json' with { type: 'json' };
import type { Judgement, Warning } from '../record/schema.js';
import { articleDate, yearsIn, type ArticleDate } from './article-date.js';
import { collectGrades } from './article-grades.js';
import { NOT_INSPECTION } from './grade-assertions.js';
import { findAreaMentions } from './areas.js';
import { bulletListTones, councilFindings, type FindingContext } from './council-findings.js';
import { findCouncilMentions, type CouncilMention } from './councils.js';
import { analyseText, type ArticleDocument } from './document.js';
import { findingUnits } from './finding-units.js';
import { sentenceFocus } from './focus.js';
import { FUTURE_VISIT, hasNoOverallGrade, inspectionFramework, inspectionKind, inspectionPeriod, PENDING_RESULT } from './inspection-kind.js';
import { resolveGrades, type ResolvedGrades } from './resolve-grades.js';
import { SpanIndex } from './span-index.js';
import { attributeQuotations } from './speakers.js';
import { findTallies } from './tallies.js';
import type { ArticleContext, Extraction, InspectionDraft } from './types.js';

/** Ends mid-sentence: a paywalled page that stops mid-word. */
const ENDS_CLEANLY = /[.!?"”’')\]:]\s*$/;
const ENDS_SENTENCE = /[.!?:]["”’')\]]*\s*$/;
const FOUR_AREAS = /\b(?:all )?four (?:areas|judge?ments)\b/i;

export function extractArticle(text: string, context: ArticleContext): Extraction {
  const warnings: Warning[] = [];
  const doc = analyseText(text);
  if (doc.sentences.length === 0) return { inspections: [], tallies: [], warnings };
  const date = articleDate(text, context.published);
  const years = yearsIn(text).map((y) => y.year).filter((y) => y <= (date?.year ?? 9999));
  const referenceYear = { year: date?.year ?? (years.length ? Math.max(...years) : null), dated: date !== null };

  const mentions = findCouncilMentions(text, context.published, (offset) => doc.sentences[doc.sentenceIndexAt(offset)]!);
  const mentionsBySentence: CouncilMention[][] = doc.sentences.map(() => []);
  for (const m of mentions) mentionsBySentence[doc.sentenceIndexAt(m.start)]!.push(m);
  const tallies = findTallies(text, doc.sentences, warnings);
  const truncated = truncationWarning(doc);

  // An article about an annual performance assessment or rating: grades it gives are that
  // assessment's, which is no inspection (RECORDS.md), unless it reports one too.
  if (aboutAnnualRating(doc)) return { inspections: [], tallies, warnings: [...warnings, ...truncated] };

  // Grades, with the focus over every named council.
  const firstFocus = sentenceFocus(text, doc.sentences, mentionsBySentence, null);
  // An article that names one council only: its headline and opening sentences, before
  // the name comes, are about that council too ("Children's services 'require improvement'").
  const named = new Set(mentions.map((m) => m.council.name));
  if (named.size === 1) backfillOpening(firstFocus, [...named][0]!);
  const areas = new SpanIndex(findAreaMentions(text));
  const grades = collectGrades(doc, mentionsBySentence, firstFocus, referenceYear, tallies, areas);
  const sentencesAbout = (focus: Array<{ about: string[] }>, name: string) =>
    doc.sentences.filter((_, i) => focus[i]!.about.includes(name));

  const pendingResult = PENDING_RESULT.test(text);
  const resolved = new Map<string, ResolvedGrades>();
  for (const name of [...named].sort()) {
    // A visit still to come is no visit reported.
    const visitText = sentencesAbout(firstFocus, name).map((s) => text.slice(s.start, s.end)).filter((s) => !FUTURE_VISIT.test(s)).join('\n');
    const ungradedVisit = !pendingResult && inspectionKind(visitText, false, false) !== null;
    const councilGrades = resolveGrades(name, grades.assertions, { ungradedVisit });
    // A council graded in words too contradictory to keep still has its record, with a warning.
    if (councilGrades.graded || ungradedVisit) resolved.set(name, councilGrades);
  }
  if (resolved.size === 0) return { inspections: [], tallies, warnings: [...warnings, ...truncated] };
  warnings.push(...truncated);

  // Findings and responses, with the focus over the inspected councils only.
  const focus = sentenceFocus(text, doc.sentences, mentionsBySentence, new Set(resolved.keys()));
  // The opening sentences before any council is named are about the article's one council.
  if (resolved.size === 1) backfillOpening(focus, [...resolved.keys()][0]!);
  const assertionIndex = new SpanIndex(grades.assertions);
  const findingContext: FindingContext = {
    doc,
    units: findingUnits(text, doc.sentences, doc.quotes, attributeQuotations(text, doc.sentences, doc.quotes)),
    assertions: assertionIndex,
    notCues: new SpanIndex([...grades.mentions, ...mentions, ...areas.within(0, text.length)]),
    gradeMentions: new SpanIndex(grades.mentions),
    councilMentions: new SpanIndex(mentions),
    referenceYear: referenceYear.year,
    headEnd: headlineEnd(doc),
    truncatedFrom: truncated[0]?.span?.[0] ?? null,
    listToneFor: bulletListTones(doc),
  };

  const inspections: InspectionDraft[] = [];
  for (const [name, councilGrades] of resolved) {
    warnings.push(...councilGrades.warnings);
    // Kind and period come from sentences about this inspection, not from history ("a 2019
    // re-inspection"); an ungraded visit may be named beside the grade it follows.
    const aboutAll = sentencesAbout(focus, name);
    // A sentence that gives this grade and the last ("rated good – an improvement on the
    // satisfactory grade it was given in 2009") still names this inspection.
    const about = aboutAll
      .filter((s) => !assertionIndex.some(s.start, s.end, (a) => a.role === 'previous')
        || assertionIndex.some(s.start, s.end, (a) => a.role === 'current' && !a.dated))
      .map((s) => text.slice(s.start, s.end)).join('\n');
    const hasGrades = councilGrades.overall !== null || councilGrades.judgements.length > 0;
    // An adoption or fostering agency's inspection grades the agency alone.
    const agencyGrades = councilGrades.judgements.length > 0
      && councilGrades.judgements.every((j) => (j.area === 'adoption' || j.area === 'fostering') && j.grade === (councilGrades.overall?.grade ?? j.grade));
    const kind = inspectionKind(about, hasGrades, agencyGrades)
      ?? inspectionKind(aboutAll.map((s) => text.slice(s.start, s.end)).join('\n'), false, false)
      ?? (councilGrades.graded ? inspectionKind(about, true, false) : null);
    let overall = councilGrades.overall;
    let judgements = splitCombinedJudgement(councilGrades.judgements, text, date);
    if (kind?.kind === 'adoption_agency' || kind?.kind === 'fostering_agency') {
      // The agency's own grade is the inspection's overall grade (RECORDS.md).
      const j = judgements[0]!;
      overall ??= { grade: j.grade, span: j.span, rule: `${kind.rule}:${j.rule}` };
      judgements = [];
    }
    if (kind && overall && hasNoOverallGrade(kind.kind)) {
      // A joint area review graded areas, never the whole service: a grade read as overall
      // is some other area's, so it is left out rather than guessed.
      warnings.push({ text: `${name}: the overall grade left out, a ${kind.kind.replace(/_/g, ' ')} gives none`, span: overall.span, rule: 'grade.no_overall_for_kind' });
      overall = null;
    }
    const isAbout = (sentence: number) => focus[sentence]!.about.includes(name);
    inspections.push({
      council: { name, code: councilCode(name, mentions) },
      inspection: {
        inspectorate: kind?.inspectorate ?? null,
        framework: kind ? inspectionFramework(text, kind.kind, date) : null,
        kind: kind?.kind ?? null,
        period: inspectionPeriod(about),
      },
      overall,
      previous: councilGrades.previous,
      judgements,
      ...councilFindings(findingContext, isAbout),
    });
  }
  return { inspections, tallies, warnings };
}

/**
 * ILACS has graded care leavers apart from children in care since 2023: the combined
 * judgement is two when the article counts four areas or dates itself from 2024.
 */
function splitCombinedJudgement(judgements: Judgement[], text: string, date: ArticleDate | null): Judgement[] {
  if (!((date && date.year >= 2024) || FOUR_AREAS.test(text))) return judgements;
  if (judgements.some((k) => k.area === 'care_leavers')) return judgements;
  return judgements.flatMap((j) => (j.rule.endsWith(areaVocab.combinedUntil2023) ? [j, { ...j, area: 'care_leavers' as const }] : [j]));
}

/** Gives the sentences before the first council is named to `name`. */
function backfillOpening(focus: Array<{ about: string[] }>, name: string): void {
  for (const f of focus) {
    if (f.about.length > 0) break;
    f.about = [name];
  }
}

/** The opening sentences where an article says what it reports. */
const OPENING_SENTENCES = 3;
/** Words that report an inspection that took place (not one "due to be inspected"). */
const INSPECTION_HELD = new RegExp(gradeContext.inspectionHeld, 'i');

/** The article opens on an annual performance assessment or rating and reports no inspection. */
function aboutAnnualRating(doc: ArticleDocument): boolean {
  const opening = doc.sentences.slice(0, OPENING_SENTENCES).map((s) => doc.text.slice(s.start, s.end));
  return opening.some((s) => NOT_INSPECTION.test(s)) && !INSPECTION_HELD.test(doc.text);
}

/**
 * The headline and any standfirst: the paragraphs before the body's first sentence, which
 * end without a full stop (a headline may end with a quotation: "… find ‘serious
 * failures’").
 */
function headlineEnd(doc: ArticleDocument): number {
  let end = 0;
  for (const p of doc.paragraphs.slice(0, -1)) {
    if (ENDS_SENTENCE.test(doc.text.slice(p.start, p.end))) break;
    end = p.end;
  }
  return end;
}

function councilCode(name: string, mentions: CouncilMention[]): string {
  return mentions.find((m) => m.council.name === name)?.council.code ?? gazetteer.councils.find((c) => c.name === name)!.code;
}

function truncationWarning(doc: ArticleDocument): Warning[] {
  const last = doc.sentences[doc.sentences.length - 1]!;
  if (ENDS_CLEANLY.test(doc.text.slice(last.start, last.end))) return [];
  return [{ text: 'the text ends mid-sentence; its last sentence was not used for findings', span: [last.start, last.end], rule: 'text.truncated' }];
}
