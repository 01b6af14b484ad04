/**
 * Undo and redo of coding and code-tree actions (the history lives in the project, so it
 * survives a reload). The next undo/redo is shown in the status bar; each step is announced.
 */
import { useCallback } from 'react';
import type { HistoryState } from '../../../shared/domain/coding';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { useProjectData } from '../workspace/useProjectData';

export interface Undo {
  state: HistoryState | null;
  undo(): void;
  redo(): void;
}

export function useUndo(notify: (message: string) => void): Undo {
  const api = useApi();
  const load = useCallback(() => api['history-state']({}), [api]);
  const { data } = useProjectData(load, ['history', 'codes', 'codings', 'memos']);
  const step = useCallback(
    (direction: 'undo' | 'redo') => {
      const entry = direction === 'undo' ? data?.canUndo : data?.canRedo;
      if (!entry) {
        notify(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
        return;
      }
      api[direction === 'undo' ? 'history-undo' : 'history-redo']({}).then(
        () => notify(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${entry.label}`),
        (e: unknown) => notify(describeError(e)),
      );
    },
    [api, data, notify],
  );
  return { state: data, undo: useCallback(() => step('undo'), [step]), redo: useCallback(() => step('redo'), [step]) };
}

export function UndoStatus({ undo }: { undo: Undo }) {
  const u = undo.state?.canUndo;
  const r = undo.state?.canRedo;
  if (!u && !r) return null;
  return (
    <span className="status-undo">
      {u && (
        <button type="button" className="status-link" onClick={undo.undo} title="Undo (Ctrl+Z)" data-testid="undo-button">
          Undo: {u.label}
        </button>
      )}
      {r && (
        <button type="button" className="status-link" onClick={undo.redo} title="Redo (Ctrl+Shift+Z)" data-testid="redo-button">
          Redo: {r.label}
        </button>
      )}
    </span>
  );
}
