// The run's inputs → units of work, in input order, streamed: files one at a time as the
// loader lists them, JSONL files (and standard input) one line at a time, so neither a big
// folder nor a big JSONL file is ever held in memory.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { listInputs } from '../load/list-inputs.js';
import type { InputFile } from '../load/types.js';
import type { Unit } from './types.js';

export interface ByteLine {
  /** 1-based; every line counts, blank ones too (as in the loader). */
  number: number;
  /** The line's bytes without `\n`, `\r\n` or a leading BOM; absent when over the limit. */
  bytes?: Buffer;
  /** For a line over the limit: its length and sha256, computed without holding it. */
  over?: { length: number; sha256: string };
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CR = 0x0d;
const LF = 0x0a;

/** Drops a UTF-8 BOM at the very start of a byte stream. */
async function* withoutBom(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let head: Buffer | null = Buffer.alloc(0);
  for await (const chunk of source) {
    if (head === null) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < UTF8_BOM.length && UTF8_BOM.subarray(0, head.length).equals(head)) continue;
    yield head.subarray(0, 3).equals(UTF8_BOM) ? head.subarray(3) : head;
    head = null;
  }
  if (head !== null && head.length > 0) yield head; // a stream shorter than a BOM
}

/**
 * Splits a byte stream into lines. A line longer than `maxLineBytes` is not kept: only its
 * length and hash are, so memory stays bounded by the limit whatever the input.
 */
export async function* byteLines(source: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<ByteLine> {
  let number = 0;
  let parts: Buffer[] = [];
  let length = 0;
  let hash: ReturnType<typeof createHash> | null = null; // set once the line is over the limit
  let held = -1; // in hashing mode, the last byte, held back in case it is the CR of a CRLF

  const add = (segment: Buffer) => {
    if (segment.length === 0) return;
    length += segment.length;
    if (hash === null) {
      parts.push(segment);
      if (length <= maxLineBytes + 1) return;
      hash = createHash('sha256');
      const all = Buffer.concat(parts);
      parts = [];
      hash.update(all.subarray(0, all.length - 1));
      held = all[all.length - 1]!;
      return;
    }
    if (held >= 0) hash.update(Buffer.of(held));
    hash.update(segment.subarray(0, segment.length - 1));
    held = segment[segment.length - 1]!;
  };
  const end = (): ByteLine => {
    number++;
    let line: ByteLine;
    if (hash === null) {
      let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
      line = bytes.length > maxLineBytes
        ? { number, over: { length: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } }
        : { number, bytes };
    } else {
      const dropCr = held === CR;
      if (!dropCr && held >= 0) hash.update(Buffer.of(held));
      line = { number, over: { length: length - (dropCr ? 1 : 0), sha256: hash.digest('hex') } };
    }
    parts = [];
    length = 0;
    hash = null;
    held = -1;
    return line;
  };

  let sawAny = false;
  for await (const chunk of withoutBom(source)) {
    sawAny = true;
    let start = 0;
    for (let i = chunk.indexOf(LF, start); i !== -1; i = chunk.indexOf(LF, start)) {
      add(chunk.subarray(start, i));
      yield end();
      start = i + 1;
    }
    add(chunk.subarray(start));
  }
  // The loader counts the text after the last newline as a line too (an empty one when
  // the file ends with a newline).
  if (sawAny) yield end();
}

/** A line with nothing but whitespace is skipped, as the loader skips it. */
export function isBlankLine(bytes: Uint8Array): boolean {
  let ascii = true;
  for (const b of bytes) {
    if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) continue;
    ascii = false;
    break;
  }
  if (ascii) return true;
  // Unicode spaces (NBSP, ideographic space...): decode short lines to be sure; a long
  // line of them goes to a worker and is reported as not valid JSON.
  return bytes.length <= 1024 && new TextDecoder('utf-8').decode(bytes).trim() === '';
}

/** JSONL lines → units; `failed` units for lines over the limit. */
export async function* lineUnits(file: InputFile, source: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Unit> {
  for await (const line of byteLines(source, maxBytes)) {
    if (line.over) {
      yield {
        kind: 'failed',
        failed: {
          id: `${file.baseId}#${line.number}`, path: `${file.relPath}#${line.number}`, sha256: line.over.sha256,
          error: `line ${line.number} is ${line.over.length} bytes, over the ${maxBytes}-byte limit (--max-bytes)`,
        },
      };
    } else if (!isBlankLine(line.bytes!)) {
      // A copy of exactly the line: a view into the read chunk would send the whole chunk
      // (or Node's shared 8 KB pool) to the worker with every line.
      yield { kind: 'line', file, number: line.number, bytes: new Uint8Array(line.bytes!) };
    }
  }
}

/** How much of a JSONL file is looked at before deciding to stream it. */
const SNIFF_BYTES = 8192;
/** Share of control bytes above which a JSONL file is binary as a whole (as in load/decode.ts). */
const MAX_CONTROL_SHARE = 0.02;

/**
 * Binary content: many control bytes (NUL included) in the first few kilobytes. Unlike the
 * loader's sniff for single articles, one NUL is not enough: it spoils only its own line
 * of a JSONL file, which then fails alone.
 */
function mostlyBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  return head.length > 0 && control / head.length > MAX_CONTROL_SHARE;
}

/**
 * A JSONL file's units. UTF-16 (two-byte units cannot be split on 0x0A), binary and empty
 * files go whole to one `file` unit (the loader's rules and messages); the rest stream.
 */
async function* jsonlUnits(file: InputFile, maxBytes: number): AsyncGenerator<Unit> {
  let head: Buffer;
  try {
    const handle = await open(file.absPath, 'r');
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    yield { kind: 'file', file }; // the worker reports why it cannot be read
    return;
  }
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (head.length === 0 || utf16 || mostlyBinary(head)) {
    yield { kind: 'file', file };
    return;
  }
  const whole = createHash('sha256');
  let lines = 0;
  let failure: string | null = null;
  async function* tee() {
    for await (const chunk of createReadStream(file.absPath, { highWaterMark: 1 << 20 })) {
      whole.update(chunk as Buffer);
      yield chunk as Buffer;
    }
  }
  try {
    for await (const unit of lineUnits(file, tee(), maxBytes)) {
      lines++;
      yield unit;
    }
  } catch (error) {
    failure = `could not read the file to its end: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
  if (failure !== null || lines === 0) {
    const error = failure ?? 'the file holds only whitespace';
    yield { kind: 'failed', failed: { id: file.baseId, path: file.relPath, sha256: whole.digest('hex'), error } };
  }
}

/** Every unit of the run, in input order (the order of `listInputs`, then line order). */
export async function* listUnits(inputs: string[], maxBytes: number): AsyncGenerator<Unit> {
  for await (const file of listInputs(inputs)) {
    if (file.ext === 'jsonl') yield* jsonlUnits(file, maxBytes);
    else yield { kind: 'file', file };
  }
}
