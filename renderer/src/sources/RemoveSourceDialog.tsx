/** Confirms removing a transcript, saying how much coding goes with it. */
import { useState } from 'react';
import type { SourceSummary } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { plural } from '../format/numbers';

interface RemoveSourceDialogProps {
  source: SourceSummary;
  onClose: () => void;
  onRemoved: () => void;
}

export function RemoveSourceDialog({ source, onClose, onRemoved }: RemoveSourceDialogProps) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await api['source-delete']({ sourceId: source.id });
      onRemoved();
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Remove transcript?"
      onClose={onClose}
      onSubmit={() => void remove()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-danger-solid" disabled={busy} data-autofocus>
            Remove transcript
          </button>
        </>
      }
    >
      <p className="dialog-text">
        “{source.title}” will be removed from this project
        {source.codingCount > 0 ? (
          <>
            , and <strong>{plural(source.codingCount, 'coding')}</strong> in it will be lost.
          </>
        ) : (
          <>. It has no codings yet, so no coding is lost.</>
        )}
      </p>
      <p className="dialog-text field-help">
        Its quotes in the quote bank and its marked passages go with it. Participants and codes stay. The file on your computer is not touched.
      </p>
      <ErrorMessage message={error} />
    </Dialog>
  );
}
