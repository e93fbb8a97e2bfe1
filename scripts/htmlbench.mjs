#!/usr/bin/env node
// Runs the loader's HTML path on trafilatura's extraction benchmark (../shared/htmlbench,
// see its README) and prints precision, recall, F1 and pages per second.
//
//   npm run htmlbench [-- --engine ours|readability] [--keep DIR] [--per-page] [--only SUBSTR]
//
// Uses the BUILT code in dist/ (npm run build first). --engine readability measures
// @mozilla/readability on linkedom instead, with the same decoding, headline rule and
// block-to-text conversion, for comparison. Pages are read gzipped from the benchmark
// folder and never copied into the repository; the extracted texts go to a temporary
// folder (or --keep DIR) in the layout the benchmark's scorer expects.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = resolve(ROOT, '..', 'shared', 'htmlbench');
/** A page slower than this is reported: the extractor must stay linear-ish. */
const SLOW_PAGE_MS = 1000;
/** Crashes beyond this many are counted, not printed. */
const MAX_ERRORS_SHOWN = 3;

function parseArgs(argv) {
  const args = { engine: 'ours', keep: null, perPage: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--engine') args.engine = argv[++i];
    else if (a === '--keep') args.keep = argv[++i];
    else if (a === '--per-page') args.perPage = true;
    else if (a === '--only') args.only = argv[++i];
    else {
      console.error(`htmlbench: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!['ours', 'readability'].includes(args.engine)) {
    console.error(`htmlbench: --engine must be ours or readability`);
    process.exit(2);
  }
  return args;
}

async function importDist(rel) {
  const file = join(ROOT, 'dist', rel);
  if (!existsSync(file)) {
    console.error(`htmlbench: ${file} is missing; build first (npx tsc -p tsconfig.build.json)`);
    process.exit(1);
  }
  return import(pathToFileURL(file).href);
}

async function makeEngine(name) {
  const { decodeHtmlBytes } = await importDist('load/html/decode-html.js');
  if (name === 'ours') {
    const { extractHtml } = await importDist('load/html/extract-html.js');
    return { decodeHtmlBytes, extract: extractHtml };
  }
  const { Readability } = await import('@mozilla/readability');
  const { parseHTML } = await import('linkedom');
  const { parseHtml } = await importDist('load/html/parse.js');
  const { linearise } = await importDist('load/html/blocks.js');
  const { readMetadata } = await importDist('load/html/metadata.js');
  const { blocksToParagraphs, withHeadline } = await importDist('load/html/blocks-to-text.js');
  const extract = (html) => {
    const { meta } = readMetadata(parseHtml(html));
    const { document } = parseHTML(html);
    const article = new Readability(document).parse();
    const tree = parseHtml(article?.content ?? '');
    return { ...meta, paragraphs: withHeadline(blocksToParagraphs(linearise(tree, new Set()).blocks), meta.title).paragraphs, removed: [] };
  };
  return { decodeHtmlBytes, extract };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(join(BENCH, 'expectations.json'))) {
    console.log(`htmlbench: ${BENCH} is not here (it lives outside the repository); nothing to measure.`);
    return;
  }
  const engine = await makeEngine(args.engine);
  const out = args.keep ? resolve(args.keep) : mkdtempSync(join(tmpdir(), 'htmlbench-'));
  if (args.keep) rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const pages = readdirSync(join(BENCH, 'pages'))
    .filter((f) => f.endsWith('.gz'))
    .filter((f) => !args.only || f.includes(args.only))
    .sort();
  const slow = [];
  let failed = 0;
  let busyMs = 0;
  const started = performance.now();
  for (const gz of pages) {
    const name = gz.slice(0, -3);
    const bytes = gunzipSync(readFileSync(join(BENCH, 'pages', gz)));
    const t0 = performance.now();
    let text = null;
    try {
      const decoded = engine.decodeHtmlBytes(new Uint8Array(bytes));
      if (decoded.ok) text = engine.extract(decoded.text).paragraphs.join('\n\n');
    } catch (err) {
      if (failed < MAX_ERRORS_SHOWN) console.error(`htmlbench: ${name}: ${err?.stack ?? err}`);
    }
    const ms = performance.now() - t0;
    busyMs += ms;
    if (ms > SLOW_PAGE_MS) slow.push(`${name} (${Math.round(ms)} ms, ${Math.round(bytes.length / 1024)} KiB)`);
    if (text === null) failed++;
    else writeFileSync(join(out, `${name}.txt`), text);
  }
  const wallS = (performance.now() - started) / 1000;
  const scorerArgs = [join(BENCH, 'score.mjs'), '--extracted', out, '--json'];
  if (args.perPage) scorerArgs.push('--per-page');
  const report = JSON.parse(execFileSync(process.execPath, scorerArgs, { encoding: 'utf8', maxBuffer: 1 << 28 }));
  if (args.perPage) {
    for (const p of report.pages) {
      if (p.missedWith.length || p.foundWithout.length) {
        console.log(`${p.file}\n  missed: ${JSON.stringify(p.missedWith)}\n  unwanted: ${JSON.stringify(p.foundWithout)}`);
      }
    }
  }
  const f = (v) => v.toFixed(3);
  console.log(`engine ${args.engine}: ${pages.length} pages, ${failed} failed`);
  console.log(`tp ${report.tp}  fp ${report.fp}  fn ${report.fn}  tn ${report.tn}`);
  console.log(`precision ${f(report.precision)}  recall ${f(report.recall)}  accuracy ${f(report.accuracy)}  F1 ${f(report.f1)}`);
  console.log(`${(pages.length / (busyMs / 1000)).toFixed(1)} pages/s extracting (${wallS.toFixed(1)} s wall with reading and writing)`);
  console.log(slow.length ? `pages over ${SLOW_PAGE_MS} ms: ${slow.join(', ')}` : `no page over ${SLOW_PAGE_MS} ms`);
  if (!args.keep) rmSync(out, { recursive: true, force: true });
}

await main();
