#!/usr/bin/env node
// Runs the loader (read + clean, from the built dist/) over the dev corpus and reports
// boilerplate that leaked and body text that was lost, the way ../shared/eval/score.mjs
// counts them: a must_remove string leaks when a line of the cleaned text, normalised,
// STARTS WITH it normalised; a must_keep string is lost when the normalised text does
// not contain it.
//
//   npm run build && node scripts/check-dev-boilerplate.mjs [--corpus DIR] [--details] [--max-leaked N] [--max-lost N]
//
// Exits 0 (saying so) when the shared corpus is absent, 1 when a bound is exceeded.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const corpus = resolve(option('--corpus', join(root, '..', 'shared', 'corpus')));
const details = args.includes('--details');
const maxLeaked = Number(option('--max-leaked', Infinity));
const maxLost = Number(option('--max-lost', Infinity));

const goldPath = join(corpus, 'dev-gold.jsonl');
const devDir = join(corpus, 'dev');
if (!existsSync(goldPath) || !existsSync(devDir)) {
  console.log(`no dev corpus at ${corpus}: nothing to check`);
  process.exit(0);
}
const dist = join(root, 'dist', 'load');
if (!existsSync(join(dist, 'read-input.js'))) {
  console.error('dist/load/read-input.js is missing: run `npm run build` first');
  process.exit(2);
}
const { readInput } = await import(join(dist, 'read-input.js'));
const { cleanArticle } = await import(join(dist, 'clean-article.js'));

// The scorer's normalisation (../shared/eval/score.mjs).
const norm = (s) => String(s ?? '').toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();

const gold = readFileSync(goldPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
// Gold items may be spans into the raw file; resolve them as the scorer does.
const resolveItem = (article, x) => (x && typeof x === 'object' && Array.isArray(x.span)
  ? readFileSync(join(devDir, `${article}.txt`), 'utf8').slice(x.span[0], x.span[1]) : x);

let mustRemove = 0, leaked = 0, mustKeep = 0, lost = 0;
for (const g of gold) {
  const path = join(devDir, `${g.article}.txt`);
  if (!existsSync(path)) { console.log(`missing ${g.article}.txt`); continue; }
  const file = { absPath: path, relPath: `${g.article}.txt`, baseId: g.article, ext: 'txt' };
  const [raw] = readInput(file, readFileSync(path), { maxBytes: 5 * 1024 * 1024 });
  const clean = 'error' in raw ? { text: '', removed: [], title: null } : cleanArticle(raw);
  const lines = clean.text.split('\n').map(norm).filter(Boolean);
  const problems = [];
  for (const s of (g.must_remove ?? []).map((x) => resolveItem(g.article, x))) {
    mustRemove++;
    if (lines.some((l) => l.startsWith(norm(s)))) { leaked++; problems.push(`  LEAKED ${s}`); }
  }
  for (const s of (g.must_keep ?? []).map((x) => resolveItem(g.article, x))) {
    mustKeep++;
    if (!norm(clean.text).includes(norm(s))) { lost++; problems.push(`  LOST   ${s}`); }
  }
  if (details || problems.length) {
    console.log(`${g.article}  title=${JSON.stringify(clean.title)} section=${JSON.stringify(clean.section)} published=${clean.published}`);
    for (const p of problems) console.log(p);
    if (details) for (const r of clean.removed) console.log(`  - ${r.kind}: ${JSON.stringify(r.text.slice(0, 100))}`);
  }
}
console.log(`leaked ${leaked} of ${mustRemove} must_remove; lost ${lost} of ${mustKeep} must_keep`);
process.exit(leaked > maxLeaked || lost > maxLost ? 1 : 0);
