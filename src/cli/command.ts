// The shape of a command in the command table (src/cli/commands.ts).
import type { ParseArgsConfig } from 'node:util';

export interface CommandContext {
  stdout: NodeJS.WritableStream;
  stderrIsTTY: boolean;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Lines of "--flag  what it does" for --help. */
  optionHelp: string[];
  examples: string[];
  options: NonNullable<ParseArgsConfig['options']>;
  run(positionals: string[], values: Record<string, string | boolean | undefined>, context: CommandContext): Promise<number>;
}
