// pino JSON on stderr for machines; pino-pretty when a person watches the terminal
// (loaded only then: a scripted run does not pay for it).
import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';
import type pinoPretty from 'pino-pretty';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function createLogger(level: string, stderrIsTTY = Boolean(process.stderr.isTTY)): Logger {
  const base = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (stderrIsTTY) {
    const pretty = createRequire(import.meta.url)('pino-pretty') as typeof pinoPretty;
    return pino(base, pretty({ destination: 2, colorize: true, sync: true }));
  }
  return pino(base, pino.destination({ dest: 2, sync: true }));
}
