/**
 * The preload: the only bridge between the sandboxed page and the main process. It exposes one
 * object, window.focal, that can do exactly four things: run a contract call, listen to a core
 * event, listen to a menu command, and turn a dropped File into its path. Nothing else of
 * ipcRenderer (or of Electron) reaches the page. Bundled to CJS with everything but 'electron'
 * inlined, because a sandboxed preload can require nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent, webUtils } from 'electron';
import type { FocalBridge } from '../shared/api/bridge';
import { isCallName } from '../shared/api/contract';
import type { Envelope } from '../shared/api/errors';
import { type EventName, eventNames } from '../shared/api/events';
import { CALL_CHANNEL_PREFIX, EVENT_CHANNEL, isMenuCommand, MENU_CHANNEL } from './shell/channels';

const bridge = {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>> {
    // Checked here too, not only in the main process: a name outside the contract never becomes
    // an IPC channel name at all.
    if (typeof name !== 'string' || !isCallName(name)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-call', message: `Focal has no API call named "${String(name)}".` } });
    }
    return ipcRenderer.invoke(CALL_CHANNEL_PREFIX + name, input) as Promise<Envelope<unknown>>;
  },

  on(event, listener) {
    if (!(eventNames as string[]).includes(event)) throw new Error(`Focal has no event named "${String(event)}".`);
    // The page gets the payload only, never the IpcRendererEvent (it carries the sender object).
    const handler = (_e: IpcRendererEvent, name: EventName, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },

  onMenu(listener) {
    const handler = (_e: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },

  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
} satisfies FocalBridge;

contextBridge.exposeInMainWorld('focal', bridge);
