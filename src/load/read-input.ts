// One input file's bytes → raw articles (or the reason each could not be read). Pure: the
// caller reads the file. Dispatch by extension:
//   txt, text      plain text, decoded (BOMs, UTF-16, Windows-1252 detected)
//   md, markdown   Markdown, converted to plain text; a front matter gives title/date/url
//   html, htm      HTML, decoded honouring its declared charset; extraction comes later
//   json           one article object
//   jsonl          one article object per line; a broken line fails only itself
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import type { Warning } from '../record/schema.js';
import { decodeBytes, type Decoded } from './decode.js';
import { decodeHtmlBytes } from './html/decode-html.js';
import { markdownToText } from './markdown.js';
import { readJsonArticle, type JsonArticle } from './json-articles.js';
import { normalisePublished } from './published-date.js';
import { emptyMeta, type FailedArticle, type InputFile, type RawArticle } from './types.js';

export interface ReadOptions {
  /** A file larger than this is a failed article, unread. */
  maxBytes: number;
}

export type ReadResult = RawArticle | FailedArticle;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const lossyWarning = (encoding: string): Warning => ({
  text: `some bytes are not valid ${encoding} and were replaced with U+FFFD`,
  span: null,
  rule: 'load.lossy_decode',
});

const TEXT_EXTENSIONS = new Set(['txt', 'text']);
const MARKDOWN_EXTENSIONS = new Set(['md', 'markdown']);
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml']);

export function readInput(file: InputFile, bytes: Uint8Array, options: ReadOptions): ReadResult[] {
  const hash = sha256(bytes);
  const fail = (error: string): FailedArticle[] => [{ id: file.baseId, path: file.relPath, sha256: hash, error }];
  const ext = file.ext.toLowerCase();
  if (bytes.length > options.maxBytes) return fail(`the file is ${bytes.length} bytes, over the ${options.maxBytes}-byte limit`);
  if (bytes.length === 0) return fail('the file is empty');

  const isHtml = HTML_EXTENSIONS.has(ext);
  if (!isHtml && !TEXT_EXTENSIONS.has(ext) && !MARKDOWN_EXTENSIONS.has(ext) && ext !== 'json' && ext !== 'jsonl') {
    return fail(`files of type .${ext} are not read (txt, md, html, htm, json, jsonl are)`);
  }
  const decoded = isHtml ? decodeHtmlBytes(bytes) : decodeBytes(bytes);
  if (!decoded.ok) return fail(decoded.error);
  if (!decoded.text.trim()) return fail('the file holds only whitespace');
  const warnings = decoded.lossy ? [lossyWarning(decoded.encoding)] : [];

  if (ext === 'jsonl') return readJsonLines(file, bytes, decoded);
  if (ext === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(decoded.text);
    } catch (error) {
      return fail(`the file is not valid JSON (${(error as Error).message})`);
    }
    return [fromJson(readJsonArticle(value, 'the JSON article'), file.baseId, file.relPath, hash, warnings)];
  }
  const base = { id: file.baseId, path: file.relPath, sha256: hash, warnings };
  if (isHtml) return [{ ...base, format: 'html', content: decoded.text, meta: emptyMeta() }];
  if (MARKDOWN_EXTENSIONS.has(ext)) {
    const { text, meta } = markdownToText(decoded.text);
    const published = meta.published === null ? null : normalisePublished(meta.published);
    if (meta.published !== null && published === null) {
      warnings.push({ text: `the front matter's date "${meta.published}" is not a date the loader can read, so it is left out`, span: null, rule: 'load.unparseable_published' });
    }
    return [{ ...base, format: 'text', content: text, meta: { ...meta, published } }];
  }
  return [{ ...base, format: 'text', content: decoded.text, meta: emptyMeta() }];
}

function fromJson(article: JsonArticle, fallbackId: string, path: string, hash: string, warnings: Warning[]): ReadResult {
  const id = article.id ?? fallbackId;
  if (!article.ok) return { id, path, sha256: hash, error: article.error };
  return { id, path, sha256: hash, format: article.format, content: article.content, meta: article.meta, warnings: [...warnings, ...article.warnings] };
}

interface Line {
  number: number;
  text: string;
  bytes: Uint8Array;
}

/** The file's lines with their own bytes (for each line's sha256), terminators and BOM excluded. */
export function splitLines(bytes: Uint8Array, decoded: Extract<Decoded, { ok: true }>): Line[] {
  const encoding = decoded.encoding.toLowerCase();
  if (encoding.startsWith('utf-16')) {
    // Two-byte code units: splitting bytes at 0x0A would cut characters; re-encode each line.
    return decoded.text.split('\n').map((raw, i) => {
      const text = raw.replace(/\r$/, '');
      return { number: i + 1, text, bytes: iconv.encode(text, encoding) };
    });
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const decode = (b: Uint8Array) => (encoding === 'utf-8' ? new TextDecoder('utf-8').decode(b) : iconv.decode(Buffer.from(b), encoding));
  const lines: Line[] = [];
  let start = bom;
  for (let i = bom; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    let end = i;
    if (end > start && bytes[end - 1] === 0x0d) end--;
    const lineBytes = bytes.subarray(start, end);
    lines.push({ number: lines.length + 1, text: decode(lineBytes), bytes: lineBytes });
    start = i + 1;
  }
  return lines;
}

function readJsonLines(file: InputFile, bytes: Uint8Array, decoded: Extract<Decoded, { ok: true }>): ReadResult[] {
  const results: ReadResult[] = [];
  for (const line of splitLines(bytes, decoded)) {
    if (!line.text.trim()) continue;
    const fallbackId = `${file.baseId}#${line.number}`;
    const path = `${file.relPath}#${line.number}`;
    const hash = sha256(line.bytes);
    const warnings = line.text.includes('\uFFFD') ? [lossyWarning(decoded.encoding)] : [];
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      results.push({ id: fallbackId, path, sha256: hash, error: `line ${line.number} is not valid JSON (${(error as Error).message})` });
      continue;
    }
    results.push(fromJson(readJsonArticle(value, `line ${line.number}`), fallbackId, path, hash, warnings));
  }
  if (results.length === 0) return [{ id: file.baseId, path: file.relPath, sha256: sha256(bytes), error: 'the file holds no JSON lines' }];
  return results;
}
