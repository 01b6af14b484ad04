/**
 * After importing: one line per file — imported (title, words, speakers; then the title to edit,
 * mode, timed or not, warnings and turns to check), duplicate (ask), or failed (why). A tikanga-based transcript offers to set up its rōpū in one step.
 */
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { plural } from '../format/numbers';
import { GroupSetupDialog } from '../participants/GroupSetupDialog';
import { ImportedDetails } from './ImportedDetails';
import type { Entry } from './useImportRun';

interface ImportResultsProps {
  entries: Entry[];
  onImportAgain: (index: number) => void;
  onSkip: (index: number) => void;
}

/** Failure messages name the file ("x.txt: the file is empty"); beside the file name, the reason is enough. */
function reason(fileName: string, message: string | undefined): string {
  const m = message ?? 'Could not be imported.';
  const prefix = `${fileName}: `;
  if (!m.startsWith(prefix)) return m;
  const rest = m.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** A duplicate of a transcript already in the project is named by that transcript's title. */
function duplicateReason(r: Entry['result']): string {
  return r.duplicateOf ? `Same content as “${r.duplicateOf.title}”, already in this project.` : reason(r.fileName, r.message);
}

export function summarise(entries: Entry[]): string {
  const count = (s: string) => entries.filter((e) => e.result.status === s && e.decision !== 'skipped' && !e.linked).length;
  const recordings = entries.filter((e) => e.linked).length;
  const skipped = entries.filter((e) => e.decision === 'skipped').length;
  const parts = [`${count('imported')} imported`];
  if (count('duplicate')) parts.push(plural(count('duplicate'), 'duplicate'));
  if (recordings) parts.push(`${plural(recordings, 'recording')} linked`);
  if (skipped) parts.push(`${skipped} skipped`);
  if (count('failed')) parts.push(`${count('failed')} failed`);
  return parts.join(' · ');
}

export function ImportResults({ entries, onImportAgain, onSkip }: ImportResultsProps) {
  return (
    <>
      <p className="import-summary" role="status">
        {summarise(entries)}
      </p>
      <ul className="import-results" aria-label="Import results">
        {entries.map((e, i) => (
          <li key={`${e.file.name}-${i}`} className={`import-result is-${e.decision === 'skipped' ? 'skipped' : e.result.status}`}>
            <ResultLine entry={e} index={i} onImportAgain={onImportAgain} onSkip={onSkip} />
          </li>
        ))}
      </ul>
    </>
  );
}

function ResultLine({ entry, index, onImportAgain, onSkip }: { entry: Entry; index: number; onImportAgain: (i: number) => void; onSkip: (i: number) => void }) {
  const r = entry.result;
  if (entry.linked) {
    return (
      <span>
        <span className="result-status">Linked</span> · {r.fileName} · the recording of “{entry.linked}” (kept beside the project, not copied in)
      </span>
    );
  }
  if (r.status === 'imported') return <ImportedLine entry={entry} />;
  if (r.status === 'duplicate') {
    const skipped = entry.decision === 'skipped';
    return (
      <>
        <span className="result-icon" aria-hidden="true">=</span>
        <div className="result-main">
          <span className="result-title">{r.fileName}</span>
          <span className="result-meta">
            <span className="result-status">{skipped ? 'Skipped' : 'Duplicate'}</span> · {duplicateReason(r)}
          </span>
          {entry.error && <span className="field-error" role="alert">{entry.error}</span>}
        </div>
        {!skipped && (
          <div className="result-actions" role="group" aria-label={`${r.fileName}: import again anyway?`}>
            <span className="result-question">Import again anyway?</span>
            <button type="button" className="button button-small" disabled={entry.decision === 'importing'} onClick={() => onImportAgain(index)}>
              {entry.decision === 'importing' ? 'Importing…' : 'Import again anyway'}
            </button>
            <button type="button" className="button-ghost button-small" disabled={entry.decision === 'importing'} onClick={() => onSkip(index)}>
              Skip
            </button>
          </div>
        )}
      </>
    );
  }
  return (
    <>
      <span className="result-icon" aria-hidden="true">!</span>
      <div className="result-main">
        <span className="result-title">{r.fileName}</span>
        <span className="result-meta">
          <span className="result-status">Failed</span> · {reason(r.fileName, r.message)}
        </span>
      </div>
    </>
  );
}

function ImportedLine({ entry }: { entry: Entry }) {
  const r = entry.result;
  const [settingUp, setSettingUp] = useState(false);
  const [title, setTitle] = useState(r.title);
  const speakers = r.speakers?.length ?? 0;
  return (
      <>
        <span className="result-icon" aria-hidden="true">✓</span>
        <div className="result-main">
          <span className="result-title">{title ?? r.fileName}</span>
          <span className="result-meta">
            <span className="result-status">Imported</span> · {r.fileName} · {plural(r.wordCount ?? 0, 'word')} · {plural(speakers, 'speaker')}
            {r.warnings && r.warnings.length > 0 && <> · {plural(r.warnings.length, 'warning')}</>}
          </span>
          <ImportedDetails result={r} onTitle={setTitle} />
          {r.mode === 'tikanga' && r.speakers && r.speakers.length > 0 && (
            <span className="result-speakers">Speakers: {r.speakers.join(', ')}</span>
          )}
        </div>
        {r.mode === 'tikanga' && r.sourceId !== undefined && (
          <div className="result-actions">
            <button type="button" className="button button-small" onClick={() => setSettingUp(true)}>
              Set up the rōpū…
            </button>
          </div>
        )}
        {settingUp &&
          r.sourceId !== undefined &&
          // Out of the import dialog's form; its submit and Escape stay in this dialog (React events bubble through portals).
          createPortal(
            <div onSubmit={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
              <GroupSetupDialog sourceId={r.sourceId} onClose={() => setSettingUp(false)} />
            </div>,
            document.body,
          )}
      </>
    );
}
