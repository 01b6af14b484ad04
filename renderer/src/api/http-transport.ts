/**
 * The browser harness transport: calls are POST /api/<name> with the per-run token in a header,
 * push events arrive over one shared EventSource. The token comes in the page's #fragment (never
 * sent to the server or kept in its logs); it is moved to sessionStorage so a reload keeps
 * working, and the fragment is removed so it is not left in the address bar or copied links.
 */
import type { Transport } from '../../../shared/api/client';
import type { Envelope } from '../../../shared/api/errors';
import { eventNames, type EventName } from '../../../shared/api/events';

const TOKEN_KEY = 'focal.token';

export function takeToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function failure(code: string, message: string): Envelope<unknown> {
  return { ok: false, error: { code, message } };
}

export function httpTransport(token: string): Transport {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  // One stream for all subscribers, opened on first use; EventSource reconnects by itself.
  function ensureStream(): void {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const name of eventNames) {
      source.addEventListener(name, (e) => {
        let payload: unknown;
        try {
          payload = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const l of listeners.get(name) ?? []) l(payload as never);
      });
    }
  }

  return {
    async invoke(name, input) {
      let res: Response;
      try {
        res = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-focal-token': token },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return failure('offline', 'Focal’s server is not running. Start it again (npm run web) and reload this page.');
      }
      try {
        // The harness answers every API request, errors included, with an Envelope.
        return (await res.json()) as Envelope<unknown>;
      } catch {
        return failure('internal', `The Focal server answered with an unexpected response (HTTP ${res.status}).`);
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      ensureStream();
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
