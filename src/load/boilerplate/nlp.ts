// compromise, loaded on first use. Only the layout tests that no shape or cue phrase
// settles call it (does this line have a verb, is it a person's name): about one article
// in ten. Loading it costs a worker 0.15-0.3 s, the larger part of its start-up, which an
// incremental run pays for its first changed article whether or not that article needs
// it. The CommonJS build is one bundled file and loads in half the time of the ES module
// sources; it is the same release.
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

let nlp: typeof nlpType | undefined;

export function compromise(): typeof nlpType {
  nlp ??= createRequire(import.meta.url)('compromise') as typeof nlpType;
  return nlp;
}
