#!/usr/bin/env node
// Throughput benchmark of the built CLI (run `npm run build` first).
//
//   node scripts/bench.mjs [--n 10000] [--seed 1] [--concurrency <cores>]
//                          [--incremental [--rounds 5]] [--baseline-sample 200] [--keep]
//
// 1. Generates a synthetic corpus of N articles in a temp folder (deterministic seed):
//    news-style text from templates, with councils from src/vocab/councils.json, grades,
//    judgements, quotes from council leaders, previous grades, and page furniture
//    (bylines, captions, paywalls, job adverts, related links), plus some articles about
//    schools and policy (no inspection). Nothing is written into the repository.
// 2. Runs `dist/cli/main.js extract` on it (no cache) and prints articles/s, MB/s and the
//    child process's peak RSS (VmHWM, sampled from /proc, or the CLI's own report).
// 3. With --incremental: runs once more to fill the cache, once with nothing changed, then
//    --rounds times changing one article and rerunning; prints the median as a share of
//    the full run, and checks the output is byte-identical to a full rebuild.
// 4. Times a naive baseline on a sample: each article through compromise's
//    nlp(text).sentences() / .people() / .quotations(), and prints the speed ratio.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const BUILT = join(ROOT, 'dist/cli/main.js');
// A snapshot of dist/, so that a rebuild during the benchmark (others work in this tree)
// neither mixes code versions nor invalidates the cache between runs. It lives under
// node_modules so that the packages still resolve.
const SNAPSHOT = join(ROOT, 'node_modules/.cache/ofsted-news-bench');
const CLI = join(SNAPSHOT, 'dist/cli/main.js');

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string' },
    incremental: { type: 'boolean', default: false },
    'baseline-sample': { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
    'per-folder': { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
  },
});
const N = Number(args.n);
const PER_FOLDER = Number(args['per-folder']);
const ROUNDS = Math.max(1, Number(args.rounds));

if (!existsSync(BUILT)) {
  console.error('bench: dist/cli/main.js is missing; run `npm run build` first.');
  process.exit(2);
}
await rm(SNAPSHOT, { recursive: true, force: true });
await cp(join(ROOT, 'dist'), join(SNAPSHOT, 'dist'), { recursive: true });
await cp(join(ROOT, 'package.json'), join(SNAPSHOT, 'package.json'));

// ---- deterministic random numbers (mulberry32) ----
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(Number(args.seed));
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

const councils = JSON.parse(readFileSync(join(ROOT, 'src/vocab/councils.json'), 'utf8')).councils
  .filter((c) => c.status === 'current').map((c) => c.name);

const GRADES = [['outstanding', 'outstanding'], ['good', 'good'], ['requires improvement', 'requires improvement to be good'], ['inadequate', 'inadequate']];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'September', 'October', 'November', 'December'];
const AREAS = [
  'the experiences and progress of children who need help and protection',
  'the experiences and progress of children in care and care leavers',
  'the impact of leaders on social work practice with children and families',
];
const PRAISE = [
  'Inspectors found that social workers know their children well and visit them regularly.',
  'The report praised "strong and stable leadership" and a workforce that feels well supported.',
  'Early help services were described as "wide-ranging and effective" by inspectors.',
  'Care leavers told inspectors that their personal advisers "go the extra mile" for them.',
  'Inspectors said children are safeguarded well when they go missing from home or care.',
  'The multi-agency front door was found to respond swiftly when children are at risk.',
];
const CONCERNS = [
  'However, inspectors found that too many children wait too long for assessments to be completed.',
  'The report said that management oversight of frontline practice is "inconsistent" in some teams.',
  'Inspectors raised concerns that caseloads remain too high in the assessment teams.',
  'Some care plans were described as "not specific enough" about what needs to change for children.',
  'Inspectors also said that the quality of supervision varies too much across the service.',
];
const SPEAKERS = [
  ['Councillor Jane Smith', 'cabinet member for children and families'],
  ['Sarah Brown', 'director of children\'s services'],
  ['Mark Taylor', 'leader of the council'],
  ['Anita Patel', 'executive director for children, families and education'],
];
const RESPONSES = [
  'We are delighted that inspectors have recognised the hard work of our staff and partners.',
  'We accept the findings in full and have already begun to act on the recommendations.',
  'This is a fantastic result for the children and young people we work with every day.',
  'We know there is more to do, and we are determined to make the improvements quickly.',
];
const FILLER = [
  'The inspection took place over three weeks and looked at the work of the council and its partners.',
  'The council has invested an extra £4m in children\'s social care over the past two years.',
  'Demand for children\'s services has risen sharply across the region since the pandemic.',
  'The number of children in care in the area has grown by a fifth in five years.',
  'Recruitment and retention of experienced social workers remains a challenge, the report notes.',
  'Partners in health and the police were also credited with improving joint working.',
];
const FURNITURE_HEAD = [
  () => `News\n\n`,
  () => `By ${pick(['Derren Hayes', 'Joe Lepper', 'Priya Lal', 'Fiona Simpson'])}\n${pick(['Monday', 'Tuesday', 'Friday'])}, ${pick(MONTHS)} ${int(1, 28)}, ${int(2014, 2024)}\n\n`,
  () => `${int(2, 6)} min read\n\n`,
  () => '',
];
const FURNITURE_TAIL = [
  () => `\n\nRegister Now to Continue Reading\n\nThank you for visiting Children & Young People Now. Why not register today and enjoy the following great benefits:\n\nWhat's Included\n\n  • Free access to 4 subscriber-only articles per month\n\nRegister\n\nAlready have an account? Sign in here`,
  () => `\n\nMore like this\n\n${pick(['Child Protection Chair', 'Data and Performance Analyst', 'Senior Social Worker'])}\n\n${pick(['Leeds', 'Newcastle upon Tyne (Tyne and Wear)', 'Hertfordshire'])}`,
  () => `\n\nShare this article\n\nFacebook Twitter LinkedIn Email`,
  () => '',
];

