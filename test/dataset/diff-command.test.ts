// `ofsted-news diff` through the CLI entry (runCli): options, exit codes, git revisions.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiffOptions } from '../../src/cli/commands/diff.js';
import { baseDataset, cli, clone, tempRepo, writeDatasetFolder } from './make-records.js';

async function withCwd<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return await work();
  } finally {
    process.chdir(previous);
  }
}

describe('parseDiffOptions', () => {
  it.each([
    [['a', 'b'], {}, { mode: 'folders', old: 'a', new: 'b', format: 'text' }],
    [['a', 'b'], { format: 'markdown' }, { mode: 'folders', old: 'a', new: 'b', format: 'markdown' }],
    [[], { base: 'origin/main' }, { mode: 'revision', base: 'origin/main', dir: 'output', new: 'output', format: 'text' }],
    [[], { base: 'HEAD~1', new: 'fresh', format: 'json' }, { mode: 'revision', base: 'HEAD~1', dir: 'output', new: 'fresh', format: 'json' }],
    [[], { base: 'HEAD', dir: 'data' }, { mode: 'revision', base: 'HEAD', dir: 'data', new: 'data', format: 'text' }],
  ])('%j %j', (positionals, values, expected) => {
    expect(parseDiffOptions(positionals, values)).toEqual(expected);
  });

  it.each([
    [['a'], {}, /two dataset folders/],
    [['a', 'b'], { format: 'html' }, /--format must be one of text, markdown, json/],
    [['a'], { base: 'HEAD' }, /takes no folders/],
    [['a', 'b'], { new: 'c' }, /go with --base/],
  ])('refuses %j %j', (positionals, values, message) => {
    expect(() => parseDiffOptions(positionals, values)).toThrow(message);
  });
});

describe('ofsted-news diff', () => {
  it('exits 0 and says so when nothing changed', async () => {
    const a = await writeDatasetFolder(baseDataset());
    const b = await writeDatasetFolder(baseDataset());
    const result = await cli(['diff', a, b]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('no changes');
  });

  it('exits 1 with a change, in each format', async () => {
    const a = await writeDatasetFolder(baseDataset('requires_improvement'));
    const b = await writeDatasetFolder(baseDataset('inadequate'));
    const text = await cli(['diff', a, b]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('overall: requires_improvement → inadequate');
    const json = await cli(['diff', a, b, '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).counts.value_changed).toBe(1);
    const md = await cli(['diff', '-f', 'markdown', a, b]);
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/^### Dataset diff/);
  });

  it('exits 2 for a missing folder, an invalid dataset or bad usage', async () => {
    const a = await writeDatasetFolder(baseDataset());
    expect((await cli(['diff', a, join(tmpdir(), 'missing-dataset')])).code).toBe(2);
    expect((await cli(['diff', a])).code).toBe(2);
    expect((await cli(['diff', a, a, '--format', 'yaml'])).code).toBe(2);
    const broken = clone(baseDataset()) as unknown as { articles: Array<Record<string, unknown>>; inspections: unknown[] };
    broken.articles[0]!.status = 'great';
    const bad = await writeDatasetFolder(broken as never);
    const result = await cli(['diff', a, bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/articles\.jsonl line 1: status/);
  });

  it('compares output/ at a git revision with the working tree (--base)', async () => {
    const { dir, git } = await tempRepo();
    await writeDatasetFolder(baseDataset('requires_improvement'), join(dir, 'output'));
    git('add', 'output');
    git('commit', '-q', '-m', 'dataset');
    await withCwd(dir, async () => {
      expect((await cli(['diff', '--base', 'HEAD'])).code).toBe(0);
      await writeDatasetFolder(baseDataset('inadequate'), join(dir, 'output'));
      const changed = await cli(['diff', '--base', 'HEAD', '--format', 'markdown']);
      expect(changed.code).toBe(1);
      expect(changed.stdout).toContain('**North Somerset** overall: requires\\_improvement → inadequate');
      const other = await writeDatasetFolder(baseDataset('requires_improvement'));
      expect((await cli(['diff', '--base', 'HEAD', '--new', other])).code).toBe(0);
      expect((await cli(['diff', '--base', 'no-such-rev'])).code).toBe(2);
    });
  });

  it('treats a base revision without output/ as an empty dataset, and says so', async () => {
    const { dir, git } = await tempRepo();
    git('commit', '-q', '--allow-empty', '-m', 'empty');
    await writeDatasetFolder(baseDataset(), join(dir, 'output'));
    const result = await withCwd(dir, () => cli(['diff', '--base', 'HEAD']));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('note: HEAD has no output/ dataset: every record counts as added.');
    expect(result.stdout).toContain('articles: 2 added, 0 removed, 0 changed');
  });
});
