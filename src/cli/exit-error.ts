// Commands throw ExitError to end with a given code; only main.ts calls process.exit.
export const EXIT = { ok: 0, someErrors: 1, usage: 2 } as const;

export class ExitError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

export const usageError = (message: string) => new ExitError(EXIT.usage, message);
