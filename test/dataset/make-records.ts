// Small valid records for the dataset tests, built from a text so that spans are real.
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';
import { councilSlug, sha256 } from '../../src/record/build-records.js';
import { ArticleRecord, InspectionRecord, type Finding, type Grade, type Span } from '../../src/record/schema.js';
import type { Dataset } from '../../src/dataset/load-dataset.js';
import { compareArticles, compareInspections, toJsonLine } from '../../src/dataset/serialise.js';

/** [start, end) of the first occurrence of `part` in `text` (throws if absent). */
export function spanOf(text: string, part: string, from = 0): Span {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  return [start, start + part.length];
}

export function makeArticle(id: string, text: string, councils: string[], extra: Partial<ArticleRecord> = {}): ArticleRecord {
  return ArticleRecord.parse({
    schema: 1, id, path: `${id}.txt`, sha256: sha256(text), status: councils.length ? 'ok' : 'no_inspection', error: null,
    title: text.split('\n')[0] ?? null, section: null, published: null, url: null, text, removed: [],
    councils: [...councils].sort(), tallies: [], warnings: [], ...extra,
  });
}

export const finding = (text: string, articleText: string, rule = 'finding.praise_cue'): Finding =>
  ({ text, span: spanOf(articleText, text), rule, quoted: false, source: 'inspectors' });

export interface InspectionParts {
  overall?: { grade: Grade; word: string; rule?: string } | null;
  judgements?: Array<{ area: InspectionRecord['judgements'][number]['area']; grade: Grade; word: string }>;
  praise?: string[];
  concerns?: string[];
  responses?: Array<{ text: string; speaker: string | null }>;
}

/** An inspection of `council` reported by `article`; values point at words of its text. */
export function makeInspection(article: ArticleRecord, council: string, code: string, parts: InspectionParts = {}): InspectionRecord {
  const text = article.text;
  return InspectionRecord.parse({
    schema: 1, id: `${article.id}/${councilSlug(council)}`, article: article.id,
    council: { name: council, code },
    inspection: { inspectorate: 'ofsted', framework: null, kind: 'full', period: null },
    overall: parts.overall ? { grade: parts.overall.grade, span: spanOf(text, parts.overall.word), rule: parts.overall.rule ?? 'grade.rated_as' } : null,
    previous: null,
    judgements: (parts.judgements ?? []).map((j) => ({ area: j.area, grade: j.grade, span: spanOf(text, j.word), rule: `judgement.area_rated:area.${j.area}` })),
    praise: (parts.praise ?? []).map((p) => finding(p, text)),
    concerns: (parts.concerns ?? []).map((c) => finding(c, text, 'finding.concern_cue')),
    responses: (parts.responses ?? []).map((r) => ({ text: r.text, span: spanOf(text, r.text), rule: 'response.quote', speaker: r.speaker, role: null })),
  });
}

export const NORTH_SOMERSET_TEXT = [
  "North Somerset children's services rated inadequate",
  '',
  "Ofsted has rated North Somerset Council's children's services inadequate, down from requires improvement.",
  '',
  'Inspectors found that leaders are visible. Social workers know their children well. Staff morale is high.',
  '',
  'Inspectors said that too many children wait too long for help.',
  '',
  '"We accept the findings in full," said council leader Jane Smith.',
].join('\n');

export const NS_PRAISE = ['Inspectors found that leaders are visible.', 'Social workers know their children well.', 'Staff morale is high.'];

/** A small dataset: North Somerset (one inspection) and a no-inspection article. */
export function baseDataset(overall: Grade = 'requires_improvement'): Dataset {
  const ns = makeArticle('001_north-somerset', NORTH_SOMERSET_TEXT, ['North Somerset']);
  const other = makeArticle('002_policy', 'A policy story\n\nNo council is named here.', []);
  const word = overall === 'inadequate' ? 'inadequate' : 'requires improvement';
  return {
    articles: [ns, other],
    inspections: [makeInspection(ns, 'North Somerset', 'E06000024', {
      overall: { grade: overall, word },
      judgements: [{ area: 'leadership', grade: 'good', word: 'visible' }],
      praise: NS_PRAISE,
      concerns: ['Inspectors said that too many children wait too long for help.'],
      responses: [{ text: '"We accept the findings in full,"', speaker: 'Jane Smith' }],
    })],
  };
}

