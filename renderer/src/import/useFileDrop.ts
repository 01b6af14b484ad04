/**
 * Files dragged onto the workspace. While files are over the window a drop zone lights up:
 * the register zone (the Participants section, `data-drop-zone="register"`) takes a CSV register,
 * anywhere else takes transcripts. The register zone handles its own drop; this hook the rest.
 */
import { createContext, useContext, useRef, useState, type DragEvent } from 'react';
import { hasFiles } from './files';

export type DropZone = 'transcripts' | 'register' | null;

export const DropZoneContext = createContext<DropZone>(null);
export const useDropZone = () => useContext(DropZoneContext);

function zoneOf(target: EventTarget | null): DropZone {
  return target instanceof Element && target.closest('[data-drop-zone="register"]') ? 'register' : 'transcripts';
}

export function useFileDrop(onFiles: (files: File[]) => void) {
  const [zone, setZone] = useState<DropZone>(null);
  const depth = useRef(0);

  const over = (e: DragEvent) => {
    if (!hasFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setZone(zoneOf(e.target));
  };
  const handlers = {
    onDragEnter: (e: DragEvent) => {
      if (!hasFiles(e.dataTransfer)) return;
      depth.current += 1;
      over(e);
    },
    onDragOver: over,
    onDragLeave: (e: DragEvent) => {
      if (!hasFiles(e.dataTransfer)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setZone(null);
    },
    // Capture: the zone goes dark even when the register zone handles the drop itself.
    onDropCapture: () => {
      depth.current = 0;
      setZone(null);
    },
    onDrop: (e: DragEvent) => {
      if (!hasFiles(e.dataTransfer)) return;
      e.preventDefault();
      const files = Array.from(e.dataTransfer.files);
      if (files.length) onFiles(files);
    },
  };
  return { zone, handlers };
}
