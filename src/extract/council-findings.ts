// The praise, concerns and responses of one council: the finding units about it, less
// what is not a finding (a bare grade, history, money context, a plan, a question, a
// headline, a sentence cut off by the paywall), classified by tone.
import type { Finding, Response } from '../record/schema.js';
import { yearsIn } from './article-date.js';
import type { ArticleDocument } from './document.js';
import type { FindingUnit } from './finding-units.js';
import { CONTEXT_ONLY, FUTURE_PLAN, GENERIC_SUBJECT, onlyStatesGrade, toneOf, type Tone } from './finding-tone.js';
import { NOT_INSPECTION, type GradeAssertion } from './grade-assertions.js';
import type { SpanIndex } from './span-index.js';

type Range = { start: number; end: number };

/** Everything about the article the filters need; the same for every council. */
export interface FindingContext {
  doc: ArticleDocument;
  units: FindingUnit[];
  assertions: SpanIndex<GradeAssertion>;
  /** Grade words, council names and area names: not praise or concern cues. */
  notCues: SpanIndex<Range>;
  gradeMentions: SpanIndex<Range>;
  councilMentions: SpanIndex<Range>;
  referenceYear: number | null;
  /** End of the headline and standfirst, or 0. */
  headEnd: number;
  /** Start of a last sentence cut off by the end of the text, or null. */
  truncatedFrom: number | null;
  listToneFor: (offset: number) => Tone | null;
}

export interface CouncilFindings {
  praise: Finding[];
  concerns: Finding[];
  responses: Response[];
}

const PRESENT = /\b(?:now|is|are|has|have|continues?|remains?|today|since|getting|kept)\b/i;
/** An inspection or visit dated by relative words to before this one. */
const EARLIER_INSPECTION = /\b(?:inspection|visit)\b[^.;]{0,30}\b(?:last year|(?:a|one|two|three|four|\d+) years? (?:ago|earlier|before)|the year before|the previous year)\b|\b(?:last year|(?:two|three|four) years ago)['’]s (?:inspection|visit)\b/i;
const BULLET = /^\s*(?:[-•*–·▪]|\d+[.)])\s+/;

/** Longest crosshead, in words. */
const CROSSHEAD_MAX_WORDS = 8;

function isCrosshead(ctx: FindingContext, unit: FindingUnit): boolean {
  const sentence = ctx.doc.sentences[unit.sentence];
  const paragraph = sentence && ctx.doc.paragraphs[sentence.paragraph];
  if (!paragraph) return false;
  const raw = ctx.doc.text.slice(paragraph.start, paragraph.end);
  // A list item is short and unpunctuated too, but it is a finding.
  if (BULLET.test(raw) || ctx.listToneFor(unit.start) !== null) return false;
  const line = raw.replace(/^[\s"“”‘’']+|[\s"“”‘’']+$/g, '');
  return !/[.!?…]$/.test(line) && line.split(/\s+/).length <= CROSSHEAD_MAX_WORDS;
}

/** Why a unit is no finding, or null when it may be one. */
function notAFinding(ctx: FindingContext, unit: FindingUnit, unitText: string, ignore: Range[]): string | null {
  if (unit.start < ctx.headEnd) return 'headline';
  // A sentence cut off by the end of the stored text is not an item (RECORDS.md).
  if (ctx.truncatedFrom !== null && unit.end >= ctx.truncatedFrom) return 'truncated';
  if (ctx.gradeMentions.some(unit.start, unit.end) && onlyStatesGrade(unitText, ignore)) return 'grade only';
  if (GENERIC_SUBJECT.test(unitText) && !ctx.councilMentions.some(unit.start, unit.end)) return 'councils in general';
  if (CONTEXT_ONLY.test(unitText) && unit.voice !== 'inspectorate') return 'money context';
  // A heading that introduces a list ("…should improve:") or a question (a Q&A heading).
  if (!unit.quoted && /[?:]\s*$/.test(unitText)) return 'heading';
  // A crosshead between paragraphs ("‘Not understood’"): a short line that is no sentence.
  if (isCrosshead(ctx, unit)) return 'heading';
  if (FUTURE_PLAN.test(unitText) || NOT_INSPECTION.test(unitText)) return 'plan or annual rating';
  // A sentence about an earlier inspection ("received an inadequate rating in 2014, when…").
  const history = ctx.assertions.some(unit.start, unit.end, (a) => a.role === 'previous' || a.dated)
    && !ctx.assertions.some(unit.start, unit.end, (a) => a.role === 'current' && !a.dated);
  if (history && !PRESENT.test(unitText)) return 'history';
  // "In an unannounced inspection last year, Ofsted identified…": an earlier inspection's.
  if (EARLIER_INSPECTION.test(unitText) && !PRESENT.test(unitText)) return 'history';
  // "In 2016 inspectors had found…": findings of an earlier inspection.
  const years = yearsIn(unitText).map((y) => y.year);
  if (ctx.referenceYear !== null && years.length > 0 && years.every((y) => y < ctx.referenceYear!) && !PRESENT.test(unitText)) return 'history';
  return null;
}

export function councilFindings(ctx: FindingContext, isAbout: (sentence: number) => boolean): CouncilFindings {
  const { text } = ctx.doc;
  const out: CouncilFindings = { praise: [], concerns: [], responses: [] };
  for (const unit of ctx.units) {
    if (!isAbout(unit.sentence)) continue;
    if (unit.voice === 'council') {
      if (unit.responseStart !== undefined && unit.start >= ctx.headEnd) {
        const span: [number, number] = [unit.responseStart, unit.responseEnd!];
        out.responses.push({ text: text.slice(...span), span, rule: unit.rule, speaker: unit.speaker, role: unit.role });
      }
      continue;
    }
    if (unit.voice === 'other') continue;
    const unitText = text.slice(unit.start, unit.end);
    const ignore = ctx.notCues.within(unit.start, unit.end).map((r) => ({ start: r.start - unit.start, end: r.end - unit.start }));
    if (notAFinding(ctx, unit, unitText, ignore) !== null) continue;
    // A bullet under a heading such as "Areas for improvement:" takes the heading's tone.
    const tone = ctx.listToneFor(unit.start) ?? toneOf(unitText, ignore);
    const item = { text: unitText, span: [unit.start, unit.end] as [number, number], quoted: unit.quoted, source: unit.source };
    if (tone.praise) out.praise.push({ text: item.text, span: item.span, rule: 'finding.praise_cue', quoted: item.quoted, source: item.source });
    if (tone.concern) out.concerns.push({ text: item.text, span: item.span, rule: 'finding.concern_cue', quoted: item.quoted, source: item.source });
  }
  return out;
}

/**
 * Bullet lists under a heading that ends with a colon: the heading says whether the
 * bullets are strengths or weaknesses ("Inspectors said the council should improve:").
 * Returns the tone for a unit starting at an offset, or null when it is no such bullet.
 */
export function bulletListTones(doc: ArticleDocument): (offset: number) => Tone | null {
  const tones: Array<Range & { tone: Tone }> = [];
  let heading: Tone | null = null;
  for (const p of doc.paragraphs) {
    const body = doc.text.slice(p.start, p.end);
    if (BULLET.test(body)) {
      if (heading && heading.praise !== heading.concern) tones.push({ start: p.start, end: p.end, tone: heading });
      continue;
    }
    heading = /:\s*$/.test(body) ? toneOf(body) : null;
  }
  return (offset) => tones.find((t) => offset >= t.start && offset < t.end)?.tone ?? null;
}
