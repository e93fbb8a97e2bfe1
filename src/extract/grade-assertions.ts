// One sentence's grade mentions → what each grade is about: which councils, the
// overall grade or an area, this inspection or an earlier one, or something that is
// not a council's children's services inspection at all (a children's home, a SEND
// area inspection, an annual rating).
import context from '../vocab/grade-context.json' with { type: 'json' };
import type { Area, Grade } from '../record/schema.js';
import areaVocab from '../vocab/areas.json' with { type: 'json' };
import { BACK_REFERENCE_RE, findAreaMentions, OVERALL_RE, type AreaMention } from './areas.js';
import { findGradeMentions, type GradeMention } from './grade-mentions.js';
import { yearsIn } from './article-date.js';
import type { CouncilMention } from './councils.js';

export type GradeRole = 'current' | 'previous';

export interface GradeAssertion {
  councils: string[];
  /** null: the overall grade. */
  area: Area | null;
  role: GradeRole;
  grade: Grade;
  start: number;
  end: number;
  rule: string;
  /** For earlier grades: when, as written ("2014", "April 2016"). */
  when: string | null;
  /** The grade's councils were not named but taken from the focus. */
  fromFocus: boolean;
  /** The clause dates the grade ("in 2022") without saying it is new ("now", "has been"). */
  dated: boolean;
  /** The clause says the grade is new: "now", "latest", "has been rated". */
  cued: boolean;
}

