import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError, loadDatasetAtRevision, loadDatasetFolder, parseDataset } from '../../src/dataset/load-dataset.js';
import { toJsonLine } from '../../src/dataset/serialise.js';
import { baseDataset, tempRepo, writeDatasetFolder } from './make-records.js';

describe('loadDatasetFolder / parseDataset', () => {
  it('reads back what extract writes', async () => {
    const dataset = baseDataset();
    const loaded = await loadDatasetFolder(await writeDatasetFolder(dataset));
    expect(loaded.articles.map((a) => a.id)).toEqual(['001_north-somerset', '002_policy']);
    expect(loaded.inspections).toEqual(dataset.inspections);
  });

  it('names the file and line of a record that does not fit the schema', () => {
    const [article] = baseDataset().articles;
    const bad = { ...article!, status: 'fine' };
    expect(() => parseDataset(toJsonLine(article) + toJsonLine(bad), '', 'out')).toThrow(/out\/articles\.jsonl line 2: status: /);
    expect(() => parseDataset('{not json\n', '', 'out')).toThrow(DatasetError);
  });

  it('refuses an id that appears twice', () => {
    const [article] = baseDataset().articles;
    expect(() => parseDataset(toJsonLine(article) + toJsonLine(article), '', 'out')).toThrow(/"001_north-somerset" appears twice/);
  });

  it('says which folder or file is missing', async () => {
    await expect(loadDatasetFolder(join(tmpdir(), 'no-such-dataset-folder'))).rejects.toThrow(/no such dataset folder: .*no-such-dataset-folder/);
    const dir = await mkdtemp(join(tmpdir(), 'ofsted-half-'));
    await writeFile(join(dir, 'articles.jsonl'), '');
    await expect(loadDatasetFolder(dir)).rejects.toThrow(/cannot read .*inspections\.jsonl/);
  });
});

describe('loadDatasetAtRevision', () => {
  it('reads the dataset committed at a revision, not the working tree', async () => {
    const { dir, git } = await tempRepo();
    await writeDatasetFolder(baseDataset('requires_improvement'), join(dir, 'output'));
    git('add', 'output');
    git('commit', '-q', '-m', 'dataset');
    await writeDatasetFolder(baseDataset('inadequate'), join(dir, 'output'));
    const { dataset, found } = await loadDatasetAtRevision('HEAD', 'output', dir);
    expect(found).toBe(true);
    expect(dataset.inspections[0]?.overall?.grade).toBe('requires_improvement');
  });

  it('gives an empty dataset when the folder is not at that revision yet', async () => {
    const { dir, git } = await tempRepo();
    await writeFile(join(dir, 'README'), 'hello\n');
    git('add', 'README');
    git('commit', '-q', '-m', 'first');
    expect(await loadDatasetAtRevision('HEAD', 'output', dir)).toEqual({ dataset: { articles: [], inspections: [] }, found: false });
  });

  it('refuses a revision git does not know, and one that looks like an option', async () => {
    const { dir } = await tempRepo();
    await expect(loadDatasetAtRevision('no-such-branch', 'output', dir)).rejects.toThrow(/not a git revision here: no-such-branch/);
    await expect(loadDatasetAtRevision('--output=/tmp/x', 'output', dir)).rejects.toThrow(DatasetError);
  });
});
