/** How anything in the workspace starts an import: the Sources button, empty states, drops. */
import { createContext, useContext } from 'react';

export interface ImportActions {
  /** The native file dialog in Electron, the browser's file picker in a tab. */
  chooseFiles(): void;
  /** Files dropped on the window (or picked in a tab). */
  importFiles(files: File[]): void;
  /** Opens the speaker review: for these transcripts, or every unlinked label when null. */
  reviewSpeakers(sourceIds: number[] | null): void;
}

export const ImportContext = createContext<ImportActions | null>(null);

export function useImportActions(): ImportActions {
  const ctx = useContext(ImportContext);
  if (!ctx) throw new Error('useImportActions() used outside the workspace');
  return ctx;
}
