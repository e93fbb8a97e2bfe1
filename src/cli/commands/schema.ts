// `ofsted-news schema`: the JSON Schema of both output files, from the zod schemas.
import { jsonSchemas } from '../../record/schema.js';
import type { CommandContext } from '../command.js';

export async function schemaCommand(context: CommandContext): Promise<number> {
  context.stdout.write(`${JSON.stringify(jsonSchemas(), null, 2)}\n`);
  return 0;
}
