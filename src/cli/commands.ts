// The command table: every command with its options, help and examples. Each command's
// work lives in its own file under commands/, loaded only when that command runs.
import type { Command } from './command.js';

export const COMMANDS: Command[] = [
  {
    name: 'extract',
    summary: 'read articles and write articles.jsonl and inspections.jsonl',
    usage: 'ofsted-news extract <file-or-folder>... --out <dir> [options]\n       ofsted-news extract - [options] < articles.jsonl > records.jsonl',
    optionHelp: [
      '--out <dir>            folder for articles.jsonl and inspections.jsonl (required, except with -)',
      '-                      read JSONL articles on standard input; write one {"article", "inspections"} line per article on standard output, in input order',
      '--concurrency <n>      worker threads (default: number of cores)',
      '--max-bytes <n>        larger files and JSONL lines become error lines (default: 5242880)',
      '--time-budget-ms <n>   an article that takes longer becomes an error line (default: 10000)',
      '--cache-dir <dir>      where results are kept for incremental runs (default: node_modules/.cache/ofsted-news)',
      '--no-cache             neither read nor write the result cache',
      '--force                rebuild every article, ignoring cached results',
      '--log-level <level>    fatal, error, warn, info, debug, trace or silent (default: info)',
      '--quiet                log errors only',
    ],
    examples: [
      'ofsted-news extract seeds --out output',
      'ofsted-news extract articles/ extra.jsonl --out out --concurrency 4',
      'ofsted-news extract - < articles.jsonl > records.jsonl',
    ],
    options: {
      out: { type: 'string', short: 'o' },
      concurrency: { type: 'string', short: 'j' },
      'max-bytes': { type: 'string' },
      'time-budget-ms': { type: 'string' },
      'cache-dir': { type: 'string' },
      'no-cache': { type: 'boolean' },
      force: { type: 'boolean' },
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
  {
    name: 'diff',
    summary: 'compare two datasets record by record (exit 0 same, 1 changed, 2 trouble)',
    usage: 'ofsted-news diff <old-dir> <new-dir> [--format text|markdown|json]\n       ofsted-news diff --base <git-rev> [--new <dir>] [--dir <path>] [--format text|markdown|json]',
    optionHelp: [
      '--base <git-rev>     compare the dataset committed at this revision (git show <rev>:output/…)',
      '--new <dir>          with --base: the new dataset folder (default: the --dir folder, output)',
      '--dir <path>         with --base: the dataset folder, relative to here (default: output)',
      '--format <format>    text (default), markdown (for a PR comment or job summary) or json',
    ],
    examples: [
      'ofsted-news diff old-output output',
      'ofsted-news diff --base origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"',
    ],
    options: {
      base: { type: 'string' },
      new: { type: 'string' },
      dir: { type: 'string' },
      format: { type: 'string', short: 'f' },
    },
    async run(positionals, values, context) {
      const { diffCommand, parseDiffOptions } = await import('./commands/diff.js');
      return diffCommand(parseDiffOptions(positionals, values), context);
    },
  },
  {
    name: 'report',
    summary: 'write one self-contained HTML page to review a dataset',
    usage: 'ofsted-news report <dataset-dir> --html <file>',
    optionHelp: ['--html <file>        the HTML file to write (required)'],
    examples: ['ofsted-news report output --html report.html'],
    options: { html: { type: 'string' } },
    async run(positionals, values, context) {
      const { parseReportOptions, reportCommand } = await import('./commands/report.js');
      return reportCommand(parseReportOptions(positionals, values), context);
    },
  },
  {
    name: 'export',
    summary: 'export the inspections as CSV, one row per inspection',
    usage: 'ofsted-news export --csv <dataset-dir> [--out <file.csv>]',
    optionHelp: [
      '--csv                CSV (RFC 4180, CRLF line ends), one column per judgement area',
      '--out <file>         write to this file instead of standard output',
    ],
    examples: ['ofsted-news export --csv output > inspections.csv', 'ofsted-news export --csv output --out inspections.csv'],
    options: { csv: { type: 'boolean' }, out: { type: 'string', short: 'o' } },
    async run(positionals, values, context) {
      const { exportCommand, parseExportOptions } = await import('./commands/export.js');
      return exportCommand(parseExportOptions(positionals, values), context);
    },
  },
];
