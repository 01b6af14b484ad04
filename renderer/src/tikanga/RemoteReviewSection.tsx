/**
 * On the group's page, for a kaitiaki who decides elsewhere: the analyst saves a review pack (the
 * core builds it and writes it where the host says; audited as an export, since it holds quote
 * text), sends it, and imports the signed decisions file that comes back (chosen through the
 * host), seeing what was imported and what was skipped, and why.
 */
import { useState } from 'react';
import type { KaitiakiKeyStatus } from '../../../shared/domain/kaitiaki';
import { useApi } from '../api/ApiProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { useAction } from './useAction';

type Imported = { fileName: string | null; imported: number; skipped: Array<{ quoteId: number | null; why: string }> };

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function RemoteReviewSection({ status }: { status: KaitiakiKeyStatus }) {
  const api = useApi();
  const action = useAction();
  const [saved, setSaved] = useState<{ path: string; quotes: number } | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const kaitiaki = status.kaitiaki?.name ?? 'the kaitiaki';

  const savePack = async () => {
    setImported(null);
    const r = await action.run(() => api['kaitiaki-review-pack-save']({ groupId: status.groupId }));
    setSaved(r && !r.cancelled && r.path ? { path: r.path, quotes: r.quotes } : null);
  };
  const importFile = async () => {
    setSaved(null);
    const r = await action.run(() => api['kaitiaki-import-decisions-file']({ groupId: status.groupId }));
    setImported(r && !r.cancelled ? r : null);
  };

  return (
    <div className="tk-remote" role="group" aria-label="Kaitiaki deciding elsewhere">
      <h5 className="tk-subtitle">When {kaitiaki} decides elsewhere</h5>
      <p className="tk-help">
        Save a review pack (the quotes awaiting {kaitiaki}&rsquo;s decision, as text with a little context, and nothing else from the project) and send it. {kaitiaki} opens it in Focal (Open review pack…), decides with the key and sends back a signed decisions file to import here.
      </p>
      <div className="tk-button-row">
        <button type="button" className="button button-small" disabled={action.busy} onClick={() => void savePack()}>
          Save review pack…
        </button>
        <button type="button" className="button button-small" disabled={action.busy} onClick={() => void importFile()}>
          Import decisions…
        </button>
      </div>
      <ErrorMessage message={action.error} onDismiss={action.clear} />
      {saved && (
        <p className="save-note" role="status">
          Review pack saved: {saved.quotes} quote{saved.quotes === 1 ? '' : 's'} awaiting {kaitiaki}, in <code>{fileName(saved.path)}</code>. It holds quote text: send it to {kaitiaki} only. Recorded in the export audit.
        </p>
      )}
      {imported && (
        <div className="tk-import-result" role="status" aria-label="Decisions imported">
          <p>
            <strong>
              {imported.imported} signed decision{imported.imported === 1 ? '' : 's'} imported
            </strong>
            {imported.fileName ? ` from ${imported.fileName}` : ''}
            {imported.skipped.length ? `; ${imported.skipped.length} skipped:` : '.'}
          </p>
          {imported.skipped.length > 0 && (
            <ul className="tk-skipped" aria-label="Skipped decisions">
              {imported.skipped.map((s, i) => (
                <li key={i}>
                  {s.quoteId !== null ? `Quote ${s.quoteId}` : 'A statement'}: {s.why}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
