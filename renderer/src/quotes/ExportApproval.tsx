/**
 * Per-export approval: the kaitiaki approves (or refuses) every quote of their group in an export
 * named by its label at once; the gate then passes the group's quotes for that label only. Offered
 * only while this session holds the group's kaitiaki key unlocked; otherwise, a way to unlock it.
 */
import { useState } from 'react';
import type { Approval, KaitiakiStatus } from '../../../shared/domain/tikanga';
import { useApi } from '../api/ApiProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { UnlockKeyDialog } from '../tikanga/KeyDialogs';
import { useAction } from '../tikanga/useAction';

export function ExportApproval({ label, statuses, decisions }: { label: string; statuses: KaitiakiStatus[]; decisions: Approval[] }) {
  const api = useApi();
  const action = useAction();
  const [unlocking, setUnlocking] = useState<number | null>(null);
  const groups = new Map<number, KaitiakiStatus>();
  for (const s of statuses) if (s.groupId !== null && !groups.has(s.groupId)) groups.set(s.groupId, s);
  if (!label.trim() || !groups.size) return null;
  return (
    <div className="export-approval" role="group" aria-label="Kaitiaki approval of this export">
      {[...groups.values()].map((s) => {
        const standing = decisions.filter((d) => d.groupId === s.groupId && d.exportLabel === label.trim() && !d.revokedAt).at(-1);
        return (
          <span key={s.groupId} className="export-approval-group">
            {standing ? (
              <span className={`qk-decision is-${standing.decision}`}>
                {standing.decision === 'approved' ? 'Approved' : 'Refused'} for “{label.trim()}” by {standing.kaitiakiName}
              </span>
            ) : s.actorIsKaitiaki ? (
              <button
                type="button"
                className="button button-small"
                disabled={action.busy}
                onClick={() => void action.run(() => api['approval-record']({ scope: 'export', decision: 'approved', groupId: s.groupId!, exportLabel: label.trim(), output: label.trim() }))}
              >
                Approve {s.groupName}&rsquo;s quotes for “{label.trim()}” (refused ones stay refused)
              </button>
            ) : (
              <>
                <span className="qk-awaiting">
                  {s.groupName}: awaiting the kaitiaki{s.kaitiaki ? ` (${s.kaitiaki.name})` : ''} for “{label.trim()}”
                </span>
                {s.kaitiaki && (
                  <button type="button" className="button button-small" onClick={() => setUnlocking(s.groupId)}>
                    Unlock kaitiaki key…
                  </button>
                )}
              </>
            )}
          </span>
        );
      })}
      <ErrorMessage message={action.error} onDismiss={action.clear} />
      {unlocking !== null && <UnlockKeyDialog groupId={unlocking} onClose={() => setUnlocking(null)} />}
    </div>
  );
}
