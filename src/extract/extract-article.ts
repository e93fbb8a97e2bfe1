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
import { findGradeMentions } from './grade-mentions.js';
import { inspectionFramework, inspectionKind, inspectionPeriod, PENDING_RESULT } from './inspection-kind.js';
import { resolveGrades } from './resolve-grades.js';
import { paragraphsOf, quotationsOf, sentencesOf, type Sentence } from './sentences.js';
import { attributeQuotations, type Attribution } from './speakers.js';
import { findingUnits, type FindingUnit } from './finding-units.js';
import { onlyStatesGrade, toneOf } from './finding-tone.js';
import { findTallies } from './tallies.js';
import type { ArticleContext, Extraction, InspectionDraft } from './types.js';
import gazetteer from '../vocab/councils.json' with { type: 'json' };

const CODE_OF = new Map<string, string>();

/** Ends mid-sentence: a paywalled page that stops mid-word. */
const ENDS_CLEANLY = /[.!?"”’')\]:]\s*$/;
const PRESENT = /\b(?:now|is|are|has|have|continues?|remains?|today)\b/i;

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
  const referenceYear = date?.year ?? (years.length ? Math.max(...years) : null);

  const mentions = findCouncilMentions(text, context.published, (offset) => sentences[sentenceIndexAt(offset)]!);
  for (const m of mentions) CODE_OF.set(m.council.name, m.council.code);
  const mentionsBySentence: CouncilMention[][] = sentences.map(() => []);
  for (const m of mentions) mentionsBySentence[sentenceIndexAt(m.start)]!.push(m);

  // Grades, with the focus over every named council.
  const firstFocus = sentenceFocus(text, sentences, mentionsBySentence, null);
  const assertions: GradeAssertion[] = [];
  let lastGrade: GradeMention | null = null;
  let pending: { grades: GradeMention[]; until: number } | null = null;
  sentences.forEach((s, i) => {
    const result = gradeAssertions({ text, start: s.start, end: s.end, mentions: mentionsBySentence[i]!, focus: firstFocus[i]!.about }, referenceYear, lastGrade);
    // "Three councils rated good … Stockport, Merton and Central Bedfordshire all received the positive ratings."
    const named = firstFocus[i]!.named;
    if (pending && i <= pending.until && named.length >= 2 && result.assertions.length === 0) {
      for (const g of pending.grades) assertions.push({ councils: named, area: null, role: 'current', grade: g.grade, start: g.start, end: g.end, rule: `overall.list_after_count:${g.rule}`, when: null, fromFocus: false });
      pending = null;
    }
    if (result.pending.length > 0) pending = { grades: result.pending, until: i + 2 };
    assertions.push(...result.assertions);
    const graded = findGradeMentions(text.slice(s.start, s.end), s.start);
    if (graded.length > 0) lastGrade = graded[graded.length - 1]!;
  });

  // Which councils the article reports an inspection of.
  const pendingResult = PENDING_RESULT.test(text);
  const named = [...new Set(mentions.map((m) => m.council.name))].sort();
  const aboutText = (focus: Array<{ about: string[] }>, name: string) =>
    sentences.filter((_, i) => focus[i]!.about.includes(name)).map((s) => text.slice(s.start, s.end)).join('\n');
  const inspected = new Set<string>();
  for (const name of named) {
    const current = assertions.some((a) => a.role === 'current' && a.councils.includes(name));
    if (current) inspected.add(name);
    else if (!pendingResult && inspectionKind(aboutText(firstFocus, name), false, false)) inspected.add(name);
  }
  if (inspected.size === 0) return { inspections: [], tallies: findTallies(text, sentences, warnings), warnings: [...warnings, ...truncationWarning(text, sentences)] };

  // Findings and responses, with the focus over the inspected councils only.
  const focus = sentenceFocus(text, sentences, mentionsBySentence, inspected);
  const attributions = attributeQuotations(text, sentences, quotes);
  const truncated = truncationWarning(text, sentences);
  warnings.push(...truncated);
  const units = findingUnits(text, sentences, quotes, attributions);
  const gradeSpans = assertions.map((a) => ({ start: a.start, end: a.end }));
  const previousSpans = assertions.filter((a) => a.role === 'previous');
  const title = paragraphs.length > 1 && !ENDS_CLEANLY.test(text.slice(paragraphs[0]!.start, paragraphs[0]!.end)) ? paragraphs[0]! : null;

  const inspections: InspectionDraft[] = [];
  for (const name of [...inspected].sort()) {
    const grades = resolveGrades(name, assertions);
    warnings.push(...grades.warnings);
    const about = aboutText(focus, name);
    const adoptionOnly = grades.overall === null && grades.judgements.length > 0 && grades.judgements.every((j) => j.area === 'adoption' || j.area === 'fostering');
    const graded = grades.overall !== null || grades.judgements.length > 0;
    const kind = inspectionKind(about, graded, adoptionOnly) ?? { kind: null, inspectorate: 'ofsted' as const, rule: '' };
    let { overall, judgements } = grades;
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
      if (truncated.length > 0 && unit.end >= text.trimEnd().length - 1 && !unit.quoted) continue;
      const ignore = [...gradeSpans, ...mentions].filter((r) => r.start >= unit.start && r.end <= unit.end).map((r) => ({ start: r.start - unit.start, end: r.end - unit.start }));
      const unitText = text.slice(unit.start, unit.end);
      if (onlyStatesGrade(unitText, ignore)) continue;
      const history = previousSpans.some((p) => p.start >= unit.start && p.end <= unit.end);
      if (history && !PRESENT.test(unitText)) continue;
      const tone = toneOf(unitText, ignore);
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
  return { inspections, tallies: findTallies(text, sentences, warnings), warnings };
}

function councilCode(name: string, mentions: CouncilMention[]): string {
  return mentions.find((m) => m.council.name === name)?.council.code ?? gazetteer.councils.find((c) => c.name === name)!.code;
}

function responseOf(text: string, unit: FindingUnit): Response {
  const start = unit.responseStart!;
  const end = unit.responseEnd!;
  return { text: text.slice(start, end), span: [start, end], rule: unit.rule, speaker: unit.speaker, role: unit.role };
}

function truncationWarning(text: string, sentences: Sentence[]): Warning[] {
  const last = sentences[sentences.length - 1]!;
  if (ENDS_CLEANLY.test(text.slice(last.start, last.end))) return [];
  return [{ text: 'the text ends mid-sentence; its last sentence was not used for findings', span: [last.start, last.end], rule: 'text.truncated' }];
}

export type { Attribution };
