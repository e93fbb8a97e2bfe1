#!/usr/bin/env node
// Entry point: parse argv, dispatch to the command table, and map every outcome to an
// exit code. The only place that calls process.exit.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands.js';
import type { Command, CommandContext } from './command.js';
import { EXIT, ExitError, usageError } from './exit-error.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `ofsted-news ${version}: Ofsted children's services inspection news → JSONL dataset`,
    '',
    'usage: ofsted-news <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "ofsted-news <command> --help" for a command\'s options.',
    'Exit codes: 0 success, 1 some articles were errors (the rest were written), 2 bad usage or failure.',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  return [
    `usage: ${command.usage}`,
    '',
    command.summary,
    ...(command.optionHelp.length ? ['', 'options:', ...command.optionHelp.map((l) => `  ${l}`)] : []),
    '',
    'examples:',
    ...command.examples.map((e) => `  ${e}`),
  ].join('\n');
}

/** Runs the CLI and returns the exit code; writes help, version and errors itself. */
export async function runCli(argv: string[], context: CommandContext, stderr: NodeJS.WritableStream): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      context.stdout.write(`${generalHelp()}\n`);
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      context.stdout.write(`${version}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw usageError(`unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw usageError(error instanceof Error ? error.message : String(error));
    }
    if (parsed.values.help) {
      context.stdout.write(`${commandHelp(command)}\n`);
      return EXIT.ok;
    }
    return await command.run(parsed.positionals, parsed.values as Record<string, string | boolean | undefined>, context);
  } catch (error) {
    if (error instanceof ExitError) {
      stderr.write(`ofsted-news: ${error.message}\n`);
      if (error.code === EXIT.usage && name && COMMANDS.some((c) => c.name === name)) stderr.write(`Run "ofsted-news ${name} --help" for usage.\n`);
      return error.code;
    }
    stderr.write(`ofsted-news: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    return EXIT.usage;
  }
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (isEntryPoint) {
  const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderrIsTTY: Boolean(process.stderr.isTTY) }, process.stderr);
  process.exitCode = code;
  // Let stdout drain before exiting (piped output would otherwise be cut).
  process.stdout.write('', () => process.exit(code));
}
