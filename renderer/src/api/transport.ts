/**
 * Picks how the renderer talks to the core: the Electron preload's IPC bridge when present,
 * otherwise HTTP to the browser harness. Both end in the same core dispatcher, so the rest of
 * the renderer never knows which one it has.
 */
import { createClient, type FocalClient } from '../../../shared/api/client';
import type { FocalBridge } from '../../../shared/api/bridge';
import { getBridge } from './bridge';
import { httpTransport, takeToken } from './http-transport';

export interface Connection {
  client: FocalClient;
  /** Present in Electron only: native menu commands and file paths come through it. */
  bridge: FocalBridge | null;
}

export function connect(): Connection {
  const bridge = getBridge();
  // The bridge already has the Transport shape (invoke + on).
  if (bridge) return { client: createClient(bridge), bridge };
  return { client: createClient(httpTransport(takeToken())), bridge: null };
}
