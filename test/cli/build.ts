// The compiled CLI for tests that need real worker threads (time budget, signals, exit
// codes). Built into node_modules/.cache (so packages resolve), never into dist/, which
// others may be using; one build per version of the sources, shared by the test files.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { REPO } from '../pipeline/helpers.js';

const run = promisify(execFile);
const BASE = join(REPO, 'node_modules', '.cache', 'ofsted-news-test');
let built: Promise<string> | undefined;

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else hash.update(`${relative(REPO, path)}\n`).update(await readFile(path));
    }
  };
  await walk(join(REPO, 'src'));
  for (const f of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) hash.update(await readFile(join(REPO, f)));
  return hash.digest('hex').slice(0, 16);
}

/** Path of main.js of a build of the current src/. */
export function buildCli(): Promise<string> {
  built ??= (async () => {
    const target = join(BASE, `build-${await sourceHash()}`);
    const main = join(target, 'dist', 'cli', 'main.js');
    if (await stat(main).then(() => true, () => false)) return main;
    await mkdir(BASE, { recursive: true });
    const temp = await mkdtemp(join(BASE, 'tmp-'));
    await copyFile(join(REPO, 'package.json'), join(temp, 'package.json'));
    // tsc emits even when others' work in progress has type errors; typechecking is npm test's job.
    await run(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO, 'tsconfig.build.json'), '--outDir', join(temp, 'dist')], { cwd: REPO })
      .catch((error: { stdout?: string }) => {
        if (!/error TS/.test(error.stdout ?? '')) throw error;
      });
    // Another test file may have built the same sources meanwhile: either build will do.
    await rename(temp, target).catch(() => rm(temp, { recursive: true, force: true }));
    for (const name of await readdir(BASE)) {
      if (name.startsWith('build-') && join(BASE, name) !== target) {
        const age = Date.now() - (await stat(join(BASE, name))).mtimeMs;
        if (age > 10 * 60_000) await rm(join(BASE, name), { recursive: true, force: true });
      }
    }
    return main;
  })();
  return built;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI; `onStart` gets the child (to send it signals). */
export async function runBuilt(argv: string[], options: { input?: string | Buffer; env?: Record<string, string>; onStart?: (child: ReturnType<typeof spawn>) => void } = {}): Promise<CliResult> {
  const main = await buildCli();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, ...argv], { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    options.onStart?.(child);
  });
}
