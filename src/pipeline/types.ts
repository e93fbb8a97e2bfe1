// Plain data passed between the pipeline's main thread and its workers. Everything here
// survives structured cloning (worker messages) and JSON (the result cache).
import type { FailedArticle, InputFile } from '../load/types.js';
import type { ArticleStatus } from '../record/schema.js';
import type { CacheRef } from '../dataset/cache.js';

/**
 * One piece of work: a whole file, or one line of a JSONL stream. The main thread lists
 * units in input order; each unit is processed on its own, under its own time budget.
 */
export type Unit =
  /** A txt/md/html/json file (or a JSONL file read whole: UTF-16, say). Read by the worker. */
  | { kind: 'file'; file: InputFile }
  /** One line of a JSONL file or of standard input; `number` counts from 1. */
  | { kind: 'line'; file: InputFile; number: number; bytes: Uint8Array }
  /** Settled by the main thread without reading (a JSONL line over the size limit, say). */
  | { kind: 'failed'; failed: FailedArticle };

/** What the main thread needs of an article to order, count and log it. */
export interface ArticleMeta {
  id: string;
  path: string;
  sha256: string;
  status: ArticleStatus;
  /** The article's `error` (status "error" only), for the log. */
  error?: string;
}

/** One article's output, already serialised (lines without their final newline). */
export interface ArticleLines extends ArticleMeta {
  /** The articles.jsonl line. */
  article: string;
  /** The inspections.jsonl lines, in output order. */
  inspections: string[];
}

/**
 * A cached article: its lines stay in the cache pack, and only where they are travels
 * between threads. The main thread copies the bytes straight into the output, so an
 * unchanged article is never parsed, cloned or held as a string.
 */
export interface StoredArticle extends ArticleMeta {
  stored: StoredLines;
}

/** An article's lines in a pack: its articles.jsonl line, then its inspections.jsonl lines, each with its newline. */
export interface StoredLines {
  pack: string;
  offset: number;
  articleBytes: number;
  inspectionsBytes: number;
}

/** An article's output, either form. */
export type ArticleOutput = ArticleLines | StoredArticle;

export const isStored = (a: ArticleOutput): a is StoredArticle => 'stored' in a;

export interface UnitOutcome {
  /** Usually one article; none for a blank JSONL line; several for a JSONL file read whole. */
  articles: ArticleOutput[];
  /** Taken from the result cache. */
  cached: boolean;
  /**
   * What the main thread stores in the new cache generation (absent: not cacheable): a
   * new result (the whole pack entry), or where an unchanged one already is (`copy`: copy
   * it into the new pack, which compacts the cache).
   */
  cacheEntry?: { key: string; entry: string } | { key: string; ref: CacheRef; copy: boolean };
}

/** What every unit needs to know besides itself. */
export interface UnitSettings {
  /** Files (and JSONL lines) larger than this are `error` lines, unread. */
  maxBytes: number;
  /** Result cache folder for this program version, or null for no cache. */
  cacheDir: string | null;
  /** The cache generation to read results from (null: none yet, every unit is a miss). */
  cacheGeneration: string | null;
  /** Identifies the program (code + vocabularies + package version); part of every cache key. */
  programVersion: string;
  /** Ignore cached results (they are still written). */
  force: boolean;
}
