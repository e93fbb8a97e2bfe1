#!/usr/bin/env node
// The regression gate: extract ../shared/corpus/dev with the built CLI, score it with
// ../shared/eval/score.mjs, and fail when any field falls below scripts/eval-floors.json.
//   npm run eval [-- --details]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared');
const dev = join(shared, 'corpus', 'dev');
const gold = join(shared, 'corpus', 'dev-gold.jsonl');
const scorer = join(shared, 'eval', 'score.mjs');
if (![dev, gold, scorer].every(existsSync)) {
  console.log(`eval skipped: the gold corpus is not here (${shared} holds it beside a checkout; a fresh clone alone has none).`);
  process.exit(0);
}

const floors = JSON.parse(readFileSync(join(root, 'scripts', 'eval-floors.json'), 'utf8'));
const out = mkdtempSync(join(tmpdir(), 'ofsted-news-eval-'));
try {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'extract', dev, '--out', out, '--quiet'], { stdio: 'inherit' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0 && run.status !== 1) {
    console.error(`eval: extract exited ${run.status}`);
    process.exit(2);
  }
  const articles = readFileSync(join(out, 'articles.jsonl'), 'utf8').split('\n').filter(Boolean).length;
  console.log(`extracted ${articles} articles in ${seconds.toFixed(2)} s (${(articles / seconds).toFixed(0)} articles/s, including start-up)`);
  const args = [scorer, '--gold', gold, '--pred', out,
    ...Object.entries(floors.min).flatMap(([k, v]) => ['--min', `${k}=${v}`]),
    ...Object.entries(floors.max).flatMap(([k, v]) => ['--max', `${k}=${v}`]),
    ...process.argv.slice(2)];
  try {
    execFileSync(process.execPath, args, { stdio: 'inherit' });
    console.log('eval: every field is at or above its floor.');
  } catch (error) {
    console.error('eval: below the pinned floors (scripts/eval-floors.json).');
    process.exit(error.status ?? 1);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
