// Markdown → plain text in the shape the boilerplate cleaner expects (one paragraph per
// line), plus what a YAML front matter says about the article. Only the markup that news
// exports use: front matter, headings, emphasis, links, images, quotes, rules, code spans.
import { emptyMeta, type ArticleMeta } from './types.js';
import { normaliseLineEndings } from './normalise-text.js';

const FRONT_MATTER = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/;
const META_KEYS: Record<string, keyof ArticleMeta> = {
  title: 'title', headline: 'title', date: 'published', published: 'published', pubdate: 'published',
  url: 'url', link: 'url', canonical: 'url', section: 'section', category: 'section',
};

/** `key: value` lines of a front matter, the keys news exports use for title, date, url and section. */
function readFrontMatter(block: string): ArticleMeta {
  const meta = emptyMeta();
  for (const line of block.split('\n')) {
    const m = /^([A-Za-z_]+)\s*:\s*(.*?)\s*$/.exec(line);
    const key = m ? META_KEYS[m[1]!.toLowerCase()] : undefined;
    if (!m || !key || meta[key] !== null) continue;
    const value = m[2]!.replace(/^(["'])(.*)\1$/, '$2').trim();
    if (value) meta[key] = value;
  }
  return meta;
}

/** Lines longer than this keep their inline markup: the lazy patterns below would be quadratic on them. */
const INLINE_MARKUP_MAX_CHARS = 10_000;

function inline(line: string): string {
  if (line.length > INLINE_MARKUP_MAX_CHARS) return line;
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images: their alt text is not article text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}

export function markdownToText(source: string): { text: string; meta: ArticleMeta } {
  let body = normaliseLineEndings(source);
  let meta = emptyMeta();
  const front = FRONT_MATTER.exec(body);
  if (front) {
    meta = readFrontMatter(front[1]!);
    body = body.slice(front[0].length);
  }
  const lines = body.split('\n').map((line) => {
    if (/^\s*\[[^\]]+\]:\s+\S+/.test(line)) return ''; // link reference definition
    if (/^\s*(?:[-*_]\s*){3,}$/.test(line) || /^\s*=+\s*$/.test(line)) return ''; // rule or setext underline
    const heading = /^\s*#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    const text = heading ? heading[1]! : line.replace(/^\s*(?:>\s?)+/, '');
    return inline(text);
  });
  return { text: lines.join('\n'), meta };
}