/** A deep copy to edit without touching the original. */
export const clone = <T>(value: T): T => structuredClone(value);

/**
 * Writes a dataset folder and returns its path: sorted lines as extract writes them, or
 * (`sorted: false`) in the order given.
 */
export async function writeDatasetFolder(dataset: Dataset, dir?: string, sorted = true): Promise<string> {
  const out = dir ?? await mkdtemp(join(tmpdir(), 'ofsted-dataset-'));
  await mkdir(out, { recursive: true });
  const articles = sorted ? [...dataset.articles].sort(compareArticles) : dataset.articles;
  const inspections = sorted ? [...dataset.inspections].sort(compareInspections) : dataset.inspections;
  await writeFile(join(out, 'articles.jsonl'), articles.map(toJsonLine).join(''));
  await writeFile(join(out, 'inspections.jsonl'), inspections.map(toJsonLine).join(''));
  return out;
}

/** A throwaway git repository; returns a function running git in it. */
export async function tempRepo() {
  const dir = await mkdtemp(join(tmpdir(), 'ofsted-git-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  return { dir, git };
}

export const HOSTILE_TEXT = [
  'Evil council <script>alert("text")</script> rated inadequate',
  '',
  'Inspectors said <img src=x onerror=alert(1)> the council is good at </mark></div> listening. Leaders must act faster now.',
  '',
  '"We will fix this <b>now</b>,',
  '',
  'and quickly," said the leader. Tally: 3 good & 2 inadequate.',
].join('\n');

/**
 * An article whose text, title, url, council name and rule ids are all hostile, with
 * spans that nest, cross and run over paragraphs: for the report's escaping and marks.
 */
export function hostileDataset(): Dataset {
  const text = HOSTILE_TEXT;
  const article = makeArticle('evil/<script>', text, ['Evil <img src=x onerror=alert(3)>'], {
    title: '<iframe src="https://example.org/"></iframe> Evil council',
    url: 'javascript:alert(4)',
    published: '2024-01-02',
    warnings: [{ text: 'a <warning> & "quote"', span: spanOf(text, 'listening. Leaders'), rule: 'warn."><script>alert(5)</script>' }],
    tallies: [{ scope: 'england', framework: null, total: null, counts: { good: 3, inadequate: 2 }, span: spanOf(text, '3 good & 2 inadequate'), rule: 'tally.x' }],
  });
  const praise = 'Inspectors said <img src=x onerror=alert(1)> the council is good at </mark></div> listening.';
  const concern = 'listening. Leaders must act faster now.'; // crosses the end of the praise
  const response = '"We will fix this <b>now</b>,\n\nand quickly,"';
  const record = InspectionRecord.parse({
    schema: 1, id: `${article.id}/evil`, article: article.id,
    council: { name: 'Evil <img src=x onerror=alert(3)>', code: 'E06000001' },
    inspection: { inspectorate: 'ofsted', framework: 'ilacs', kind: 'full', period: '<i>March</i>' },
    overall: { grade: 'inadequate', span: spanOf(text, 'inadequate'), rule: 'grade.<rated>' },
    previous: { grade: 'good', when: '2019 <u>', span: spanOf(text, 'good', text.indexOf('council is')), rule: 'previous.x' },
    judgements: [{ area: 'leadership', grade: 'inadequate', span: spanOf(text, 'Leaders must act'), rule: 'judgement.x' }],
    praise: [{ text: praise, span: spanOf(text, praise), rule: 'finding.praise_cue', quoted: false, source: 'inspectors' }],
    concerns: [{ text: concern, span: spanOf(text, concern), rule: 'finding.concern_cue', quoted: false, source: '<Ofsted>' }],
    responses: [{ text: response, span: spanOf(text, response), rule: 'response.x', speaker: 'Ann <O\'Neil>', role: 'leader' }],
  });
  return { articles: [article, ...baseDataset().articles], inspections: [record, ...baseDataset().inspections] };
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the CLI as main.ts does, collecting what it writes and its exit code. */
export async function cli(argv: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(argv, { stdout, stderrIsTTY: false }, stderr);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
