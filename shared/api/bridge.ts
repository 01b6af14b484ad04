/**
 * What the Electron preload puts on `window.focal`. Plain types only (no `electron` import), so the
 * renderer can declare `window.focal?: FocalBridge` and hand it straight to createClient(): it has
 * the same invoke/on shape as a Transport.
 */
import type { Envelope } from './errors';
import type { EventName, FocalEvents } from './events';

/** Commands the native menu sends; the renderer decides what each one does. */
export type MenuCommand = 'undo' | 'redo' | 'new-project' | 'open-project' | 'import' | 'close-project' | 'find' | 'code-selection' | 'open-review-pack' | 'import-refi-project' | 'export-refi-project' | 'save-coder-copy' | 'merge-coder-copies' | 'agreement' | 'keyboard-shortcuts' | 'preferences' | 'save-copy';

export interface FocalBridge {
  /** Runs a contract call in the core. Names outside the contract answer with an 'unknown-call' envelope. */
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribes to a core push event; returns an unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: FocalEvents[E]) => void): () => void;
  /** Subscribes to native menu commands; returns an unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
  /** The file-system path of a File from a drop or an <input type=file> (sandboxed renderers cannot see it). */
  pathForFile(file: File): string;
}
