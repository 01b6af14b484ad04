/**
 * The one error the import parsers throw. Its message is a single line a researcher can act on:
 * it names the file, says what is wrong and, where there is one, what to do about it.
 *
 * The API layer can map it to FocalError('import-failed', e.message) at the boundary.
 */
export class ImportError extends Error {
  constructor(
    public readonly fileName: string,
    public readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'ImportError';
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}
