// What kind of inspection the article reports for a council, under which framework,
// and when it took place, from the words of the sentences about that council.
import vocab from '../vocab/inspection-kinds.json' with { type: 'json' };
import type { Framework, InspectionKind } from '../record/schema.js';
import type { ArticleDate } from './article-date.js';

const KINDS = vocab.kinds.map((k) => ({ ...k, kind: k.kind as InspectionKind, re: new RegExp(`\\b(?:${k.pattern})`, 'i') }));
const FRAMEWORKS = vocab.frameworks.map((f) => ({ ...f, framework: f.framework as Framework, re: new RegExp(f.pattern, 'i') }));
const AGENCY_EXCLUDES = new RegExp(vocab.agencyExcludes, 'i');
export const PENDING_RESULT = new RegExp(vocab.pending, 'i');
/** A visit still to come ("will receive a monitoring inspection in around 18 months"). */
export const FUTURE_VISIT = new RegExp(vocab.future, 'i');
const CSCI = new RegExp(vocab.csci, 'i');
const PERIOD = new RegExp(vocab.period, 'i');

/** Kinds that give no overall grade (monitoring and focused visits, joint reviews). */
export const hasNoOverallGrade = (kind: InspectionKind) => KINDS.some((k) => k.kind === kind && !k.graded);

export interface KindDecision {
  kind: InspectionKind;
  inspectorate: 'ofsted' | 'csci' | 'joint';
  rule: string;
}

/**
 * The kind for a council. `graded`: the article gives this inspection an overall grade
 * or graded areas; ungraded kinds (monitoring, focused, joint) need their own words.
 */
export function inspectionKind(aboutText: string, graded: boolean, hasAdoptionGradeOnly: boolean): KindDecision | null {
  for (const k of KINDS) {
    if (k.graded !== graded) continue;
    if (!k.re.test(aboutText)) continue;
    if ((k.kind === 'adoption_agency' || k.kind === 'fostering_agency') && (!hasAdoptionGradeOnly || AGENCY_EXCLUDES.test(aboutText))) continue;
    return { kind: k.kind, inspectorate: k.inspectorate as KindDecision['inspectorate'], rule: k.id };
  }
  if (!graded) return null;
  // Graded areas and no graded kind named: a joint area review graded its areas.
  const areaGraded = KINDS.find((k) => 'gradesAreas' in k && k.gradesAreas && k.re.test(aboutText));
  if (areaGraded) return { kind: areaGraded.kind, inspectorate: areaGraded.inspectorate as KindDecision['inspectorate'], rule: areaGraded.id };
  return { kind: 'full', inspectorate: CSCI.test(aboutText) ? 'csci' : 'ofsted', rule: 'kind.graded_default' };
}

/** SIF ran from November 2013 to 2018, ILACS from 2018; 2018 itself is ambiguous. */
function frameworkByDate(date: ArticleDate): Framework | null {
  const { year, month } = date;
  if (year < 2013 || (year === 2013 && month !== null && month < 11)) return 'pre_2013';
  if (year >= 2014 && year <= 2017) return 'sif';
  if (year >= 2019) return 'ilacs';
  return null;
}

export function inspectionFramework(articleText: string, kind: InspectionKind, date: ArticleDate | null): Framework | null {
  if (kind === 'jtai') return null;
  if (kind === 'focused_visit') return 'ilacs';
  const named = FRAMEWORKS.find((f) => f.re.test(articleText));
  if (named) return named.framework;
  if (kind === 'adoption_agency' || kind === 'fostering_agency') return null;
  return date ? frameworkByDate(date) : null;
}

export function inspectionPeriod(aboutText: string): string | null {
  return PERIOD.exec(aboutText)?.[1] ?? null;
}
