/** The browser's "Open project…": a tab cannot show a file dialog, so it offers the recent list. */
import { useId } from 'react';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { RecentProjects } from './RecentProjects';

export function OpenRecentDialog({ onClose, error }: { onClose: () => void; error: string | null }) {
  const headingId = useId();
  return (
    <Dialog
      title="Open project"
      onClose={onClose}
      footer={
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      }
    >
      <p id={headingId} className="field-help">
        Projects saved in the projects folder that you have opened before:
      </p>
      <ErrorMessage message={error} />
      <RecentProjects headingId={headingId} />
    </Dialog>
  );
}