function inspectionArticle() {
  const main = pick(councils);
  const [gradeWord, gradePhrase] = pick(GRADES);
  const month = pick(MONTHS);
  const year = int(2014, 2024);
  const paras = [];
  paras.push(pick([
    `${main} children's services rated '${gradeWord}' by Ofsted`,
    `Ofsted judges ${main} children's services ${gradeWord}`,
    `${main} council's children's services found to be ${gradeWord}`,
  ]));
  paras.push(`Children's services at ${main} Council have been rated "${gradePhrase}" by Ofsted following an inspection in ${month} ${year}.`);
  if (chance(0.5)) paras.push(`The council had previously been rated ${pick(GRADES)[0]} when it was last inspected in ${int(2010, year - 1)}.`);
  if (chance(0.7)) paras.push(`Inspectors judged ${pick(AREAS)} to be ${pick(GRADES)[0]}, while ${pick(AREAS)} was rated ${pick(GRADES)[0]}.`);
  for (let i = int(2, 5); i > 0; i--) paras.push(chance(0.6) ? pick(PRAISE) : pick(CONCERNS));
  for (let i = int(1, 3); i > 0; i--) paras.push(pick(FILLER));
  const [speaker, role] = pick(SPEAKERS);
  paras.push(`${speaker}, ${role} at ${main} Council, said: "${pick(RESPONSES)} ${pick(RESPONSES)}"`);
  if (chance(0.3)) {
    const other = pick(councils);
    paras.push(`Meanwhile, ${other} was rated ${pick(GRADES)[0]} after its own inspection in ${pick(MONTHS)}.`);
  }
  return paras;
}

function otherArticle() {
  const place = pick(councils);
  return [
    pick([`School in ${place} rated good by Ofsted`, `Children's home in ${place} told to improve`, `${place} sets out plans for early help`]),
    `A ${pick(['primary school', 'nursery', 'children\'s home'])} in ${place} has been told by Ofsted that it ${pick(['is good', 'requires improvement', 'is inadequate'])}.`,
    pick(FILLER), pick(FILLER),
    `The ${pick(['headteacher', 'manager'])} said: "${pick(RESPONSES)}"`,
  ];
}

function article(i) {
  const paras = chance(0.8) ? inspectionArticle() : otherArticle();
  const [title, ...body] = paras;
  const head = pick(FURNITURE_HEAD)();
  const caption = chance(0.3) ? `\n\n${title}. Picture: Adobe Stock` : '';
  const text = `${title}\n\n${head}${body.join('\n\n')}${caption}${pick(FURNITURE_TAIL)()}\n`;
  return { name: `${String(i).padStart(6, '0')}_${createHash('sha1').update(text).digest('hex').slice(0, 10)}.txt`, text };
}

async function generate(dir) {
  const names = [];
  let bytes = 0;
  for (let i = 0; i < N; i++) {
    const { name, text } = article(i);
    const folder = join(dir, `part-${String(Math.floor(i / PER_FOLDER)).padStart(3, '0')}`);
    if (i % PER_FOLDER === 0) await mkdir(folder, { recursive: true });
    await writeFile(join(folder, name), text);
    names.push(join(folder, name));
    bytes += Buffer.byteLength(text);
  }
  return { names, bytes };
}

// ---- running the CLI, with the child's peak RSS ----
function runCli(argv) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let hwmKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
      } catch { /* not on Linux, or already gone */ }
    };
    const timer = setInterval(sample, 50);
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      const finished = stderr.split('\n').filter((l) => l.includes('"extract finished"')).map((l) => JSON.parse(l))[0];
      const rssMb = Math.max(hwmKb / 1024, finished?.peakRssMb ?? 0);
      resolve({ code, seconds, rssMb, finished, stderr });
    });
  });
}

