// Replace files so that a reader (or an interrupted run) only ever sees the old
// complete file or the new complete file: write a temp file beside it, then rename.
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicFile {
  write(chunk: string): Promise<void>;
  /** Flush and fsync; the file is still the temp file until `commitAll`. */
  close(): Promise<void>;
  readonly tempPath: string;
  readonly finalPath: string;
}

export async function openAtomic(finalPath: string): Promise<AtomicFile> {
  const tempPath = join(dirname(finalPath), `.${basename(finalPath)}.${process.pid}.tmp`);
  const handle = await open(tempPath, 'w');
  let buffered: string[] = [];
  let size = 0;
  const FLUSH_AT = 1 << 20; // write in ~1 MB chunks: few syscalls, flat memory
  const flush = async () => {
    if (buffered.length === 0) return;
    await handle.write(buffered.join(''));
    buffered = [];
    size = 0;
  };
  return {
    tempPath,
    finalPath,
    async write(chunk) {
      buffered.push(chunk);
      size += chunk.length;
      if (size >= FLUSH_AT) await flush();
    },
    async close() {
      await flush();
      await handle.sync();
      await handle.close();
    },
  };
}

/** Renames every temp file over its final name (after all were written in full). */
export async function commitAll(files: AtomicFile[]): Promise<void> {
  for (const f of files) await rename(f.tempPath, f.finalPath);
}

export async function discardAll(files: AtomicFile[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.tempPath, { force: true })));
}
