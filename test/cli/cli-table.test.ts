// The CLI's argument parsing as a table of argv → options and exit codes, with the
// extract command itself mocked (no files are read).
import { availableParallelism } from 'node:os';
import { Writable } from 'node:stream';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const extractCommand = vi.fn(async () => 0);
vi.mock('../../src/cli/commands/extract.js', async (importOriginal) => ({
  ...await importOriginal<typeof import('../../src/cli/commands/extract.js')>(),
  extractCommand,
}));
const { runCli } = await import('../../src/cli/main.js');
const { defaultCacheDir } = await import('../../src/cli/commands/extract.js');

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

async function cli(argv: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(argv, { stdout, stderrIsTTY: false }, stderr);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const defaults = {
  inputs: ['seeds'], out: 'output', concurrency: availableParallelism(), maxBytes: 5242880, timeBudgetMs: 10000,
  cacheDir: defaultCacheDir(), force: false, logLevel: 'info', quiet: false,
};

beforeEach(() => extractCommand.mockClear());

describe('extract options', () => {
  it.each([
    [['extract', 'seeds', '--out', 'output'], {}],
    [['extract', 'seeds', '-o', 'output', '-j', '3', '--max-bytes', '100', '--time-budget-ms', '250'], { concurrency: 3, maxBytes: 100, timeBudgetMs: 250 }],
    [['extract', 'seeds', 'more.jsonl', '--out', 'output', '--cache-dir', '/tmp/c', '--force'], { inputs: ['seeds', 'more.jsonl'], cacheDir: '/tmp/c', force: true }],
    [['extract', 'seeds', '--out', 'output', '--no-cache', '-q'], { cacheDir: null, quiet: true, logLevel: 'error' }],
    [['extract', 'seeds', '--out', 'output', '--log-level', 'debug'], { logLevel: 'debug' }],
    [['extract', '-'], { inputs: ['-'], out: null, cacheDir: null }],
  ])('%j', async (argv, expected) => {
    const result = await cli(argv);
    expect(result.code).toBe(0);
    expect(extractCommand).toHaveBeenCalledTimes(1);
    expect((extractCommand.mock.calls[0] as unknown[])[0]).toEqual({ ...defaults, ...expected });
  });
});

describe('exit codes and messages', () => {
  it.each([
    [[], 2, /usage: ofsted-news <command>/, 'stdout'],
    [['--help'], 0, /commands:\n  extract/, 'stdout'],
    [['extract', '--help'], 0, /--time-budget-ms <n>/, 'stdout'],
    [['--version'], 0, /^\d+\.\d+\.\d+\n$/, 'stdout'],
    [['frobnicate'], 2, /unknown command "frobnicate"/, 'stderr'],
    [['extract', 'seeds'], 2, /extract needs --out <dir>/, 'stderr'],
    [['extract', '--out', 'o'], 2, /needs at least one file or folder/, 'stderr'],
    [['extract', '-', '--out', 'o'], 2, /takes no --out/, 'stderr'],
    [['extract', '-', 'seeds'], 2, /cannot be combined/, 'stderr'],
    [['extract', 'seeds', '--out', 'o', '-j', '0'], 2, /--concurrency must be a positive whole number, not "0"/, 'stderr'],
    [['extract', 'seeds', '--out', 'o', '--time-budget-ms', 'soon'], 2, /--time-budget-ms must be a positive whole number/, 'stderr'],
    [['extract', 'seeds', '--out', 'o', '--no-cache', '--cache-dir', 'x'], 2, /cannot be used together/, 'stderr'],
    [['extract', 'seeds', '--out', 'o', '--log-level', 'loud'], 2, /--log-level must be one of/, 'stderr'],
    [['extract', 'seeds', '--out', 'o', '--bogus'], 2, /Unknown option '--bogus'/, 'stderr'],
  ])('%j → %i', async (argv, code, message, stream) => {
    const result = await cli(argv);
    expect(result.code).toBe(code);
    expect(stream === 'stdout' ? result.stdout : result.stderr).toMatch(message);
    if (code === 2 && argv[0] === 'extract') expect(result.stderr).toContain('Run "ofsted-news extract --help" for usage.');
    expect(extractCommand).not.toHaveBeenCalled();
  });
});
