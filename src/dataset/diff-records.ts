// Two datasets → a record-level diff keyed by record id (pure). Within a record each
// field is compared by its value with `span` and `rule` stripped: a different value is
// `value_changed`; the same value at another span is `span_moved`; the same value and
// span from another rule is `rule_changed`. Items of lists (praise, concerns,
// responses, judgements, warnings…) are matched by their text or area, so an inserted
// item is one `item_added`, not a cascade of changes to the items after it.
import type { ArticleRecord, InspectionRecord, Span } from '../record/schema.js';
import { compareStrings } from './serialise.js';
import type { Dataset } from './load-dataset.js';

export const CHANGE_TYPES = ['value_changed', 'span_moved', 'rule_changed', 'item_added', 'item_removed'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export interface FieldChange {
  type: ChangeType;
  /** Where in the record: "overall", "inspection.kind", "praise", "judgements". */
  field: string;
  /** For an item of a list, what matched it: its area, its text, its kind and text. */
  item?: string;
  /** The old and new value as in the records (null for an added / removed value). */
  before: unknown;
  after: unknown;
  /** A remark for a reader, e.g. where a changed article text first differs. */
  note?: string;
}

export interface RecordChange {
  id: string;
  /** A name for a person: the council for an inspection, the title for an article. */
  label: string;
  changes: FieldChange[];
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  status: ArticleRecord['status'];
  councils: string[];
  error: string | null;
}

export interface InspectionSummary {
  id: string;
  article: string;
  council: string;
  kind: string | null;
  overall: string | null;
}

export interface Side<Summary> {
  added: Summary[];
  removed: Summary[];
  changed: RecordChange[];
}

export interface DiffCounts extends Record<ChangeType, number> {
  articles_added: number;
  articles_removed: number;
  articles_changed: number;
  inspections_added: number;
  inspections_removed: number;
  inspections_changed: number;
}

export interface DatasetDiff {
  counts: DiffCounts;
  articles: Side<ArticleSummary>;
  inspections: Side<InspectionSummary>;
  /** Remarks about the comparison itself (e.g. the base revision had no dataset). */
  notes: string[];
}

export const hasChanges = (diff: DatasetDiff) =>
  diff.articles.added.length + diff.articles.removed.length + diff.articles.changed.length +
  diff.inspections.added.length + diff.inspections.removed.length + diff.inspections.changed.length > 0;

// ---- comparing values -------------------------------------------------------------

/** JSON with object keys sorted: equal values give equal strings whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => compareStrings(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

type Provenanced = { span?: Span | null; rule?: string } & Record<string, unknown>;

/** The value a person cares about: the record part without `span` and `rule`. */
function stripProvenance(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const { span: _span, rule: _rule, ...rest } = value as Provenanced;
  return rest;
}

/** Compares one value (a scalar or an object that may carry span and rule). */
function compareValue(field: string, before: unknown, after: unknown, item?: string): FieldChange[] {
  if (same(before, after)) return [];
  const at = item === undefined ? { field } : { field, item };
  if (!same(stripProvenance(before), stripProvenance(after))) return [{ type: 'value_changed', ...at, before, after }];
  const b = before as Provenanced;
  const a = after as Provenanced;
  if (!same(b.span ?? null, a.span ?? null)) return [{ type: 'span_moved', ...at, before, after }];
  return [{ type: 'rule_changed', ...at, before, after }];
}

/**
 * Compares two lists whose items are matched by `key` (the n-th item with a key in the
 * old list pairs with the n-th with that key in the new list). Unpaired items are added
 * or removed; paired ones are compared with compareValue.
 */
function compareList<T>(field: string, before: readonly T[], after: readonly T[], key: (item: T) => string): FieldChange[] {
  const unpaired = new Map<string, number[]>();
  before.forEach((item, index) => {
    const k = key(item);
    unpaired.set(k, [...(unpaired.get(k) ?? []), index]);
  });
  const paired = new Set<number>();
  const changes: FieldChange[] = [];
  const added: FieldChange[] = [];
  for (const item of after) {
    const k = key(item);
    const index = unpaired.get(k)?.shift();
    if (index === undefined) added.push({ type: 'item_added', field, item: k, before: null, after: item });
    else {
      paired.add(index);
      changes.push(...compareValue(field, before[index], item, k));
    }
  }
  const removed = before.flatMap((item, index): FieldChange[] =>
    (paired.has(index) ? [] : [{ type: 'item_removed', field, item: key(item), before: item, after: null }]));
  return [...removed, ...added, ...changes];
}

const byText = (item: { text: string }) => item.text;

/** Characters of context shown on each side of the first difference of two texts. */
const TEXT_CONTEXT = 40;

/** A changed article text: excerpts around the first difference instead of the whole text. */
function compareText(before: string, after: string): FieldChange[] {
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) { endB--; endA--; }
  const excerpt = (text: string, end: number) =>
    `${start > TEXT_CONTEXT ? '…' : ''}${text.slice(Math.max(0, start - TEXT_CONTEXT), Math.min(text.length, end + TEXT_CONTEXT))}${end + TEXT_CONTEXT < text.length ? '…' : ''}`;
  return [{
    type: 'value_changed', field: 'text', before: excerpt(before, endB), after: excerpt(after, endA),
    note: `first difference at ${start}; ${before.length} → ${after.length} characters`,
  }];
}