async function sha(path) {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

async function naiveBaseline(names, sampleSize) {
  const { default: nlp } = await import('compromise');
  const sample = names.filter((_, i) => i % Math.max(1, Math.floor(names.length / sampleSize)) === 0).slice(0, sampleSize);
  const texts = await Promise.all(sample.map((n) => readFile(n, 'utf8')));
  const started = performance.now();
  let found = 0;
  for (const text of texts) {
    const doc = nlp(text);
    found += doc.sentences().length + doc.people().length + doc.quotations().length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { articles: texts.length, seconds, perSecond: texts.length / seconds, found };
}

const fmt = (n, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

const work = await mkdtemp(join(tmpdir(), 'ofsted-bench-'));
try {
  const corpus = join(work, 'corpus');
  const out = join(work, 'out');
  const cache = join(work, 'cache');
  const concurrency = args.concurrency ?? String(availableParallelism());
  console.log(`bench: generating ${fmt(N)} articles (seed ${args.seed}) in ${corpus}`);
  const t0 = performance.now();
  const { names, bytes } = await generate(corpus);
  console.log(`bench: generated ${fmt(bytes / 1e6, 1)} MB in ${fmt((performance.now() - t0) / 1000, 1)} s`);

  const common = ['--log-level', 'info', '--concurrency', concurrency];
  const full = await runCli(['extract', corpus, '--out', out, '--no-cache', ...common]);
  if (full.code !== 0) {
    console.error(`bench: extract exited ${full.code}\n${full.stderr.slice(-2000)}`);
    process.exitCode = 1;
  }
  const summary = full.finished ?? {};
  console.log(`full run (${concurrency} workers): ${fmt(N)} articles in ${fmt(full.seconds, 2)} s → ${fmt(N / full.seconds)} articles/s, ${fmt(bytes / 1e6 / full.seconds, 2)} MB/s, peak RSS ${fmt(full.rssMb)} MB`);
  console.log(`  statuses: ok ${summary.ok}, no_inspection ${summary.no_inspection}, error ${summary.errors}; output ${fmt((await stat(join(out, 'articles.jsonl'))).size / 1e6, 1)} MB + ${fmt((await stat(join(out, 'inspections.jsonl'))).size / 1e6, 1)} MB`);

  const baseline = await naiveBaseline(names, Number(args['baseline-sample']));
  console.log(`naive baseline (compromise nlp + sentences/people/quotations, 1 thread, ${baseline.articles} articles): ${fmt(baseline.perSecond, 1)} articles/s → pipeline is ${fmt((N / full.seconds) / baseline.perSecond, 1)}× faster end to end`);

  if (args.incremental) {
    // The cache is filled once; then each round changes one article (a different one each
    // time, spread over the corpus) and regenerates. The median of the rounds is the
    // figure, since a single sub-second run on a shared machine is noisy.
    const cachedArgs = ['extract', corpus, '--cache-dir', cache, ...common];
    const fill = await runCli([...cachedArgs, '--out', join(work, 'out-fill')]);
    const unchanged = await runCli([...cachedArgs, '--out', join(work, 'out-unchanged')]);
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) {
      const changed = names[Math.floor((names.length * (r + 1)) / (ROUNDS + 1))];
      await writeFile(changed, `${await readFile(changed, 'utf8')}\nInspectors said the council had acted swiftly (round ${r}).\n`);
      rounds.push(await runCli([...cachedArgs, '--out', join(work, 'out-inc')]));
    }
    const rebuild = await runCli(['extract', corpus, '--no-cache', ...common, '--out', join(work, 'out-full')]);
    const same = (await sha(join(work, 'out-inc/articles.jsonl'))) === (await sha(join(work, 'out-full/articles.jsonl')))
      && (await sha(join(work, 'out-inc/inspections.jsonl'))) === (await sha(join(work, 'out-full/inspections.jsonl')));
    const median = [...rounds].sort((a, b) => a.seconds - b.seconds)[Math.floor(rounds.length / 2)];
    const pct = (seconds) => fmt(100 * seconds / full.seconds, 1);
    console.log(`incremental: cache fill ${fmt(fill.seconds, 2)} s; nothing changed ${fmt(unchanged.seconds, 2)} s = ${pct(unchanged.seconds)} % of the full run`);
    console.log(`  after changing 1 article (median of ${ROUNDS}: ${rounds.map((x) => fmt(x.seconds, 2)).join(', ')} s): ${fmt(median.seconds, 2)} s = ${pct(median.seconds)} % of the full run (${median.finished?.cached ?? '?'} cached), peak RSS ${fmt(median.rssMb)} MB; byte-identical to a full rebuild: ${same ? 'yes' : 'NO'}`);
    if (!same || rounds.some((x) => x.code !== 0)) process.exitCode = 1;
  }
} finally {
  if (args.keep) console.log(`bench: kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
