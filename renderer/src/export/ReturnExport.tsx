/**
 * "Return to the group": a document for a rōpū with its own kōrero, the codes applied to it and the
 * quotes its kaitiaki approved. The core builds it through the gate's return profile (collective
 * consent for return required), asks where to save, and records it in the export audit.
 */
import { useState } from 'react';
import type { ReturnFormat, ReturnResult } from '../../../shared/domain/return-export';
import { useApi } from '../api/ApiProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { useAction } from '../tikanga/useAction';

export function ReturnExport({ groups, groupForTikanga = true }: { groups: Array<{ id: number; name: string }>; groupForTikanga?: boolean }) {
  const api = useApi();
  const action = useAction();
  const [groupId, setGroupId] = useState<number | null>(groups[0]?.id ?? null);
  const [result, setResult] = useState<ReturnResult | null>(null);
  const chosen = groupId ?? groups[0]?.id ?? null;
  const run = async (format: ReturnFormat) => {
    if (chosen === null) return;
    setResult(null);
    const r = await action.run(() => api['export-return']({ groupId: chosen, format, options: { profile: 'return', attribution: { naming: 'pseudonyms', groupForTikanga } } }));
    if (r) setResult(r);
  };
  if (!groups.length) return null;
  return (
    <div className="return-export" role="group" aria-label="Return to the group">
      <h4 className="tk-section-title">Return to the group</h4>
      <p className="tk-help">
        A document for the group with its own kōrero (without unreleased opening and closing tikanga or restricted passages), the codes applied to it and the quotes the kaitiaki approved.
        Needs the group&rsquo;s collective consent for return of findings.
      </p>
      <div className="return-export-row">
        {groups.length > 1 && (
          <select className="input input-compact select" aria-label="Group to return to" value={chosen ?? ''} onChange={(e) => setGroupId(Number(e.target.value))}>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="button button-small" disabled={action.busy} onClick={() => void run('docx')}>
          Return document (Word)…
        </button>
        <button type="button" className="button button-small button-ghost" disabled={action.busy} onClick={() => void run('md')}>
          Markdown…
        </button>
      </div>
      {result && (
        <p className="save-note" role="status">
          {result.cancelled
            ? 'No file was chosen; nothing was written.'
            : `Written to ${result.path}: ${result.turns} turns of kōrero, ${result.codes} codes, ${result.quotes} approved quote${result.quotes === 1 ? '' : 's'}${result.quotesBlocked ? ` (${result.quotesBlocked} not approved for use)` : ''}. Recorded in the export audit.`}
        </p>
      )}
      <ErrorMessage message={action.error} onDismiss={action.clear} />
    </div>
  );
}
