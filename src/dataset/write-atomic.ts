// Replace files so that a reader (or an interrupted run) only ever sees the old
// complete file or the new complete file: write a temp file beside it, then rename.
// Temp files still open when the process exits (an uncaught error, say) are removed by
// an exit hook; SIGINT/SIGTERM are turned into an orderly stop by the commands, which
// call discardAll.
import { rmSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicFile {
  write(chunk: string | Uint8Array): Promise<void>;
  /** Flush and fsync; the file is still the temp file until `commitAll`. */
  close(): Promise<void>;
  readonly tempPath: string;
  readonly finalPath: string;
}

/** Temp files not yet committed or discarded, removed at exit whatever happens. */
const liveTempFiles = new Map<string, { handle: FileHandle; closed: boolean }>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const path of liveTempFiles.keys()) rmSync(path, { force: true });
  });
}

export async function openAtomic(finalPath: string): Promise<AtomicFile> {
  installExitHook();
  const tempPath = join(dirname(finalPath), `.${basename(finalPath)}.${process.pid}.tmp`);
  const handle = await open(tempPath, 'w');
  const state = { handle, closed: false };
  liveTempFiles.set(tempPath, state);
  let buffered: Array<string | Uint8Array> = [];
  let bytes = false;
  let size = 0;
  const FLUSH_AT = 1 << 20; // write in ~1 MB chunks: few syscalls, flat memory
  const flush = async () => {
    if (buffered.length === 0) return;
    const chunks = buffered;
    const hasBytes = bytes;
    buffered = [];
    bytes = false;
    size = 0;
    if (hasBytes) await handle.write(Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))));
    else await handle.write(chunks.join(''));
  };
  return {
    tempPath,
    finalPath,
    async write(chunk) {
      buffered.push(chunk);
      if (typeof chunk !== 'string') bytes = true;
      size += chunk.length;
      if (size >= FLUSH_AT) await flush();
    },
    async close() {
      await flush();
      await handle.sync();
      state.closed = true;
      await handle.close();
    },
  };
}

/** Renames every temp file over its final name (after all were written in full). */
export async function commitAll(files: AtomicFile[]): Promise<void> {
  for (const f of files) {
    await rename(f.tempPath, f.finalPath);
    liveTempFiles.delete(f.tempPath);
  }
}

/** Closes (if need be) and removes the temp files; the final files are left as they were. */
export async function discardAll(files: AtomicFile[]): Promise<void> {
  await Promise.all(files.map(async (f) => {
    const state = liveTempFiles.get(f.tempPath);
    if (state && !state.closed) {
      state.closed = true;
      await state.handle.close().catch(() => {});
    }
    await rm(f.tempPath, { force: true });
    liveTempFiles.delete(f.tempPath);
  }));
}

/** Writes one whole file atomically, creating its folder; the old file stays on failure. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const file = await openAtomic(path);
  try {
    await file.write(content);
    await file.close();
    await commitAll([file]);
  } catch (error) {
    await discardAll([file]);
    throw error;
  }
}
