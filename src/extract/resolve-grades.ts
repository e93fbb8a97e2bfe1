// All grade assertions about one council → its overall grade, judgements and previous
// grade. Agreeing mentions give one value (the first mention's span); disagreeing
// ones give none and a warning: a wrong grade is worse than a missing one.
import type { Area, Grade, Judgement, Warning } from '../record/schema.js';
import type { GradeAssertion } from './grade-assertions.js';

export interface ResolvedGrades {
  overall: { grade: Grade; span: [number, number]; rule: string } | null;
  previous: { grade: Grade; when: string | null; span: [number, number]; rule: string } | null;
  judgements: Judgement[];
  warnings: Warning[];
  /** The article gives this council a grade of this inspection, even if too unsure to keep. */
  graded: boolean;
}

export interface ResolveOptions {
  /** The article reports an ungraded visit (monitoring, focused) of this council. */
  ungradedVisit: boolean;
}

const distinct = (xs: GradeAssertion[]) => new Set(xs.map((x) => x.grade));
const yearOf = (when: string | null) => (when ? Number(/\d{4}/.exec(when)?.[0] ?? 0) : 0);
const asPrevious = (a: GradeAssertion): GradeAssertion => ({ ...a, role: 'previous', rule: `previous.superseded:${a.rule}` });
/** How sure we are that a mention is this inspection's grade: said to be new, named, not dated. */
const strength = (a: GradeAssertion) => (a.cued ? 2 : 0) + (a.fromFocus ? 0 : 1) - (a.dated ? 2 : 0);

export function resolveGrades(council: string, assertions: GradeAssertion[], options: ResolveOptions): ResolvedGrades {
  const warnings: Warning[] = [];
  const mine = assertions.filter((a) => a.councils.includes(council));
  const conflict = (what: string, xs: GradeAssertion[]) => {
    warnings.push({
      text: `${council}: ${what} left out, the article gives ${[...distinct(xs)].join(' and ')}`,
      span: [Math.min(...xs.map((x) => x.start)), Math.max(...xs.map((x) => x.end))], rule: 'grade.conflict',
    });
  };

  let current = mine.filter((a) => a.role === 'current' && a.area === null);
  const earlier = mine.filter((a) => a.role === 'previous' && a.area === null);
  // A grade given only with a past year ("rated good in 2022") is history, not this inspection's.
  // A monitoring visit follows an inadequate judgement: "inadequate" there is the earlier grade.
  const historyOnly = current.length > 0 && current.every((a) => a.dated);
  const monitoredInadequate = options.ungradedVisit && current.length > 0 && current.every((a) => a.grade === 'inadequate');
  if (historyOnly || monitoredInadequate) {
    earlier.push(...current.map(asPrevious));
    current = [];
  }
  let overall: ResolvedGrades['overall'] = null;
  if (current.length > 0) {
    const best = Math.max(...current.map(strength));
    const top = current.filter((a) => strength(a) === best);
    if (distinct(top).size === 1) {
      const first = top[0]!;
      overall = { grade: first.grade, span: [first.start, first.end], rule: first.rule };
      // Weaker mentions of another grade that carry a year are the earlier inspection's.
      earlier.push(...current.filter((a) => a.grade !== first.grade && a.dated).map(asPrevious));
      const rest = current.filter((a) => a.grade !== first.grade && !a.dated);
      if (rest.length > 0) warnings.push({ text: `${council}: the article also gives ${[...distinct(rest)].join(' and ')} as a grade; ${first.grade} was kept as the most clearly current`, span: [rest[0]!.start, rest[0]!.end], rule: 'grade.weaker_conflict' });
    } else conflict('the overall grade', top);
  }

  const judgements: Judgement[] = [];
  const byArea = new Map<Area, GradeAssertion[]>();
  for (const a of mine) if (a.role === 'current' && a.area && !a.dated) byArea.set(a.area, [...(byArea.get(a.area) ?? []), a]);
  for (const [area, xs] of byArea) {
    if (distinct(xs).size === 1) judgements.push({ area, grade: xs[0]!.grade, span: [xs[0]!.start, xs[0]!.end], rule: xs[0]!.rule });
    else conflict(`the ${area.replace(/_/g, ' ')} grade`, xs);
  }
  judgements.sort((a, b) => a.span[0] - b.span[0] || (a.area < b.area ? -1 : 1));

  // Previous: "from X to Y" first, then the most recent dated grade; undated ones must agree.
  let previous: ResolvedGrades['previous'] = null;
  if (earlier.length > 0) {
    const latestYear = Math.max(...earlier.map((a) => yearOf(a.when)));
    const fromTo = earlier.filter((a) => a.rule.startsWith('previous.from_to'));
    const pool = fromTo.length > 0 ? fromTo : latestYear > 0 ? earlier.filter((a) => yearOf(a.when) === latestYear) : earlier;
    if (distinct(pool).size === 1) {
      const first = pool[0]!;
      previous = { grade: first.grade, when: first.when, span: [first.start, first.end], rule: first.rule };
    } else conflict('the previous grade', pool);
  }
  const graded = overall !== null || judgements.length > 0 || warnings.some((w) => w.rule === 'grade.conflict' && !w.text.includes('previous'));
  return { overall, previous, judgements, warnings, graded };
}
