import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runStream } from '../../src/pipeline/run-stream.js';
import { runExtract } from '../../src/pipeline/run-extract.js';
import { StreamRecord } from '../../src/record/schema.js';
import { folderWith, GOOD_ARTICLE, lines, readOutput, silent, tempDir } from './helpers.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

async function stream(input: string, chunk = 7) {
  const output = new Capture();
  const bytes = Buffer.from(input);
  const pieces = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
  const summary = await runStream({ input: Readable.from(pieces), output, maxBytes: 5 << 20, logger: silent, inProcess: true });
  return { summary, text: output.text };
}

const input = [
  JSON.stringify({ id: 'z-last-id', text: GOOD_ARTICLE }),
  '',
  '{"id": "broken',
  JSON.stringify({ text: 'No id: the line number gives one.' }),
  JSON.stringify({ id: 'a-first-id', html: `<p>${GOOD_ARTICLE.replace(/\n\n/g, '</p><p>')}</p>` }),
  JSON.stringify({ id: 'z-last-id', text: 'A second article with a taken id.' }),
  JSON.stringify({ id: 5, text: 'wrong type' }),
].join('\r\n');

describe('runStream (extract -)', () => {
  it('writes one valid line per input article, in input order', async () => {
    const { text, summary } = await stream(input);
    expect(text.endsWith('\n')).toBe(true);
    const records = lines(text).map((l) => StreamRecord.parse(JSON.parse(l)));
    expect(records.map((r) => [r.article.id, r.article.path, r.article.status])).toEqual([
      ['z-last-id', 'stdin#1', 'ok'],
      ['stdin#3', 'stdin#3', 'error'],
      ['stdin#4', 'stdin#4', 'no_inspection'],
      ['a-first-id', 'stdin#5', 'ok'],
      ['z-last-id', 'stdin#6', 'error'],
      ['stdin#7', 'stdin#7', 'error'],
    ]);
    expect(records[4]!.article.error).toBe('the id "z-last-id" is already taken by stdin#1.');
    expect(records[0]!.inspections.length).toBeGreaterThan(0);
    expect(summary).toMatchObject({ articles: 6, errors: 3 });
  });

  it('gives each article exactly the lines a batch run writes for it', async () => {
    const { text } = await stream(input, 1000);
    const dir = await folderWith({ 'stdin.jsonl': input });
    const outDir = await tempDir();
    await runExtract({ inputs: [dir], outDir, maxBytes: 5 << 20, logger: silent, inProcess: true });
    const batch = await readOutput(outDir);
    // The one difference: a file's lines have paths `stdin.jsonl#n`, standard input's `stdin#n`.
    batch.articles = batch.articles.replaceAll('stdin.jsonl#', 'stdin#');
    const fromStream = lines(text).map((l) => JSON.parse(l) as { article: unknown; inspections: unknown[] });
    const articleLines = fromStream.map((r) => JSON.stringify(r.article)).sort();
    expect(articleLines).toEqual(lines(batch.articles).sort());
    expect(fromStream.flatMap((r) => r.inspections.map((i) => JSON.stringify(i))).sort()).toEqual(lines(batch.inspections).sort());
  });
});
