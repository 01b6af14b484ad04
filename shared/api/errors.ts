/** How an error travels across IPC/HTTP: plain data with a stable code and a one-line message. */
export interface ApiError {
  code: string;
  message: string;
  /** Field-level problems for bad input: `path: problem`. */
  issues?: string[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by the client side when a call answers with an error envelope. */
export class FocalApiError extends Error {
  readonly code: string;
  readonly issues?: string[];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'FocalApiError';
    this.code = error.code;
    if (error.issues) this.issues = error.issues;
  }
}