// ---- records ----------------------------------------------------------------------

const ARTICLE_SCALARS = ['schema', 'path', 'sha256', 'status', 'error', 'title', 'section', 'published', 'url'] as const;

export function compareArticleRecords(before: ArticleRecord, after: ArticleRecord): FieldChange[] {
  return [
    ...ARTICLE_SCALARS.flatMap((field) => compareValue(field, before[field], after[field])),
    ...compareText(before.text, after.text),
    ...compareList('councils', before.councils, after.councils, (name) => name),
    ...compareList('removed', before.removed, after.removed, (r) => `${r.kind}: ${r.text}`),
    ...compareList('tallies', before.tallies, after.tallies, (t) => canonicalJson(stripProvenance(t))),
    ...compareList('warnings', before.warnings, after.warnings, byText),
  ];
}

export function compareInspectionRecords(before: InspectionRecord, after: InspectionRecord): FieldChange[] {
  return [
    ...compareValue('schema', before.schema, after.schema),
    ...compareValue('article', before.article, after.article),
    ...compareValue('council.name', before.council.name, after.council.name),
    ...compareValue('council.code', before.council.code, after.council.code),
    ...(['inspectorate', 'framework', 'kind', 'period'] as const)
      .flatMap((field) => compareValue(`inspection.${field}`, before.inspection[field], after.inspection[field])),
    ...compareValue('overall', before.overall, after.overall),
    ...compareValue('previous', before.previous, after.previous),
    ...compareList('judgements', before.judgements, after.judgements, (j) => j.area),
    ...compareList('praise', before.praise, after.praise, byText),
    ...compareList('concerns', before.concerns, after.concerns, byText),
    ...compareList('responses', before.responses, after.responses, byText),
  ];
}

const summariseArticle = (a: ArticleRecord): ArticleSummary =>
  ({ id: a.id, title: a.title, status: a.status, councils: a.councils, error: a.error });

const summariseInspection = (i: InspectionRecord): InspectionSummary =>
  ({ id: i.id, article: i.article, council: i.council.name, kind: i.inspection.kind, overall: i.overall?.grade ?? null });

function compareSide<R extends { id: string }, S>(
  before: readonly R[], after: readonly R[], summarise: (r: R) => S, compare: (b: R, a: R) => FieldChange[], label: (r: R) => string,
): Side<S> {
  const byId = (a: R, b: R) => compareStrings(a.id, b.id);
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  const side: Side<S> = { added: [], removed: [], changed: [] };
  for (const record of [...after].sort(byId)) {
    const previous = old.get(record.id);
    if (previous === undefined) { side.added.push(summarise(record)); continue; }
    const changes = compare(previous, record);
    if (changes.length > 0) side.changed.push({ id: record.id, label: label(record), changes });
  }
  side.removed = [...before].sort(byId).filter((r) => !now.has(r.id)).map(summarise);
  return side;
}

export function diffDatasets(before: Dataset, after: Dataset, notes: string[] = []): DatasetDiff {
  const articles = compareSide(before.articles, after.articles, summariseArticle, compareArticleRecords, (a) => a.title ?? a.id);
  const inspections = compareSide(before.inspections, after.inspections, summariseInspection, compareInspectionRecords, (i) => i.council.name);
  const counts: DiffCounts = {
    articles_added: articles.added.length,
    articles_removed: articles.removed.length,
    articles_changed: articles.changed.length,
    inspections_added: inspections.added.length,
    inspections_removed: inspections.removed.length,
    inspections_changed: inspections.changed.length,
    value_changed: 0, span_moved: 0, rule_changed: 0, item_added: 0, item_removed: 0,
  };
  for (const record of [...articles.changed, ...inspections.changed]) {
    for (const change of record.changes) counts[change.type]++;
  }
  return { counts, articles, inspections, notes };
}
