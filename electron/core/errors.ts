/**
 * Errors that cross the boundary (IPC, HTTP, CLI) as plain data with a stable code.
 * A message is one line meant for a researcher: it names the file or thing and says what to do.
 */
export type FocalErrorCode =
  | 'bad-input'
  | 'unknown-call'
  | 'no-project'
  | 'not-found'
  | 'not-a-project'
  | 'foreign-database'
  | 'newer-version'
  | 'corrupt-project'
  | 'tampered-project'
  | 'project-exists'
  | 'conflict'
  | 'import-failed'
  | 'blocked-by-gate'
  | 'forbidden'
  | 'cancelled'
  | 'internal';

export class FocalError extends Error {
  constructor(
    public readonly code: FocalErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'FocalError';
  }
}

export function isFocalError(e: unknown): e is FocalError {
  return e instanceof FocalError;
}
