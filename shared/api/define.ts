/**
 * The building block of the API contract: one call = an input schema (validated on the core side of
 * every transport) + a result type (a compile-time promise; results come from our own core).
 */
import type { z } from 'zod';

export interface CallSpec<I extends z.ZodType = z.ZodType, R = unknown> {
  /** One line for the API listing and the CLI's help. */
  doc: string;
  input: I;
  /** Phantom field: carries the result type only. */
  readonly result?: R;
}

export function call<I extends z.ZodType>(doc: string, input: I) {
  return {
    returns<R>(): CallSpec<I, R> {
      return { doc, input };
    },
  };
}

