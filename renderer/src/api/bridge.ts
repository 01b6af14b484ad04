/** The Electron preload's bridge, when there is one (see shared/api/bridge.ts). */
import type { FocalBridge } from '../../../shared/api/bridge';

declare global {
  interface Window {
    focal?: FocalBridge;
  }
}

export function getBridge(): FocalBridge | null {
  return window.focal ?? null;
}
