// One article given as a JSON object (a .json file, or a line of a .jsonl file) → the
// loader's raw article, or the reason it cannot be one. Field types are checked, not
// coerced: a number where text should be is an error the user must see.
import { z } from 'zod';
import type { Warning } from '../record/schema.js';
import { emptyMeta, type ArticleMeta } from './types.js';
import { normalisePublished } from './published-date.js';

const OptionalString = z.string().nullable().optional();
/** The fields we read; others are ignored. */
const ArticleObject = z.looseObject({
  id: z.string().min(1, 'is empty').optional(),
  url: OptionalString,
  title: OptionalString,
  section: OptionalString,
  published: OptionalString,
  text: OptionalString,
  html: OptionalString,
});

export type JsonArticle =
  | { ok: true; id: string | null; format: 'text' | 'html'; content: string; meta: ArticleMeta; warnings: Warning[] }
  | { ok: false; id: string | null; error: string };

const typeName = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`);

/** Checks one parsed JSON value; `where` names it in messages ("the JSON article", "line 3"). */
export function readJsonArticle(value: unknown, where: string): JsonArticle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, id: null, error: `${where} is ${typeName(value)}, not an article object` };
  }
  const record = value as Record<string, unknown>;
  const ownId = typeof record.id === 'string' && record.id.length > 0 ? record.id : null;
  const parsed = ArticleObject.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const detail = field in record && issue.code === 'invalid_type' ? `is ${typeName(record[field])}, not a string` : issue.message;
    return { ok: false, id: ownId, error: `${where}: field "${field}" ${detail}` };
  }
  const article = parsed.data;
  const useText = typeof article.text === 'string';
  const content = useText ? article.text! : article.html;
  if (typeof content !== 'string') return { ok: false, id: ownId, error: `${where} has neither a "text" nor an "html" string` };
  if (!content.trim()) return { ok: false, id: ownId, error: `${where} has an empty "${useText ? 'text' : 'html'}"` };

  const warnings: Warning[] = [];
  const meta = emptyMeta();
  meta.title = article.title?.trim() || null;
  meta.section = article.section?.trim() || null;
  meta.url = article.url?.trim() || null;
  if (article.published?.trim()) {
    meta.published = normalisePublished(article.published);
    if (meta.published === null) {
      warnings.push({ text: `the published date "${article.published}" is not a date the loader can read, so it is left out`, span: null, rule: 'load.unparseable_published' });
    }
  }
  return { ok: true, id: ownId, format: useText ? 'text' : 'html', content, meta, warnings };
}
