/**
 * The import dialog: options → progress (from the core's `progress` events) → per-file results,
 * where duplicates can be imported again or skipped, then on to reviewing the speakers.
 */
import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { plural } from '../format/numbers';
import type { PendingFile } from './files';
import { ImportResults } from './ImportResults';
import { ImportSetup } from './ImportSetup';
import { useImportRun, type ImportOptions, type Progress } from './useImportRun';

interface ImportDialogProps {
  files: PendingFile[];
  onClose: () => void;
  /** Opens the speaker review for the transcripts just imported. */
  onReviewSpeakers: (sourceIds: number[]) => void;
}

export function ImportDialog({ files, onClose, onReviewSpeakers }: ImportDialogProps) {
  const [options, setOptions] = useState<ImportOptions>({ mode: 'header', group: { kind: 'none' } });
  const run = useImportRun(files);
  const imported = run.entries.flatMap((e) => (e.result.status === 'imported' && e.result.sourceId !== undefined ? [e.result.sourceId] : []));
  const newGroupMissing = options.group.kind === 'new' && options.group.name.trim() === '';

  const submit = () => {
    if (run.phase === 'setup' && !newGroupMissing) void run.run(options);
    else if (run.phase === 'results') {
      if (imported.length) onReviewSpeakers(imported);
      else onClose();
    }
  };

  const footer =
    run.phase === 'setup' ? (
      <>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={newGroupMissing} data-autofocus={options.group.kind === 'new' ? undefined : true}>
          Import {plural(files.length, 'file')}
        </button>
      </>
    ) : run.phase === 'results' ? (
      <>
        <button type="button" className="button" onClick={onClose} data-autofocus={imported.length ? undefined : true}>
          {imported.length ? 'Done' : 'Close'}
        </button>
        {imported.length > 0 && (
          <button type="submit" className="button button-primary" data-autofocus>
            Review speakers
          </button>
        )}
      </>
    ) : null;

  const title = run.phase === 'setup' ? 'Import transcripts' : run.phase === 'importing' ? 'Importing transcripts…' : 'Import results';
  return (
    <Dialog title={title} onClose={onClose} onSubmit={submit} footer={footer} size="wide" className="import-dialog" step={run.phase}>
      {run.phase === 'setup' && <ImportSetup files={files} options={options} onChange={setOptions} />}
      {run.phase === 'importing' && <ImportProgress progress={run.progress} total={files.length} />}
      {run.phase === 'results' && <ImportResults entries={run.entries} onImportAgain={(i) => void run.importAgain(i)} onSkip={run.skip} />}
      <ErrorMessage message={run.error} />
    </Dialog>
  );
}

function ImportProgress({ progress, total }: { progress: Progress | null; total: number }) {
  const done = progress?.done ?? 0;
  return (
    <div className="import-progress" tabIndex={-1} data-autofocus>
      <p className="import-progress-label" role="status" aria-live="polite">
        {progress?.label ?? 'Reading files…'}
      </p>
      <progress className="progress-bar" max={Math.max(total, 1)} value={done} aria-label="Import progress" />
      <p className="field-help">
        {done} of {plural(total, 'file')} done. Each file is saved as soon as it is read; you can close this and the import carries on.
      </p>
    </div>
  );
}
