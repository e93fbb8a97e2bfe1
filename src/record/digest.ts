// The sha256 of an article's bytes (its `sha256` field, and the cache's keys). A module of
// its own so that the main thread and the cache probes, which hash but build no records,
// do not load the schema and zod with it.
import { createHash } from 'node:crypto';

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
