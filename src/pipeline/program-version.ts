// What "the same program" means for the result cache: the package version and the bytes
// of every code and vocabulary file of the running program (dist/**/*.js and *.json when
// built, src/**/*.ts and *.json under vitest; the schema version is in schema's bytes).
// Hashing all of them is cruder than tracking which rule changed, but it can never miss
// a change. Read synchronously: ~100 small files, before any other work starts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding this program's code: dist/ or src/. */
export const codeRoot = () => dirname(dirname(fileURLToPath(import.meta.url)));

/** The package folder (where package.json and node_modules are). */
export const packageRoot = () => dirname(codeRoot());

const CODE_FILE = /\.(?:js|mjs|cjs|ts|mts|json)$/;

function codeFiles(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...codeFiles(path));
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
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
    hash.update(`ofsted-news ${pkg.version ?? '?'}\n`);
    const files = codeFiles(root).map((path) => relative(root, path).split('\\').join('/')).sort();
    for (const rel of files) {
      hash.update(`${rel}\n`);
      hash.update(readFileSync(join(root, rel)));
      hash.update('\n');
    }
    return hash.digest('hex');
  })();
  return memo;
}
