// Records → the bytes of articles.jsonl and inspections.jsonl (RECORDS.md "General rules").
import type { ArticleRecord, InspectionRecord } from '../record/schema.js';

/** JavaScript's default string order (UTF-16 code units), as RECORDS.md requires. */
export const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const compareArticles = (a: ArticleRecord, b: ArticleRecord) =>
  compareStrings(a.id, b.id) || compareStrings(a.path, b.path);

export const compareInspections = (a: InspectionRecord, b: InspectionRecord) =>
  compareStrings(a.article, b.article) || compareStrings(a.council.name, b.council.name) || compareStrings(a.id, b.id);

/** One JSONL line. Key order is the order the zod schema gave the parsed record. */
export const toJsonLine = (record: unknown) => `${JSON.stringify(record)}\n`;
