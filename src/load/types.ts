// Plain data passed between the loader's steps and on to extraction.
import type { Removed, Warning } from '../record/schema.js';

/** A file found under the run's inputs. */
export interface InputFile {
  /** Absolute path, for reading. */
  absPath: string;
  /** Path relative to the folder the run was given, `/`-separated (a lone file: its name). */
  relPath: string;
  /** relPath without its extension: the article id for one-article files. */
  baseId: string;
  /** Lower-case extension without the dot: txt, md, html, htm, json, jsonl. */
  ext: string;
}

/** Metadata an input states about itself (HTML meta tags, JSON fields). */
export interface ArticleMeta {
  title: string | null;
  section: string | null;
  published: string | null;
  url: string | null;
}

/** One article's content, decoded, before cleaning. */
export interface RawArticle {
  id: string;
  path: string;
  sha256: string;
  format: 'text' | 'html';
  content: string;
  meta: ArticleMeta;
  warnings: Warning[];
}

/** An input that could not be read: becomes an `error` line. */
export interface FailedArticle {
  id: string;
  path: string;
  sha256: string;
  error: string;
}

/** The loader's output for one article: cleaned text plus what was cut. */
export interface CleanArticle extends ArticleMeta {
  text: string;
  removed: Removed[];
  warnings: Warning[];
}

/** What the HTML main-text extractor returns before text-level boilerplate cleaning. */
export interface HtmlExtraction extends ArticleMeta {
  /** Main-content blocks in document order, each one paragraph of plain text. */
  paragraphs: string[];
  /** Page furniture the DOM pass dropped, when it is worth showing (captions, bylines…). */
  removed: Removed[];
}

export const emptyMeta = (): ArticleMeta => ({ title: null, section: null, published: null, url: null });
