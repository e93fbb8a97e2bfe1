// pino JSON on stderr for machines; pino-pretty when a person watches the terminal.
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function createLogger(level: string, stderrIsTTY = Boolean(process.stderr.isTTY)): Logger {
  const base = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (stderrIsTTY) return pino(base, pretty({ destination: 2, colorize: true, sync: true }));
  return pino(base, pino.destination({ dest: 2, sync: true }));
}
