// One error type for everything the user can get wrong; interfaces print `message` as one line.
export class DyadError extends Error {
  constructor(
    readonly code: 'INPUT' | 'USAGE' | 'STORE' | 'DATA',
    message: string,
  ) {
    super(message);
    this.name = 'DyadError';
  }
}

/** Turns any thrown value into one line for stderr. */
export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s*\n\s*/g, ' ').trim();
}
