// The run's arguments (files and folders) → the article files to read, in a
// deterministic order. Folders are walked recursively; hidden files and folders are
// skipped (editor backups, .git); a symlinked folder is followed once, never in a loop.
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, resolve, sep } from 'node:path';
import type { InputFile } from './types.js';

export const ARTICLE_EXTENSIONS = new Set(['txt', 'md', 'html', 'htm', 'json', 'jsonl']);

export class InputError extends Error {}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function toInputFile(absPath: string, relPath: string): InputFile | null {
  const ext = extname(relPath).slice(1).toLowerCase();
  if (!ARTICLE_EXTENSIONS.has(ext)) return null;
  return { absPath, relPath, baseId: relPath.slice(0, relPath.length - ext.length - 1), ext };
}

/**
 * Yields the article files under `paths`. A folder's files are relative to that folder;
 * a file given by itself is relative to its own folder (its name). Throws InputError for
 * a path that does not exist, so the CLI can report bad usage before any work.
 */
export async function* listInputs(paths: string[]): AsyncGenerator<InputFile> {
  for (const given of paths) {
    const abs = resolve(given);
    const info = await stat(abs).catch(() => null);
    if (!info) throw new InputError(`no such file or folder: ${given}`);
    if (info.isDirectory()) {
      yield* walk(abs, '', new Set([await realpath(abs)]));
    } else {
      const file = toInputFile(abs, basename(abs));
      if (file) yield file;
      else throw new InputError(`not an article file (expected ${[...ARTICLE_EXTENSIONS].join(', ')}): ${given}`);
    }
  }
}

async function* walk(dir: string, rel: string, seen: Set<string>): AsyncGenerator<InputFile> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => byName(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    // `dir` is already absolute and normalised, so plain concatenation is path.join's
    // result at a fraction of its cost (it is paid once per file of the corpus).
    const abs = `${dir}${dir.endsWith(sep) ? '' : sep}${entry.name}`;
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(abs).catch(() => null); // a dangling link is skipped
      isDir = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDir) {
      const real = await realpath(abs).catch(() => null);
      if (!real || seen.has(real)) continue; // a symlink loop, or a folder already walked
      seen.add(real);
      yield* walk(abs, relPath, seen);
      seen.delete(real);
    } else if (isFile) {
      const file = toInputFile(abs, relPath);
      if (file) yield file;
    }
  }
}
