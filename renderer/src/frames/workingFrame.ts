/**
 * The code frame the analyst is working in, shared by the codes pane (which sets it) and the
 * transcript (which asks the core for the text as that frame may see it: restricted passages are
 * readable in a kaupapa Māori frame only). null until a frame is chosen: the safe default.
 */
import { useSyncExternalStore } from 'react';

let current: number | null = null;
const listeners = new Set<() => void>();

export function setWorkingFrame(frameId: number | null): void {
  if (frameId === current) return;
  current = frameId;
  for (const l of listeners) l();
}

export function useWorkingFrame(): number | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
