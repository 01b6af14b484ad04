/**
 * The renderer's (and tests') typed view of the contract: every call becomes an async function.
 * A transport only has to move `(name, input)` one way and an Envelope back.
 */
import { type CallInput, type CallName, type CallResult, callNames } from './contract';
import { type Envelope, FocalApiError } from './errors';
import type { EventName, FocalEvents } from './events';

export type FocalApi = { [K in CallName]: (input: CallInput<K>) => Promise<CallResult<K>> };

export interface Transport {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to push events; returns an unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: FocalEvents[E]) => void): () => void;
}

export interface FocalClient {
  api: FocalApi;
  on: Transport['on'];
}

export function createClient(transport: Transport): FocalClient {
  const api = {} as Record<string, (input: unknown) => Promise<unknown>>;
  for (const name of callNames) {
    api[name] = async (input: unknown) => {
      const env = await transport.invoke(name, input ?? {});
      if (!env.ok) throw new FocalApiError(env.error);
      return env.value;
    };
  }
  return { api: api as FocalApi, on: transport.on.bind(transport) };
}
