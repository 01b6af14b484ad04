/**
 * Export a quote bank: format, profile and attribution; the core runs the gate, asks the host where
 * to save (native dialog on the desktop), writes the file and records it. The result says how many
 * quotes went and how many were blocked, with a way to the blocked list.
 */
import { useCallback, useState } from 'react';
import type { ExportFormat, ExportResult } from '../../../shared/domain/quotes';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { Dialog } from '../components/Dialog';
import { toCallOptions, type OptionsState } from '../quotes/options';
import { useProjectData } from '../workspace/useProjectData';
import { reasonLabel, reasonTitle } from './reason-labels';
import { ReturnExport } from './ReturnExport';

/** The written file: its name, then its folder on a line of its own, and a button to copy the whole path. */
function ExportedFile({ path }: { path: string }) {
  const [copied, setCopied] = useState(false);
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const name = path.slice(cut + 1);
  const folder = cut > 0 ? path.slice(0, cut) : '';
  return (
    <div className="export-file">
      <div className="export-file-text">
        <span className="export-file-name">{name}</span>
        {folder && (
          <span className="export-file-folder" title={folder}>
            in {folder}
          </span>
        )}
      </div>
      <button
        type="button"
        className="button button-small"
        onClick={() =>
          void navigator.clipboard
            ?.writeText(path)
            .then(() => setCopied(true))
            .catch(() => {})
        }
      >
        {copied ? 'Copied' : 'Copy path'}
      </button>
    </div>
  );
}

const FORMATS: Array<{ value: ExportFormat; label: string; help: string }> = [
  { value: 'docx', label: 'Word', help: 'grouped by code, ready for a report' },
  { value: 'xlsx', label: 'Excel', help: 'one row per quote' },
  { value: 'csv', label: 'CSV', help: 'UTF-8, one row per quote' },
  { value: 'md', label: 'Markdown', help: 'grouped by code' },
];

interface ExportDialogProps {
  options: OptionsState;
  selection: { codeId?: number };
  scopeLabel: string;
  onClose: () => void;
  onShowBlocked: () => void;
}

export function ExportDialog({ options, selection, scopeLabel, onClose, onShowBlocked }: ExportDialogProps) {
  const api = useApi();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [withTime, setWithTime] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadGroups = useCallback(() => api['participants-list']({}).then((ps) => ps.filter((p) => p.kind === 'group').map((p) => ({ id: p.id, name: p.name }))), [api]);
  const groups = useProjectData(loadGroups, ['participants']);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api['export-quotes']({ selection, format, options: { ...toCallOptions(options), ...(withTime ? { includeTime: true } : {}) } }));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <Dialog
        title={result.path ? 'Quote bank exported' : result.cancelled ? 'Export cancelled' : 'Nothing exported'}
        onClose={onClose}
        step="result"
        footer={
          <>
            {result.blocked > 0 && (
              <button type="button" className="button" onClick={onShowBlocked}>
                Show blocked quotes
              </button>
            )}
            <button type="button" className="button button-primary" data-autofocus onClick={onClose}>
              Done
            </button>
          </>
        }
      >
        <div className="export-result" role="status">
          {result.path && (
            <p>
              <strong>{result.exported}</strong> quote{result.exported === 1 ? '' : 's'} exported to
            </p>
          )}
          {result.path && <ExportedFile path={result.path} />}
          {!result.path && !result.cancelled && <p>Every quote was blocked, so no file was written.</p>}
          {result.cancelled && <p>No file was chosen; nothing was written.</p>}
          {result.blocked > 0 && (
            <>
              <p>
                <strong>{result.blocked}</strong> blocked by the export gate:
              </p>
              <ul className="export-reasons">
                {Object.entries(result.reasonCounts).map(([code, n]) => (
                  <li key={code}>
                    <span className="reason-label" title={reasonTitle(code)}>
                      {reasonLabel(code)}
                    </span>{' '}
                    {n}
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.notes.length > 0 && (
            <div className="export-notes">
              <p>Neutral labels stood in for names not yet decided:</p>
              <ul>
                {result.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </div>
          )}
          {result.sha256 && <p className="field-help">SHA-256 {result.sha256} · recorded in the export audit (gate version {result.gateVersion})</p>}
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Export quote bank"
      onClose={onClose}
      onSubmit={() => void run()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-autofocus>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </>
      }
    >
      <p className="dialog-text">
        {scopeLabel}. Every quote passes the export gate first: consent, withdrawals, marked passages, identifiers and, for tikanga-based kōrero, collective consent and
        the kaitiaki&rsquo;s approval. Text is pseudonymised on the copy that leaves.
      </p>
      <fieldset className="export-formats">
        <legend className="form-label">Format</legend>
        {FORMATS.map((f) => (
          <label key={f.value} className={format === f.value ? 'radio-card is-on' : 'radio-card'}>
            <input type="radio" name="format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} />
            <span className="radio-card-label">{f.label}</span>
            <span className="radio-card-help">{f.help}</span>
          </label>
        ))}
      </fieldset>
      <label className="checkbox-row">
        <input type="checkbox" checked={withTime} onChange={(e) => setWithTime(e.target.checked)} /> Include each quote’s time in its recording (where the transcript is timed)
      </label>
      <p className="field-help">
        Profile: {options.profile === 'return' ? 'return to the group' : 'report'} · attribution: {options.naming === 'pseudonyms' ? 'pseudonyms' : options.naming}
        {options.groupForTikanga ? ', tikanga-based kōrero to the group' : ''}
      </p>
      {error && <p className="field-error">{error}</p>}
      {options.profile === 'return' && groups.data && <ReturnExport groups={groups.data} groupForTikanga={options.groupForTikanga} />}
    </Dialog>
  );
}
