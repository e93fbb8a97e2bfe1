#!/usr/bin/env node
// Runs the built CLI over the official Ofsted report texts in ../shared/reports/text/
// (long documents, with PDF form feeds): every one must come out `ok` or `no_inspection`,
// none `error` (a time-budget error included). Prints the counts and the time.
//
//   npm run build && node scripts/reports-check.mjs [--reports <dir>] [--concurrency <n>]
//
// Says so and exits 0 when the reports folder is absent (it lives outside the repository).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({ options: { reports: { type: 'string', default: join(ROOT, '..', 'shared', 'reports', 'text') }, concurrency: { type: 'string' } } });
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

if (!existsSync(values.reports)) {
  console.log(`reports-check: ${values.reports} is not there (it is outside the repository); nothing to check.`);
  process.exit(0);
}
if (!existsSync(CLI)) {
  console.error('reports-check: dist/cli/main.js is missing; run `npm run build` first.');
  process.exit(2);
}

const out = await mkdtemp(join(tmpdir(), 'ofsted-reports-'));
try {
  const argv = [CLI, 'extract', values.reports, '--out', out, '--no-cache', '--log-level', 'warn', ...(values.concurrency ? ['--concurrency', values.concurrency] : [])];
  const started = performance.now();
  const { code, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stderr: err }));
  });
  const seconds = (performance.now() - started) / 1000;
  const articles = (await readFile(join(out, 'articles.jsonl'), 'utf8').catch(() => '')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const counts = { ok: 0, no_inspection: 0, error: 0 };
  for (const a of articles) counts[a.status]++;
  console.log(`reports-check: ${articles.length} reports in ${seconds.toFixed(1)} s (${(articles.length / seconds).toFixed(1)}/s): ok ${counts.ok}, no_inspection ${counts.no_inspection}, error ${counts.error}`);
  for (const a of articles.filter((x) => x.status === 'error')) console.log(`  error ${a.path}: ${a.error}`);
  if (code !== 0 && code !== 1) {
    console.error(`reports-check: extract exited ${code}\n${stderr.slice(-2000)}`);
    process.exitCode = 2;
  } else {
    process.exitCode = counts.error > 0 || articles.length === 0 ? 1 : 0;
  }
} finally {
  await rm(out, { recursive: true, force: true });
}
