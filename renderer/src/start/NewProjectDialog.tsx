/**
 * Asks for the project's name only: where the file goes is the host's decision (a save dialog in
 * Electron, the projects folder in the browser). A null answer means the save dialog was cancelled.
 */
import { useId, useState } from 'react';
import type { ProjectInfo } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { useAppContext } from '../app/AppContext';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';

export function NewProjectDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (project: ProjectInfo) => void }) {
  const api = useApi();
  const { info } = useAppContext();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const helpId = useId();

  const create = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api['project-new']({ name });
      if (created) onCreated(created);
      else onClose();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New project"
      onClose={onClose}
      onSubmit={() => void create()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !name.trim()}>
            {busy ? 'Creating…' : 'Create project'}
          </button>
        </>
      }
    >
      <label htmlFor={inputId} className="field-label">
        Project name
      </label>
      <input
        id={inputId}
        className="input input-wide"
        value={name}
        maxLength={200}
        autoFocus
        placeholder="e.g. Hui ā-rohe 2026"
        aria-describedby={helpId}
        onChange={(e) => setName(e.target.value)}
      />
      <p id={helpId} className="field-help">
        {info.platform === 'web' ? 'The project file is saved in the projects folder Focal was started with.' : 'Next you choose where to save the project file.'}
      </p>
      <ErrorMessage message={error} />
    </Dialog>
  );
}
