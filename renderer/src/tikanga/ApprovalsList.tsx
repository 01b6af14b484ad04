/** The kaitiaki's decisions for a group: approvals and refusals of quotes, exports and part releases, with revocation. */
import type { Approval } from '../../../shared/domain/tikanga';
import { formatDate } from '../../../shared/format/dates';
import { useApi } from '../api/ApiProvider';
import { useDateFormat } from '../app/AppContext';
import { ErrorMessage } from '../components/ErrorMessage';
import { useAction } from './useAction';

const SCOPE = { quote: 'Quote', export: 'Export', part: 'Release of a tikanga part' } as const;

export function ApprovalsList({ approvals, kaitiakiName }: { approvals: Approval[]; kaitiakiName: string | null }) {
  const api = useApi();
  const action = useAction();
  const dateFormat = useDateFormat();
  return (
    <div className="tk-approvals" role="group" aria-label="Kaitiaki decisions">
      <h4 className="tk-section-title">Kaitiaki decisions</h4>
      {approvals.length === 0 && (
        <p className="tk-empty">{kaitiakiName ? `No decisions yet. ${kaitiakiName} approves or refuses quotes, exports and releases of tikanga parts.` : 'Name the kaitiaki first: only they approve quotes and exports.'}</p>
      )}
      <ul className="tk-approval-list">
        {approvals.map((a) => (
          <li key={a.id} className={a.revokedAt ? 'tk-approval is-revoked' : `tk-approval is-${a.decision}`}>
            <span className="tk-approval-decision">{a.decision === 'approved' ? 'Approved' : 'Refused'}</span>
            <span className="tk-approval-what">
              {SCOPE[a.scope]}
              {a.quoteId !== null ? ` #${a.quoteId}` : ''}
              {a.exportLabel ? ` “${a.exportLabel}”` : ''}
              {a.output ? ` · for ${a.output}` : ''}
            </span>
            <span className="tk-approval-by">
              {a.kaitiakiName}, {formatDate(a.decidedAt, dateFormat)}
            </span>
            {a.conditions && <span className="tk-approval-conditions">Conditions: {a.conditions}</span>}
            {a.revokedAt ? (
              <span className="tk-approval-revoked">Revoked {formatDate(a.revokedAt, dateFormat)}</span>
            ) : (
              <button type="button" className="button button-ghost button-small" aria-label={`Revoke the decision on ${SCOPE[a.scope]}`} onClick={() => void action.run(() => api['approval-revoke']({ id: a.id }))}>
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorMessage message={action.error} onDismiss={action.clear} />
    </div>
  );
}
