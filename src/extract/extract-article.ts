// Cleaned article text → inspection drafts, tallies and warnings. Pure.
//
// 1. Split the text: paragraphs, sentences, quotations.
// 2. Find council mentions (one pass over the gazetteer alternation).
// 3. Decide what each sentence is about (focus), and what each grade is about.
// 4. Councils with a grade of this inspection, or with an ungraded visit the article
//    reports, are the inspected councils; the focus is recomputed over them only.
// 5. Per inspected council: grades, kind and framework, findings, responses.
// 6. Tallies and warnings for the article.
import type { Finding, Response, Warning } from '../record/schema.js';
import { articleDate, yearsIn } from './article-date.js';
import { findCouncilMentions, type CouncilMention } from './councils.js';
import { sentenceFocus } from './focus.js';
import { gradeAssertions, type GradeAssertion } from './grade-assertions.js';
import type { GradeMention } from './grade-mentions.js';
import { inspectionFramework, inspectionKind, inspectionPeriod, PENDING_RESULT } from './inspection-kind.js';
import { resolveGrades, type ResolvedGrades } from './resolve-grades.js';
import areaVocab from '../vocab/areas.json' with { type: 'json' };
import { paragraphsOf, quotationsOf, sentencesOf, type Sentence } from './sentences.js';
import { attributeQuotations, type Attribution } from './speakers.js';
import { findingUnits, type FindingUnit } from './finding-units.js';
import { CONTEXT_ONLY, FUTURE_PLAN, GENERIC_SUBJECT, onlyStatesGrade, toneOf } from './finding-tone.js';
import { findGradeMentions } from './grade-mentions.js';
import { findAreaMentions } from './areas.js';
import { findTallies } from './tallies.js';
import type { ArticleContext, Extraction, InspectionDraft } from './types.js';
import gazetteer from '../vocab/councils.json' with { type: 'json' };
import gradeContext from '../vocab/grade-context.json' with { type: 'json' };

