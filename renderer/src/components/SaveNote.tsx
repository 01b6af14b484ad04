/** A quiet note that edits are saved as they are made: "Saving…", then "Saved". */
import type { SaveStatus } from './useAutoSave';

export function SaveNote({ status }: { status: SaveStatus }) {
  return (
    <span className="save-note" role="status" aria-live="polite">
      {status === 'saving' ? 'Saving…' : status === 'saved' ? 'Saved' : 'Changes save as you go'}
    </span>
  );
}
