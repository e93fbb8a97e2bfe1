#!/usr/bin/env node
// The long fuzz run: the property tests with many more cases, and every hostile input at
// full size through the built CLI (test/fuzz/hostile-cli.test.ts with FUZZ_FULL=1).
//
//   node scripts/fuzz.mjs [--runs 1000]
//
// `npm test` runs the same files with few cases, in a few seconds.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '1000' } } });
const env = { ...process.env, FUZZ_RUNS: values.runs, FUZZ_FULL: '1' };
const args = [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/fuzz', 'test/pipeline/list-units.test.ts', 'test/pipeline/external-sort.test.ts', '--testTimeout', '600000'];
console.log(`fuzz: ${values.runs} runs per property, all hostile inputs at full size`);
const started = Date.now();
const result = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
console.log(`fuzz: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(result.status ?? 1);