const COMBINED_AREA = areaVocab.combinedUntil2023;
const FOUR_AREAS = /\b(?:all )?four (?:areas|judge?ments)\b/i;
/** Words that say a sentence is about a council's children's services, not a home or a school. */
const COUNCIL_SERVICE = /\b(?:children['’]s services|social care|the council|the authority|the local authority|the borough|the county|the department)\b/i;

/** Ends mid-sentence: a paywalled page that stops mid-word. */
const ENDS_CLEANLY = /[.!?"”’')\]:]\s*$/;
const PRESENT = /\b(?:now|is|are|has|have|continues?|remains?|today|since|getting|kept)\b/i;

export function extractArticle(text: string, context: ArticleContext): Extraction {
  const warnings: Warning[] = [];
  const paragraphs = paragraphsOf(text);
  const sentences = sentencesOf(text, paragraphs);
  if (sentences.length === 0) return { inspections: [], tallies: [], warnings };
  const quotes = quotationsOf(text, paragraphs);
  const sentenceIndexAt = (offset: number) => {
    let lo = 0, hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const date = articleDate(text, context.published);
  const years = yearsIn(text).map((y) => y.year).filter((y) => y <= (date?.year ?? 9999));
  const referenceYear = { year: date?.year ?? (years.length ? Math.max(...years) : null), dated: date !== null };

  const mentions = findCouncilMentions(text, context.published, (offset) => sentences[sentenceIndexAt(offset)]!);
  const mentionsBySentence: CouncilMention[][] = sentences.map(() => []);
  for (const m of mentions) mentionsBySentence[sentenceIndexAt(m.start)]!.push(m);

  // Grades, with the focus over every named council.
  const firstFocus = sentenceFocus(text, sentences, mentionsBySentence, null);
  const assertions: GradeAssertion[] = [];
  const gradeMentions: GradeMention[] = [];
  let lastGrade: GradeMention | null = null;
  let pending: { grades: GradeMention[]; until: number } | null = null;
  let otherService = false;
  sentences.forEach((s, i) => {
    gradeMentions.push(...findGradeMentions(text.slice(s.start, s.end), s.start));
    const result = gradeAssertions({ text, start: s.start, end: s.end, mentions: mentionsBySentence[i]!, focus: firstFocus[i]!.about }, referenceYear, lastGrade);
    // "Three councils rated good … Stockport, Merton and Central Bedfordshire all received the positive ratings."
    const named = firstFocus[i]!.named;
    if (pending && i <= pending.until && named.length >= 2 && result.assertions.length === 0) {
      for (const g of pending.grades) assertions.push({ councils: named, area: null, role: 'current', grade: g.grade, start: g.start, end: g.end, rule: `overall.list_after_count:${g.rule}`, when: null, fromFocus: false, dated: false, cued: false });
      pending = null;
    }
    if (result.pending.length > 0) pending = { grades: result.pending, until: i + 2 };
    otherService ||= result.otherService;
    assertions.push(...result.assertions);
    // "…gave the same grade to…" refers back to the last grade of this inspection.
    const current = result.assertions.filter((a) => a.role === 'current' && a.area === null);
    if (current.length > 0) lastGrade = current[current.length - 1]!;
  });

  // Grades counted in a tally ("52 were rated good") are about many councils, not the one in focus.
  const tallies = findTallies(text, sentences, warnings);
  for (let k = assertions.length - 1; k >= 0; k--) {
    const a = assertions[k]!;
    if (tallies.some((t) => a.start >= t.span[0] && a.end <= t.span[1])) assertions.splice(k, 1);
  }

  // A story about a children's home or a school names its council too: grades said of
  // "it" there are the home's, not the council's children's services.
  if (otherService) {
    for (let k = assertions.length - 1; k >= 0; k--) {
      const a = assertions[k]!;
      if (a.fromFocus && !COUNCIL_SERVICE.test(text.slice(sentences[sentenceIndexAt(a.start)]!.start, sentences[sentenceIndexAt(a.start)]!.end))) assertions.splice(k, 1);
    }
  }

  // Which councils the article reports an inspection of: a grade of this inspection, or
  // an ungraded visit (monitoring, focused, joint) with no result still awaited.
  const pendingResult = PENDING_RESULT.test(text);
  const named = [...new Set(mentions.map((m) => m.council.name))].sort();
  const aboutText = (focus: Array<{ about: string[] }>, name: string) =>
    sentences.filter((_, i) => focus[i]!.about.includes(name)).map((s) => text.slice(s.start, s.end)).join('\n');
  const resolved = new Map<string, ResolvedGrades>();
  for (const name of named) {
    const ungradedVisit = !pendingResult && inspectionKind(aboutText(firstFocus, name), false, false) !== null;
    const grades = resolveGrades(name, assertions, { ungradedVisit });
    if (grades.overall || grades.judgements.length > 0 || ungradedVisit) resolved.set(name, grades);
  }
  const inspected = new Set(resolved.keys());
  if (inspected.size === 0) return { inspections: [], tallies, warnings: [...warnings, ...truncationWarning(text, sentences)] };

  // Findings and responses, with the focus over the inspected councils only.
  const focus = sentenceFocus(text, sentences, mentionsBySentence, inspected);
  // The opening sentences before any council is named are about the article's one council.
  if (inspected.size === 1) {
    const only = [...inspected][0]!;
    for (const f of focus) {
      if (f.about.length > 0) break;
      f.about = [only];
    }
  }
  const attributions = attributeQuotations(text, sentences, quotes);
  const truncated = truncationWarning(text, sentences);
  warnings.push(...truncated);
  const units = findingUnits(text, sentences, quotes, attributions);
  // Grade words and area names are not praise or concern cues ("requires improvement", "help and protection").
  const gradeSpans = gradeMentions;
  const areaSpans = findAreaMentions(text);
  // The headline and any standfirst: the unpunctuated paragraphs before the first sentence of the body.
  let headEnd = 0;
  for (const p of paragraphs.slice(0, -1)) {
    if (ENDS_CLEANLY.test(text.slice(p.start, p.end))) break;
    headEnd = p.end;
  }
  const title = headEnd > 0 ? { end: headEnd } : null;

  const listToneFor = bulletListTones(text, paragraphs);
  const inspections: InspectionDraft[] = [];
  for (const name of [...inspected].sort()) {
    const grades = resolved.get(name)!;
    warnings.push(...grades.warnings);
    // Kind and period come from sentences about this inspection, not from history ("a 2019 re-inspection").
    const about = sentences.filter((sentence, i) => focus[i]!.about.includes(name)
      && !assertions.some((a) => a.role === 'previous' && a.start >= sentence.start && a.end <= sentence.end))
      .map((sentence) => text.slice(sentence.start, sentence.end)).join('\n');
    const adoptionOnly = grades.overall === null && grades.judgements.length > 0 && grades.judgements.every((j) => j.area === 'adoption' || j.area === 'fostering');
    const graded = grades.overall !== null || grades.judgements.length > 0;
    const kind = inspectionKind(about, graded, adoptionOnly) ?? { kind: null, inspectorate: 'ofsted' as const, rule: '' };
    let { overall, judgements } = grades;
    // ILACS has graded care leavers apart from children in care since 2023.
    // The combined judgement is two when the article counts four areas or dates itself from 2024.
    if ((date && date.year >= 2024) || FOUR_AREAS.test(text)) {
      judgements = judgements.flatMap((j) => (j.rule.endsWith(COMBINED_AREA) && !judgements.some((k) => k.area === 'care_leavers')
        ? [j, { ...j, area: 'care_leavers' as const }] : [j]));
    }
    if ((kind.kind === 'adoption_agency' || kind.kind === 'fostering_agency') && overall === null) {
      // The agency's own grade is the inspection's overall grade (RECORDS.md).
      const j = judgements[0]!;
      overall = { grade: j.grade, span: j.span, rule: `${kind.rule}:${j.rule}` };
      judgements = [];
    }
    const isAbout = (sentence: number) => focus[sentence]!.about.includes(name);
    const praise: Finding[] = [];
    const concerns: Finding[] = [];
    const responses: Response[] = [];
    for (const unit of units) {
      if (!isAbout(unit.sentence)) continue;
      if (title && unit.start < title.end) continue;
      if (unit.voice === 'council') {
        if (unit.responseStart) responses.push(responseOf(text, unit));
        continue;
      }
      if (unit.voice === 'other') continue;
      // A sentence cut off by the end of the stored text is not an item (RECORDS.md).
      if (truncated.length > 0 && unit.end >= truncated[0]!.span![0]) continue;
      const ignore = [...gradeSpans, ...mentions, ...areaSpans].filter((r) => r.start >= unit.start && r.end <= unit.end).map((r) => ({ start: r.start - unit.start, end: r.end - unit.start }));
      const unitText = text.slice(unit.start, unit.end);
      const hasGrade = gradeSpans.some((g) => g.start >= unit.start && g.end <= unit.end);
      if (hasGrade && onlyStatesGrade(unitText, ignore)) continue;
      if (GENERIC_SUBJECT.test(unitText) && !mentions.some((m) => m.start >= unit.start && m.end <= unit.end)) continue;
      if (CONTEXT_ONLY.test(unitText) && unit.voice !== 'inspectorate') continue;
      // Nor is a question (a Q&A heading), a plan for the next visit or an annual rating.
      // A heading that introduces a list ("Inspectors said the council should improve:") is not an item itself.
      if ((!unit.quoted && /[?:]\s*$/.test(unitText)) || FUTURE_PLAN.test(unitText) || NOT_INSPECTION_RE.test(unitText)) continue;
      // A sentence about an earlier inspection ("received an inadequate rating in 2014, when…") is history.
      const inUnit = (a: GradeAssertion) => a.start >= unit.start && a.end <= unit.end;
      const history = assertions.some((a) => inUnit(a) && (a.role === 'previous' || a.dated))
        && !assertions.some((a) => inUnit(a) && a.role === 'current' && !a.dated);
      if (history && !PRESENT.test(unitText)) continue;
      // "In 2016 inspectors had found…": findings of an earlier inspection are history.
      const unitYears = yearsIn(unitText).map((y) => y.year);
      if (referenceYear.year !== null && unitYears.length > 0 && unitYears.every((y) => y < referenceYear.year!) && !PRESENT.test(unitText)) continue;
      // A bullet under a heading such as "Areas for improvement:" takes the heading's tone.
      const tone = listToneFor(unit.start) ?? toneOf(unitText, ignore);
      const item = { text: unitText, span: [unit.start, unit.end] as [number, number], quoted: unit.quoted, source: unit.source };
      if (tone.praise) praise.push({ text: item.text, span: item.span, rule: 'finding.praise_cue', quoted: item.quoted, source: item.source });
      if (tone.concern) concerns.push({ text: item.text, span: item.span, rule: 'finding.concern_cue', quoted: item.quoted, source: item.source });
    }
    inspections.push({
      council: { name, code: councilCode(name, mentions) },
      inspection: {
        inspectorate: kind.kind ? kind.inspectorate : null,
        framework: kind.kind ? inspectionFramework(text, kind.kind, date) : null,
        kind: kind.kind,
        period: inspectionPeriod(about),
      },
      overall,
      previous: grades.previous,
      judgements,
      praise,
      concerns,
      responses,
    });
  }
  return { inspections, tallies, warnings };
}

function councilCode(name: string, mentions: CouncilMention[]): string {
  return mentions.find((m) => m.council.name === name)?.council.code ?? gazetteer.councils.find((c) => c.name === name)!.code;
}

function responseOf(text: string, unit: FindingUnit): Response {
  const start = unit.responseStart!;
  const end = unit.responseEnd!;
  return { text: text.slice(start, end), span: [start, end], rule: unit.rule, speaker: unit.speaker, role: unit.role };
}

const BULLET = /^\s*(?:[-•*–·▪]|\d+[.)])\s+/;
const NOT_INSPECTION_RE = new RegExp(gradeContext.notInspection, 'i');

/**
 * Bullet lists under a heading that ends with a colon: the heading says whether the
 * bullets are strengths or weaknesses ("Inspectors said the council should improve:").
 * Returns the tone for a unit starting at an offset, or null when it is no such bullet.
 */
function bulletListTones(text: string, paragraphs: Array<{ start: number; end: number }>) {
  const tones: Array<{ start: number; end: number; tone: { praise: boolean; concern: boolean } }> = [];
  let heading: { praise: boolean; concern: boolean } | null = null;
  for (const p of paragraphs) {
    const body = text.slice(p.start, p.end);
    if (BULLET.test(body)) {
      if (heading && (heading.praise !== heading.concern)) tones.push({ start: p.start, end: p.end, tone: heading });
      continue;
    }
    heading = /:\s*$/.test(body) ? toneOf(body) : null;
  }
  return (offset: number) => tones.find((t) => offset >= t.start && offset < t.end)?.tone ?? null;
}

function truncationWarning(text: string, sentences: Sentence[]): Warning[] {
  const last = sentences[sentences.length - 1]!;
  if (ENDS_CLEANLY.test(text.slice(last.start, last.end))) return [];
  return [{ text: 'the text ends mid-sentence; its last sentence was not used for findings', span: [last.start, last.end], rule: 'text.truncated' }];
}

export type { Attribution };
