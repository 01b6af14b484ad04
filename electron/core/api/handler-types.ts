/**
 * Handlers: the core's side of the contract. One object per area, each typed against the
 * contract so a missing or misspelt call fails the type-check, and joined in handlers.ts.
 */
import type { CallName, CallResult, ParsedInput } from '../../../shared/api/contract';
import type { FocalCore } from '../app/focal-core';

export type Handler<K extends CallName> = (input: ParsedInput<K>, core: FocalCore) => CallResult<K> | Promise<CallResult<K>>;

export type Handlers = { [K in CallName]: Handler<K> };

/** Declare the handlers of an area: exactly the calls named in K, nothing else. */
export function handlers<K extends CallName>(h: { [P in K]: Handler<P> }): { [P in K]: Handler<P> } {
  return h;
}
