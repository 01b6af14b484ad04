/**
 * Owns the import for the workspace: Ctrl/Cmd+I and the native menu's Import command, the file
 * picker (native dialog in Electron, a hidden <input type=file> in a tab) and the import dialog.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApi, useConnection } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { fromFiles, fromPaths, TRANSCRIPT_ACCEPT, type PendingFile } from './files';
import type { ImportActions } from './ImportContext';
import { ImportDialog } from './ImportDialog';

export interface Importer {
  actions: ImportActions;
  /** The hidden file input and the dialog, to render once in the workspace. */
  ui: ReactNode;
  error: string | null;
  dismissError: () => void;
}

const anotherDialogOpen = () => document.querySelector('dialog[open]') !== null;

export function useImporter(onReviewSpeakers: (sourceIds: number[] | null) => void): Importer {
  const api = useApi();
  const { bridge } = useConnection();
  const [pending, setPending] = useState<PendingFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Each import gets a fresh dialog, even when files are dropped while results are still showing.
  const [runId, setRunId] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const actions = useMemo<ImportActions>(() => {
    const start = (files: PendingFile[]) => {
      if (files.length === 0) return;
      setError(null);
      setRunId((n) => n + 1);
      setPending(files);
    };
    return {
      chooseFiles: () => {
        if (!bridge) return input.current?.click();
        api['import-choose-files']({}).then(
          (paths) => paths && start(fromPaths(paths)),
          (e: unknown) => setError(describeError(e)),
        );
      },
      importFiles: (files) => start(fromFiles(files, bridge)),
      reviewSpeakers: onReviewSpeakers,
    };
  }, [api, bridge, onReviewSpeakers]);

  const latest = useRef({ actions, busy: false });
  useLayoutEffect(() => {
    latest.current = { actions, busy: pending !== null };
  });
  useEffect(() => {
    const open = () => {
      if (latest.current.busy || anotherDialogOpen()) return false;
      latest.current.actions.chooseFiles();
      return true;
    };
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'i') return;
      if (open()) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const offMenu = bridge?.onMenu((command) => command === 'import' && open());
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu?.();
    };
  }, [bridge]);

  const ui = (
    <>
      <input
        ref={input}
        type="file"
        multiple
        accept={TRANSCRIPT_ACCEPT}
        hidden
        aria-label="Transcript files to import"
        data-testid="import-file-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          actions.importFiles(files);
        }}
      />
      {pending && (
        <ImportDialog
          key={runId}
          files={pending}
          onClose={() => setPending(null)}
          onReviewSpeakers={(ids) => {
            setPending(null);
            onReviewSpeakers(ids);
          }}
        />
      )}
    </>
  );
  return { actions, ui, error, dismissError: () => setError(null) };
}
