// The command table: every command with its options, help and examples. Each command's
// work lives in its own file under commands/, loaded only when that command runs.
import type { Command } from './command.js';

export const COMMANDS: Command[] = [
  {
    name: 'extract',
    summary: 'read articles and write articles.jsonl and inspections.jsonl',
    usage: 'ofsted-news extract <file-or-folder>... --out <dir> [options]',
    optionHelp: [
      '--out <dir>          folder for articles.jsonl and inspections.jsonl (required)',
      '--concurrency <n>    files processed at once (default: number of cores)',
      '--max-bytes <n>      larger files become error lines (default: 5242880)',
      '--log-level <level>  fatal, error, warn, info, debug, trace or silent (default: info)',
      '--quiet              log errors only',
    ],
    examples: ['ofsted-news extract seeds --out output', 'ofsted-news extract articles/ extra.jsonl --out out --concurrency 4'],
    options: {
      out: { type: 'string', short: 'o' },
      concurrency: { type: 'string', short: 'j' },
      'max-bytes': { type: 'string' },
      'log-level': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
    async run(positionals, values, context) {
      const { extractCommand, parseExtractOptions } = await import('./commands/extract.js');
      return extractCommand(parseExtractOptions(positionals, values), context);
    },
  },
  {
    name: 'schema',
    summary: 'print the JSON Schema of both output files',
    usage: 'ofsted-news schema',
    optionHelp: [],
    examples: ['ofsted-news schema > records.schema.json'],
    options: {},
    async run(_positionals, _values, context) {
      const { schemaCommand } = await import('./commands/schema.js');
      return schemaCommand(context);
    },
  },
];