const re = (source: string, flags = 'i') => new RegExp(source, flags);
const PREVIOUS_BEFORE = re(context.previousBefore);
const PREVIOUS_AFTER = re(context.previousAfter);
const NOT_COUNCIL_SERVICE = re(context.notCouncilService);
/** An annual performance assessment, annual rating or star rating: no inspection (RECORDS.md). */
export const NOT_INSPECTION = re(context.notInspection);
const SAME_AS_PREVIOUS = re(context.sameAsPrevious);
const NEGATED = re(context.negated);
const STATUS = re(context.status);
const ASPIRATION = re(context.aspiration);
/** "…graded on a four-point scale from outstanding to inadequate": the scale, no grade. */
const SCALE = /\bscale\b[^.;]{0,40}\bfrom\b[^.;]*$|\b(?:grades|ratings)\s+(?:running|ranging)\s+from\b[^.;]*$/i;
/** A whole sentence "Label: grade" (or "Label – grade"), the label captured. */
const LABEL_LINE = /^\s*(?:[-•*]\s*)?([^.:;!?–—]{2,100}?)\s*(?::|\s[–—-])\s*["“‘']?$/;
/** Judgements of old frameworks outside RECORDS.md's areas ("capacity to improve", "staying safe"). */
const OTHER_JUDGEMENT = re(context.otherJudgement);
/** "When a council's services are judged inadequate, …": any council, not one. */
const GENERIC = re(context.generic);
const CURRENT_EVENT = re(context.currentEvent);
const CLAUSE_BREAK = re(context.clauseBreak, 'gi');
const LIST_GLUE = /^(?:\s*(?:,|and|&|,\s*and)\s*)+(?:the\s+)?$/;
/** "Both councils", "all received", "each rated": a grade shared by every council named; "both areas" is not. */
const PLURAL_SUBJECT = /\b(?:both|all|each)\b(?! (?:areas?|of (?:the|these) areas|judge?ments?|grades?)\b)/i;
const AREA_LINK_AFTER = /^[\s"”’']*(?:rating|grade|judge?ment|verdict)?[\s,]*(?:overall[\s,]*)?(?:(?:as well as|and also|and|plus)\s+)?(?:(?:for|on|to)\b|in\b(?!\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d)|:)/i;
const AREA_LIST_STOP = /,?\s+(?:and|while|but|whereas)\s+(?:[\w’']+\s+){0,3}?(?:judged|rated|graded|found|deemed|gave|was|were|is|are)\b/i;
const AS_WAS_AFTER = new RegExp(areaVocab.asWasAfter, 'i');
const STILL_BEFORE = re(context.stillBefore);
const CURRENT_CUE = re(context.currentCue);
/** How far after "visited" or "inspected" the visit's own year stands ("visited in January 2020"). */
const VISIT_YEAR_CHARS = 30;
/** How much of a clause around a grade is read for its cues. */
const CLAUSE_WINDOW_CHARS = 400;
/** How far after a grade a year may stand and still date it ("rated inadequate in September 2017"). */
const YEAR_AFTER_CHARS = 40;
/** Two mentions of one grade this close are one grade in apposition. */
const APPOSITION_CHARS = 40;
/** Between two grades: only "and <name>", no verb of its own. */
const ELLIPSIS = /^["”’'\s,]*(?:and|while|with)\s+[^.;:]{0,40}?["“‘']?\s*$/i;
/** "from good [at their last inspection] to requires improvement". */
const TO_AFTER = /^["”’']?[^.;"“”]{0,45}?\bto\b/i;
const PLURAL_COUNCILS = /\b(?:councils|authorities|local authorities|boroughs|departments|counties)\b/i;
const NUMBERED = /\b\d+\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b/i;

interface Clause { start: number; end: number }

function clausesOf(sentence: string): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(sentence); m; m = CLAUSE_BREAK.exec(sentence)) {
    out.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  out.push({ start: from, end: sentence.length });
  return out;
}

/** Is the grade at [start, end) of the sentence an earlier inspection's? Returns "when" too. */
/** Offsets of years that date this inspection's own visit ("inspectors visited in June 2022"). */
function currentEventYears(text: string): number[] {
  const out: number[] = [];
  const re = new RegExp(CURRENT_EVENT.source, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const near = yearsIn(text.slice(m.index, m.index + m[0].length + VISIT_YEAR_CHARS));
    out.push(...near.map((y) => m!.index + y.index));
  }
  return out;
}

function previousOf(sentence: string, clause: Clause, mention: { start: number; end: number }, reference: ReferenceYear, nextGradeAt: number, prevGradeEnd: number, firstGradeAt: number, cueFrom: number) {
  // Cues before the grade count from the clause start or the grade before it, whichever is
  // later, and not a cue that grade took for itself ("rated outstanding at its previous
  // inspection, services now require improvement": that cue dates the first grade only).
  const before = sentence.slice(Math.max(clause.start, prevGradeEnd, cueFrom), mention.start);
  const after = sentence.slice(mention.end, Math.min(clause.end, nextGradeAt));
  // "…retaining the grade it received in 2017": that year is the earlier grade's, not this one's.
  // A year dates this grade when it stands before it in its clause or just after it; one
  // further on belongs to a later phrase ("…, one rung above the verdict it was handed in 2016").
  const ownEnd = SAME_AS_PREVIOUS.test(after) ? mention.end : Math.min(clause.end, nextGradeAt, mention.end + YEAR_AFTER_CHARS);
  // …and a year just after the grade before it is that grade's ("rated RI in 2019, was found…").
  const ownFrom = prevGradeEnd > 0 ? Math.min(prevGradeEnd + YEAR_AFTER_CHARS, mention.start) : 0;
  // A year that leads the clause ("In 2017, it was rated RI and its adoption judged outstanding") dates every grade in it.
  const years = yearsIn(sentence.slice(clause.start, ownEnd)).filter((y) => y.index + clause.start >= ownFrom || y.index + clause.start < firstGradeAt);
  const nearest = [...years].sort((a, b) => Math.abs(a.index + clause.start - mention.start) - Math.abs(b.index + clause.start - mention.start))[0];
  // A year before the article's own is history; without a dateline, only a year that is
  // not the inspection's own visit ("inspectors visited in June 2022") counts.
  const clauseText = sentence.slice(clause.start, ownEnd);
  const visitYears = reference.dated ? [] : currentEventYears(clauseText);
  const earlierYear = reference.year !== null
    && years.some((y) => y.year < reference.year! && !visitYears.includes(y.index));
  // "from inadequate to good": the first is the earlier grade, the second this one.
  const fromTo = /\bfrom\s*(?:Ofsted['’]s\s+)?["“‘']?$/i.test(before) || /\bfrom\s+(?:Ofsted['’]s\s+)?(?:lowest|highest|bottom|top)\b/i.test(before.slice(-30));
  if (fromTo && TO_AFTER.test(after)) return { previous: true, rule: 'previous.from_to', when: null, years };
  if (PREVIOUS_BEFORE.test(before.replace(/\bfrom\b[^,;]*\bto\s*["“‘']?$/i, ''))) return { previous: true, rule: 'previous.cue_before', when: nearest?.phrase ?? null, years };
  // "…outstanding overall, having previously been judged good": the cue introduces the next grade.
  const cueAfter = PREVIOUS_AFTER.exec(after);
  const introducesNext = cueAfter !== null && nextGradeAt < sentence.length && mention.end + after.length === nextGradeAt
    && /^\W*(?:(?:been|being|was|were)\s+)?(?:judged|rated|graded|assessed|found to be|deemed)?\W*$/i.test(after.slice(cueAfter[0].length));
  if (cueAfter && !introducesNext) return { previous: true, rule: 'previous.cue_after', when: nearest?.phrase ?? null, years, cueEnd: mention.end + cueAfter.index + cueAfter[0].length };
  // "…social care services, which were rated good by Ofsted in 2022 and are inspected
  // separately": a dated relative clause is background, even without a dateline.
  if (/\b(?:which|that)\s+(?:were|was|had been)\s+(?:last\s+)?(?:rated|judged|graded)\s*["“‘']?$/i.test(before)
    && yearsIn(after.slice(0, YEAR_AFTER_CHARS)).length > 0) {
    return { previous: true, rule: 'previous.dated_relative_clause', when: nearest?.phrase ?? null, years };
  }
  // "judged inadequate for the first time since 2013": the year is not this grade's.
  if (earlierYear && !/^[^.;]{0,40}?\bfor the first time since\b/i.test(after)) return { previous: true, rule: 'previous.earlier_year', when: nearest?.phrase ?? null, years };
  return { previous: false, rule: '', when: null, years };
}

/**
 * "rated it inadequate, the lowest grade", "the highest grade, outstanding, for…": one
 * grade said twice is one mention, spanning both.
 */
function mentionsInOrder(mentions: GradeMention[], text: string): GradeMention[] {
  const out: GradeMention[] = [];
  for (const g of mentions) {
    const last = out[out.length - 1];
    if (last && last.grade === g.grade && g.start - last.end < APPOSITION_CHARS && !/[;.]|\b(?:while|but|and)\b/.test(text.slice(last.end, g.start))) {
      out[out.length - 1] = { ...last, end: g.end };
    } else out.push(g);
  }
  return out;
}

export interface SentenceInput {
  text: string;
  start: number;
  end: number;
  /** Council mentions inside the sentence (article offsets). */
  mentions: CouncilMention[];
  /** Councils the sentence is about when it names none. */
  focus: string[];
  /** The sentence's grade mentions, when the caller has found them already. */
  grades?: GradeMention[];
  /** The sentence's area mentions (offsets into the sentence), when the caller has found them already. */
  areas?: AreaMention[];
}

export interface SentenceGrades {
  assertions: GradeAssertion[];
  /** Grades said of several unnamed councils ("three councils rated good"), for a list that may follow. */
  pending: GradeMention[];
  /** A grade in the sentence was about something else (a children's home, a school, SEND). */
  otherService: boolean;
}

/** The year the article was written: from a date it states (`dated`), else the latest year it mentions. */
export interface ReferenceYear {
  year: number | null;
  dated: boolean;
}

export function gradeAssertions(input: SentenceInput, referenceYear: ReferenceYear, lastGrade: GradeMention | null): SentenceGrades {
  const sentence = input.text.slice(input.start, input.end);
  if (NOT_INSPECTION.test(sentence)) return { assertions: [], pending: [], otherService: false };
  const mentions = input.grades ?? findGradeMentions(sentence, input.start);
  const sameGradeCue = /\bthe same (?:grade|rating|judge?ment)\b/i.test(sentence);
  if (mentions.length === 0 && !sameGradeCue) return { assertions: [], pending: [], otherService: false };
  const areas = input.areas ?? findAreaMentions(sentence);
  const clauses = clausesOf(sentence);
  const councils = input.mentions.map((m) => ({ ...m, start: m.start - input.start, end: m.end - input.start }));
  const assertions: GradeAssertion[] = [];
  const pending: GradeMention[] = [];
  let otherService = false;

  // "gave the same grade to the impact of leaders, to help and protection…": a grade by back-reference.
  const sameGrade = /\bthe same (?:grade|rating|judge?ment)\b/i.exec(sentence);
  if (sameGrade && lastGrade && mentions.length === 0) {
    const after = areas.filter((a) => a.start > sameGrade.index);
    for (const a of after) {
      // The span is the earlier mention, the words that name the grade.
      assertions.push({ councils: input.focus, area: a.area, role: 'current', grade: lastGrade.grade, start: lastGrade.start, end: lastGrade.end, rule: `judgement.same_grade:${a.rule}`, when: null, fromFocus: true, dated: false, cued: false });
    }
  }

  const roles: GradeRole[] = [];
  /** The mention an earlier grade was read from by "from … to" (its index). */
  let fromToAt = -1;
  /** Where the cue after the previous grade ("…at its previous inspection") ends. */
  let cueFrom = 0;
  let clauseAt = 0;
  let claimedAreaEnd = 0;
  mentionsInOrder(mentions, input.text).forEach((g, k, mentions) => {
    const local = { start: g.start - input.start, end: g.end - input.start };
    // The clause around the grade, cut to a window: cues stand near their grade, and the
    // bound keeps a pathological sentence (one clause of megabytes) linear.
    while (clauseAt < clauses.length - 1 && local.start >= clauses[clauseAt]!.end) clauseAt++;
    const whole = clauses[clauseAt]!;
    const clause = { start: Math.max(whole.start, local.start - CLAUSE_WINDOW_CHARS), end: Math.min(whole.end, local.end + CLAUSE_WINDOW_CHARS) };
    const clauseText = sentence.slice(clause.start, clause.end);
    const lead = sentence.slice(clause.start, local.start);
    if (NOT_COUNCIL_SERVICE.test(clauseText)) {
      otherService = true;
      return;
    }
    if (STATUS.test(lead) || ASPIRATION.test(lead) || GENERIC.test(lead) || SCALE.test(lead)) return;
    // "Youth service: good", "Capacity to improve: good": a label line grades what it names,
    // and a service outside the areas is neither the overall grade nor a judgement.
    const label = LABEL_LINE.exec(sentence.slice(0, local.start));
    if (label && k === 0 && !OVERALL_RE.test(label[1]!) && areas.every((a) => a.end > local.start)) return;
    const nextGradeAt = mentions[k + 1] ? mentions[k + 1]!.start - input.start : sentence.length;
    const prevGradeEnd = k > 0 ? mentions[k - 1]!.end - input.start : 0;
    // "…and its capacity to improve them adequate": a judgement outside the areas.
    if (OTHER_JUDGEMENT.test(sentence.slice(Math.max(clause.start, prevGradeEnd), local.start))) return;

    // Councils: named in the clause before the grade (a list → all), else in the sentence, else the focus.
    const inClause = councils.filter((c) => c.start >= Math.max(prevGradeEnd, clause.start) && c.end <= local.start);
    let names: string[];
    let fromFocus = false;
    const listed = (group: typeof councils) => {
      if (group.length <= 1) return group.map((c) => c.council.name);
      const linked = group.every((c, i) => i === 0 || LIST_GLUE.test(sentence.slice(group[i - 1]!.end, c.start)));
      return linked || PLURAL_SUBJECT.test(sentence) ? [...new Set(group.map((c) => c.council.name))] : [group[group.length - 1]!.council.name];
    };
    const unnamedGroup = PLURAL_COUNCILS.test(lead) && NUMBERED.test(lead);
    if (inClause.length > 0) names = listed(inClause);
    else if (unnamedGroup) {
      // "Two London boroughs rated good as Wirral judged inadequate": not Wirral's grade.
      pending.push(g);
      return;
    } else if (councils.length > 0 && /^grade\.failing/.test(g.rule) && !councils.some((c) => c.end <= local.start)) {
      // "Handing failing children's services to trusts is no fix – just ask Doncaster":
      // "failing" is no grade of a council named only after it.
      return;
    } else if (councils.length > 0) {
      const before = councils.filter((c) => c.end <= local.start);
      names = PLURAL_SUBJECT.test(sentence) ? [...new Set(councils.map((c) => c.council.name))] : before.length ? [before[before.length - 1]!.council.name] : [councils[0]!.council.name];
    } else if (input.focus.length > 0 && !(PLURAL_COUNCILS.test(sentence) && NUMBERED.test(sentence))) {
      names = input.focus;
      fromFocus = true;
    } else {
      if (PLURAL_COUNCILS.test(sentence)) pending.push(g);
      return;
    }

    const firstInClause = mentions.find((m) => m.start - input.start >= whole.start)!;
    let when: ReturnType<typeof previousOf> = previousOf(sentence, clause, local, referenceYear, nextGradeAt, prevGradeEnd, firstInClause.start - input.start, cueFrom);
    cueFrom = 'cueEnd' in when && when.cueEnd !== undefined ? when.cueEnd : 0;
    // "Halton had previously been rated good and Hull adequate": the second grade shares the first's verb.
    const elided = k > 0 && ELLIPSIS.test(sentence.slice(prevGradeEnd, local.start));
    if (elided && roles[k - 1] === 'previous' && !when.previous) when = { ...when, previous: true, rule: 'previous.shared_verb', when: null };
    // "slipped from good at their last inspection to requires improvement": the grade the
    // "from" led to is this one, whatever history the words between them mention.
    if (k > 0 && fromToAt === k - 1 && when.previous && /\bto\s*["“‘']?$/i.test(sentence.slice(prevGradeEnd, local.start))) {
      when = { ...when, previous: false, rule: '', when: null };
    }
    if (when.rule === 'previous.from_to') fromToAt = k;
    const role: GradeRole = when.previous ? 'previous' : 'current';
    roles[k] = role;
    // "No area was judged inadequate", "not rated good": not a grade given.
    if (role === 'current' && NEGATED.test(lead.slice(-60))) return;
    // "…rated outstanding, retaining the grade it received in 2017": this grade, and the earlier one too.
    const tailToNext = sentence.slice(local.end, nextGradeAt);
    if (role === 'current' && SAME_AS_PREVIOUS.test(tailToNext)) {
      const year = yearsIn(tailToNext)[0]?.phrase ?? null;
      for (const name of names) assertions.push({ councils: [name], area: null, role: 'previous', grade: g.grade, start: g.start, end: g.end, rule: `previous.same_grade:${g.rule}`, when: year, fromFocus, dated: false, cued: false });
    }
    // Dated to a year before the article's own (or, undated, to any year) and not said to be new.
    const clauseYears = when.years.map((y) => y.year);
    const dated = clauseYears.length > 0 && !CURRENT_CUE.test(clauseText) && !CURRENT_EVENT.test(clauseText) && !SAME_AS_PREVIOUS.test(tailToNext)
      && !(referenceYear.dated && referenceYear.year !== null && Math.max(...clauseYears) >= referenceYear.year);
    const cued = CURRENT_CUE.test(clauseText);

    // Areas: in the clause before the grade (its subject), or after it joined by "for/in/on/:".
    // Areas an earlier grade listed after itself ("good for X, Y and Z, … inadequate") are not this one's subject.
    let areaBefore = areas.filter((a) => a.start >= Math.max(clause.start, prevGradeEnd, claimedAreaEnd) && a.end <= local.start);
    // "An inspection of safeguarding and looked after children services rated the overall
    // effectiveness of its safeguarding services as inadequate": the grade is of what
    // follows "overall effectiveness", and that of safeguarding is the overall grade.
    const overallOf = /\boverall effectiveness\b/i.exec(lead);
    if (overallOf) {
      const from = clause.start + overallOf.index;
      areaBefore = areaBefore.filter((a) => a.start >= from);
      if (areaBefore.every((a) => a.area === 'help_and_protection')) areaBefore = [];
    }
    const tail = sentence.slice(local.end, clause.end);
    // "…to be good: the impact of leaders; help and protection; …" lists its areas past the clause.
    // So does "…outstanding in all three areas assessed: the impact of leaders; …".
    const listEnd = /^[\s"”’']*(?:[^.;:"“”]{0,40}?\bareas?\b[^.;:]{0,20})?:/.test(tail) ? sentence.length : clause.end;
    // …and the list stops where a new predicate starts (", and judged help and protection to be good").
    const stop = AREA_LIST_STOP.exec(tail);
    const areaEnd = Math.min(listEnd, nextGradeAt, stop ? local.end + stop.index : Infinity);
    const areaAfter = AREA_LINK_AFTER.test(tail) || AS_WAS_AFTER.test(tail) ? areas.filter((a) => a.start >= local.end && a.start < areaEnd) : [];
    let chosen: AreaMention[] = [];
    let areaRule = '';
    // "Its previous inspection, of child protection arrangements, rated it inadequate": the
    // grade is of "it", the council; the areas named before describe the inspection.
    const ofTheCouncil = /\b(?:rated|judged|graded|found|deemed|assessed|declared) (?:it|them)(?: as| to be)?\s*["“‘']?$/i.test(lead);
    if (ofTheCouncil) {
      // no area: the overall grade
    } else if (areaAfter.length > 0) {
      claimedAreaEnd = areaAfter[areaAfter.length - 1]!.end;
      // "Leadership was judged inadequate, as was the safeguarding board": both areas.
      chosen = AS_WAS_AFTER.test(tail) ? [...areaBefore, ...areaAfter] : areaAfter;
      areaRule = 'judgement.grade_for_area';
    } else if (areaBefore.length > 0 && !OVERALL_RE.test(sentence.slice(local.end, local.end + 30))) {
      chosen = areaBefore;
      areaRule = 'judgement.area_rated';
    } else if (BACK_REFERENCE_RE.test(sentence.slice(clause.start, local.start)) && areas.some((a) => a.end <= clause.start)) {
      // "…adoption services and leadership, with inspectors rating both areas as outstanding".
      chosen = areas.filter((a) => a.end <= clause.start);
      areaRule = 'judgement.back_reference';
    }
    const overallToo = chosen.length > 0 && OVERALL_RE.test(sentence.slice(local.end, clause.end)) && areaRule === 'judgement.grade_for_area';
    if (chosen.length === 0 || overallToo) {
      const whenWritten = when.when ?? (dated ? when.years[0]!.phrase : null);
      assertions.push({ councils: names, area: null, role, grade: g.grade, start: g.start, end: g.end, rule: role === 'previous' ? `${when.rule}:${g.rule}` : `overall:${g.rule}`, when: whenWritten, fromFocus, dated, cued });
      // "still requires improvement", "rated inadequate once more": the earlier grade was the same.
      if (role === 'current' && STILL_BEFORE.test(lead) && !SAME_AS_PREVIOUS.test(tailToNext)) {
        assertions.push({ councils: names, area: null, role: 'previous', grade: g.grade, start: g.start, end: g.end, rule: `previous.still:${g.rule}`, when: null, fromFocus, dated: false, cued: false });
      }
    }
    for (const a of chosen) {
      assertions.push({ councils: names, area: a.area, role, grade: g.grade, start: g.start, end: g.end, rule: `${areaRule}:${a.rule}`, when: when.when, fromFocus, dated, cued });
    }
  });
  return { assertions, pending, otherService };
}
