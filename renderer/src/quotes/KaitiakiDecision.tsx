/**
 * The kaitiaki's word on one tikanga-based quote: every decision on it (who, when, for which
 * output, conditions; revoked ones struck through), and, when this session holds the group's
 * kaitiaki key unlocked, Approve and Refuse with the output and conditions. Otherwise it says whose
 * decision it is ("Awaiting the kaitiaki (Koro Hemi)") and offers to unlock the key; the name one
 * works under gives nothing, and the core refuses an unsigned decision anyway.
 */
import { useState } from 'react';
import type { CheckedQuote } from '../../../shared/domain/quotes';
import type { Approval, KaitiakiStatus } from '../../../shared/domain/tikanga';
import { formatDate } from '../../../shared/format/dates';
import { useApi } from '../api/ApiProvider';
import { useDateFormat } from '../app/AppContext';
import { ErrorMessage } from '../components/ErrorMessage';
import { UnlockKeyDialog } from '../tikanga/KeyDialogs';
import { useAction } from '../tikanga/useAction';

export interface KaitiakiInfo {
  decisions: Approval[];
  status: KaitiakiStatus | null;
  /** The standing decision on the whole export named in the options, for this quote's group, if any. */
  exportDecision?: Approval | undefined;
}

function DecisionLine({ a, canRevoke, onRevoke }: { a: Approval; canRevoke: boolean; onRevoke: () => void }) {
  const dateFormat = useDateFormat();
  const body = (
    <>
      <span className="qk-decision">{a.decision === 'approved' ? 'Approved' : 'Refused'}</span> by {a.kaitiakiName}, {formatDate(a.decidedAt, dateFormat)}
      {a.output ? ` · for ${a.output}` : ''}
      {a.conditions ? ` · conditions: ${a.conditions}` : ''}
    </>
  );
  return (
    <li className={`qk-line is-${a.revokedAt ? 'revoked' : a.decision}`}>
      {a.revokedAt ? <del title={`Revoked ${formatDate(a.revokedAt, dateFormat)}`}>{body}</del> : <span>{body}</span>}
      {a.revokedAt && <span className="qk-revoked"> revoked {formatDate(a.revokedAt, dateFormat)}</span>}
      {!a.revokedAt && canRevoke && (
        <button type="button" className="button button-ghost button-small" onClick={onRevoke} aria-label={`Revoke the ${a.decision === 'approved' ? 'approval' : 'refusal'}`}>
          Revoke
        </button>
      )}
    </li>
  );
}

export function KaitiakiDecision({ quote, info, defaultOutput }: { quote: CheckedQuote; info: KaitiakiInfo; defaultOutput: string }) {
  const api = useApi();
  const action = useAction();
  const [deciding, setDeciding] = useState<'approved' | 'refused' | null>(null);
  const [output, setOutput] = useState('');
  const [conditions, setConditions] = useState('');
  const [unlocking, setUnlocking] = useState(false);
  const { status, decisions } = info;
  const standing = decisions.filter((d) => !d.revokedAt).at(-1);
  const kaitiaki = status?.kaitiaki?.name ?? null;
  const mine = !!status?.actorIsKaitiaki;

  const record = async () => {
    if (!deciding) return;
    const done = await action.run(() =>
      api['approval-record']({ scope: 'quote', decision: deciding, quoteId: quote.id, ...(output.trim() ? { output: output.trim() } : {}), ...(conditions.trim() ? { conditions: conditions.trim() } : {}) }),
    );
    if (done) {
      setDeciding(null);
      setConditions('');
    }
  };

  return (
    <div className="quote-kaitiaki" role="group" aria-label="Kaitiaki approval">
      <div className="qk-head">
        <span className="quote-out-label">Kaitiaki approval</span>
        {!standing && info.exportDecision && (
          <span className={`qk-decision is-${info.exportDecision.decision}`}>
            {info.exportDecision.decision === 'approved' ? 'Approved' : 'Refused'} with the export “{info.exportDecision.exportLabel}” by {info.exportDecision.kaitiakiName}
          </span>
        )}
        {!standing && !info.exportDecision && (
          <span className="qk-awaiting" title={status?.problem ?? undefined}>
            {kaitiaki ? `Awaiting the kaitiaki (${kaitiaki})${mine ? '' : ' — unlock the kaitiaki key to decide'}` : "No kaitiaki named: name one on the group's page"}
          </span>
        )}
        {mine && !deciding && (
          <span className="qk-buttons">
            <button type="button" className="button button-small" onClick={() => { setDeciding('approved'); setOutput(defaultOutput); }}>
              Approve…
            </button>
            <button type="button" className="button button-small button-ghost" onClick={() => { setDeciding('refused'); setOutput(defaultOutput); }}>
              Refuse…
            </button>
          </span>
        )}
        {!mine && kaitiaki && status?.groupId != null && (
          <span className="qk-buttons">
            {standing && <span className="qk-who">Only {kaitiaki} changes it, with the kaitiaki key.</span>}
            <button type="button" className="button button-small" onClick={() => setUnlocking(true)}>
              Unlock kaitiaki key…
            </button>
          </span>
        )}
      </div>
      {decisions.length > 0 && (
        <ul className="qk-lines">
          {decisions.map((a) => (
            <DecisionLine key={a.id} a={a} canRevoke={mine} onRevoke={() => void action.run(() => api['approval-revoke']({ id: a.id }))} />
          ))}
        </ul>
      )}
      {deciding && (
        <form
          className="qk-form"
          onSubmit={(e) => {
            e.preventDefault();
            void record();
          }}
        >
          <label>
            <span>For which output</span>
            <input className="input input-compact" value={output} placeholder="report, presentation, return to the rōpū…" onChange={(e) => setOutput(e.target.value)} />
          </label>
          <label>
            <span>Conditions (optional)</span>
            <input className="input input-compact" value={conditions} placeholder="e.g. only with the group's name" onChange={(e) => setConditions(e.target.value)} />
          </label>
          <button type="submit" className="button button-small button-primary" disabled={action.busy}>
            {deciding === 'approved' ? 'Record approval' : 'Record refusal'}
          </button>
          <button type="button" className="button button-small button-ghost" onClick={() => setDeciding(null)}>
            Cancel
          </button>
        </form>
      )}
      <ErrorMessage message={action.error} onDismiss={action.clear} />
      {unlocking && status?.groupId != null && <UnlockKeyDialog groupId={status.groupId} onClose={() => setUnlocking(false)} />}
    </div>
  );
}
