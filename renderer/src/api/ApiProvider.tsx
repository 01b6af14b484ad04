/** Makes the typed API client available to every component: useApi(), useFocalEvent(). */
import { createContext, useContext, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { FocalApi } from '../../../shared/api/client';
import type { EventName, FocalEvents } from '../../../shared/api/events';
import type { Connection } from './transport';

const ApiContext = createContext<Connection | null>(null);

export function ApiProvider({ connection, children }: { connection: Connection; children: ReactNode }) {
  return <ApiContext.Provider value={connection}>{children}</ApiContext.Provider>;
}

export function useConnection(): Connection {
  const c = useContext(ApiContext);
  if (!c) throw new Error('useApi() used outside <ApiProvider>');
  return c;
}

export function useApi(): FocalApi {
  return useConnection().client.api;
}

/** Subscribes for the component's lifetime; the latest listener is always the one called. */
export function useFocalEvent<E extends EventName>(event: E, listener: (payload: FocalEvents[E]) => void): void {
  const { client } = useConnection();
  const latest = useRef(listener);
  useLayoutEffect(() => {
    latest.current = listener;
  });
  useEffect(() => client.on(event, (payload) => latest.current(payload)), [client, event]);
}
