/**
 * The IPC side of the contract: one ipcMain.handle per call name, each forwarding to the core of
 * the window that asked; and core push events forwarded to that window. Validation of the input
 * itself happens in the core's dispatcher, exactly as for every other transport.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { callNames } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { eventNames } from '../../shared/api/events';
import type { EventName, FocalEvents } from '../../shared/api/events';
import { CALL_CHANNEL_PREFIX, EVENT_CHANNEL } from './channels';

/** What answers a window's calls: its CoreRelay (core-processes.ts), or any core with call(). */
export interface CallTarget {
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
}

export interface EventSource {
  on<E extends EventName>(event: E, listener: (payload: FocalEvents[E]) => void): () => void;
}

export interface CallRouting {
  /** The core belonging to the window whose page sent the call. */
  coreFor(contents: WebContents): CallTarget | undefined;
  /** True only for our own bundled renderer page. */
  isAppPage(url: string): boolean;
}

/** Registers every contract call; returns a function that removes them again. */
export function registerCalls(routing: CallRouting): () => void {
  for (const name of callNames) {
    ipcMain.handle(CALL_CHANNEL_PREFIX + name, async (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
      // Only the top frame of our own page may reach the core: not a subframe, not a page that
      // somehow got navigated to, not a frame that has gone away.
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !routing.isAppPage(frame.url)) {
        console.warn(`[focal] refused "${name}" from ${frame?.url ?? 'a closed frame'}`);
        return refused(name);
      }
      const core = routing.coreFor(event.sender);
      if (!core) return refused(name);
      return core.call(name, input);
    });
  }
  return () => {
    for (const name of callNames) ipcMain.removeHandler(CALL_CHANNEL_PREFIX + name);
  };
}

function refused(name: string): Envelope<unknown> {
  return { ok: false, error: { code: 'forbidden', message: `${name}: this page may not call Focal.` } };
}

/** Sends the core's push events to the window's page; returns a function that stops forwarding. */
export function forwardEvents(core: EventSource, contents: WebContents): () => void {
  const stops = eventNames.map((name) =>
    core.on(name, (payload) => {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
    }),
  );
  return () => stops.forEach((stop) => stop());
}
