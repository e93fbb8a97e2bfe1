// The committed dataset is what the code makes: `extract seeds` reproduces output/
// byte for byte (CI checks the same with `npm start` and `git status`).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, REPO, SEEDS } from './helpers.js';

describe('the committed dataset', () => {
  it('is exactly what extract makes from seeds/', async () => {
    const out = await extract([SEEDS]);
    expect(out.articles).toBe(await readFile(join(REPO, 'output', 'articles.jsonl'), 'utf8'));
    expect(out.inspections).toBe(await readFile(join(REPO, 'output', 'inspections.jsonl'), 'utf8'));
  });
});
