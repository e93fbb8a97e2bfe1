// Loader and extractor output → the two record types, validated. A record that fails
// validation is a bug in this program: the article becomes an `error` line saying so,
// and no invalid line is ever written.
import type { CleanArticle, FailedArticle, RawArticle } from '../load/types.js';
import type { Extraction } from '../extract/types.js';
import {
  ArticleRecord, InspectionRecord, SCHEMA_VERSION, type Warning,
} from './schema.js';
import { checkSpans } from './check-spans.js';

export interface ArticleResult {
  article: ArticleRecord;
  inspections: InspectionRecord[];
}

/** `richmond-upon-thames`: the council part of an inspection id. */
export const councilSlug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export { sha256 } from './digest.js';

/** One sentence for the `error` field: no newlines, ends with a full stop. */
export function oneSentence(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim() || 'unknown error';
  return /[.!?]$/.test(flat) ? flat : `${flat}.`;
}

export function errorResult(failed: FailedArticle): ArticleResult {
  const article = ArticleRecord.parse({
    schema: SCHEMA_VERSION, id: failed.id, path: failed.path, sha256: failed.sha256,
    status: 'error', error: oneSentence(failed.error), title: null, section: null, published: null, url: null,
    text: '', removed: [], councils: [], tallies: [], warnings: [],
  });
  return { article, inspections: [] };
}

const byName = (a: { council: { name: string } }, b: { council: { name: string } }) =>
  (a.council.name < b.council.name ? -1 : a.council.name > b.council.name ? 1 : 0);

export function buildRecords(raw: RawArticle, clean: CleanArticle, extraction: Extraction): ArticleResult {
  const inspections = [...extraction.inspections].sort(byName).map((draft) => ({
    schema: SCHEMA_VERSION,
    id: `${raw.id}/${councilSlug(draft.council.name)}`,
    article: raw.id,
    ...draft,
  }));
  const warnings: Warning[] = [...raw.warnings, ...clean.warnings, ...extraction.warnings];
  const candidate = {
    schema: SCHEMA_VERSION, id: raw.id, path: raw.path, sha256: raw.sha256,
    status: inspections.length > 0 ? 'ok' : 'no_inspection', error: null,
    title: clean.title, section: clean.section, published: clean.published, url: clean.url,
    text: clean.text, removed: clean.removed,
    councils: inspections.map((r) => r.council.name).sort(),
    tallies: extraction.tallies, warnings,
  };
  const article = ArticleRecord.safeParse(candidate);
  const parsedInspections = inspections.map((r) => InspectionRecord.safeParse(r));
  const problems = [
    ...(article.success ? [] : [`article: ${article.error.issues[0]?.path.join('.')}: ${article.error.issues[0]?.message}`]),
    ...parsedInspections.flatMap((p, i) => (p.success ? [] : [`${inspections[i]!.id}: ${p.error.issues[0]?.path.join('.')}: ${p.error.issues[0]?.message}`])),
    ...checkSpans(clean.text, candidate.tallies, warnings, inspections),
  ];
  if (problems.length > 0 || !article.success) {
    return errorResult({ id: raw.id, path: raw.path, sha256: raw.sha256, error: `internal error, an invalid record was not written (${problems[0]})` });
  }
  return { article: article.data, inspections: parsedInspections.map((p) => p.data!) };
}
