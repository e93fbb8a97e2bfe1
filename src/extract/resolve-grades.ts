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
}

const distinct = (xs: GradeAssertion[]) => new Set(xs.map((x) => x.grade));
const yearOf = (when: string | null) => (when ? Number(/\d{4}/.exec(when)?.[0] ?? 0) : 0);

export function resolveGrades(council: string, assertions: GradeAssertion[]): ResolvedGrades {
  const warnings: Warning[] = [];
  const mine = assertions.filter((a) => a.councils.includes(council));
  const conflict = (what: string, xs: GradeAssertion[]) => {
    warnings.push({
      text: `${council}: ${what} left out, the article gives ${[...distinct(xs)].join(' and ')}`,
      span: [xs[0]!.start, xs[xs.length - 1]!.end], rule: 'grade.conflict',
    });
  };

  // Overall: named mentions outrank ones taken from the focus ("the council was rated…").
  let current = mine.filter((a) => a.role === 'current' && a.area === null);
  const named = current.filter((a) => !a.fromFocus);
  if (named.length > 0 && distinct(current).size > 1) current = named;
  let overall: ResolvedGrades['overall'] = null;
  if (current.length > 0) {
    if (distinct(current).size === 1) overall = { grade: current[0]!.grade, span: [current[0]!.start, current[0]!.end], rule: current[0]!.rule };
    else conflict('the overall grade', current);
  }

  const judgements: Judgement[] = [];
  const byArea = new Map<Area, GradeAssertion[]>();
  for (const a of mine) if (a.role === 'current' && a.area) byArea.set(a.area, [...(byArea.get(a.area) ?? []), a]);
  for (const [area, xs] of byArea) {
    if (distinct(xs).size === 1) judgements.push({ area, grade: xs[0]!.grade, span: [xs[0]!.start, xs[0]!.end], rule: xs[0]!.rule });
    else conflict(`the ${area.replace(/_/g, ' ')} grade`, xs);
  }
  judgements.sort((a, b) => a.span[0] - b.span[0]);

  // Previous: the most recent earlier grade the article dates; undated ones must agree.
  const earlier = mine.filter((a) => a.role === 'previous' && a.area === null);
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
  return { overall, previous, judgements, warnings };
}
