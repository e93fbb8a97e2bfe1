// What "the same program" means for the result cache: the package version, the output
// schema version, and the bytes of every code and vocabulary file of the running program
// (dist/**/*.js and *.json when built, src/**/*.ts and *.json under vitest). Hashing all
// of them is cruder than tracking which rule changed, but it can never miss a change.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_VERSION } from '../record/schema.js';

/** The folder holding this program's code: dist/ or src/. */
export const codeRoot = () => dirname(dirname(fileURLToPath(import.meta.url)));

/** The package folder (where package.json and node_modules are). */
export const packageRoot = () => dirname(codeRoot());

const CODE_FILE = /\.(?:js|mjs|cjs|ts|mts|json)$/;

async function codeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...await codeFiles(path));
    else if (entry.isFile() && CODE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

let memo: Promise<string> | undefined;

/** A hex digest identifying the running program; computed once per process. */
export function programVersion(): Promise<string> {
  memo ??= (async () => {
    const root = codeRoot();
    const hash = createHash('sha256');
    const pkg = JSON.parse(await readFile(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
    hash.update(`ofsted-news ${pkg.version ?? '?'} schema ${SCHEMA_VERSION}\n`);
    const files = (await codeFiles(root)).map((path) => relative(root, path).split('\\').join('/')).sort();
    for (const rel of files) {
      hash.update(`${rel}\n`);
      hash.update(await readFile(join(root, rel)));
      hash.update('\n');
    }
    return hash.digest('hex');
  })();
  return memo;
}
