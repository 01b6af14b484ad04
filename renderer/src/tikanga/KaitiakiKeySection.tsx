/**
 * The group's kaitiaki key on its page: create it, unlock it for this session or lock it, its
 * fingerprint to read aloud, its history, and the readers list (who besides the kaitiaki may read
 * restricted passages in a kaupapa Māori frame), which only the unlocked key changes.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { KaitiakiKeyStatus } from '../../../shared/domain/kaitiaki';
import { formatDate } from '../../../shared/format/dates';
import { useApi } from '../api/ApiProvider';
import { useDateFormat } from '../app/AppContext';
import { ErrorMessage } from '../components/ErrorMessage';
import { useProjectData } from '../workspace/useProjectData';
import { HandOnDialog, LostKeyDialog } from './KeyChangeDialogs';
import { CreateKeyDialog, Fingerprint, UnlockKeyDialog } from './KeyDialogs';
import { RemoteReviewSection } from './RemoteReviewSection';
import { useAction } from './useAction';

export function KaitiakiKeySection({ groupId }: { groupId: number }) {
  const api = useApi();
  const action = useAction();
  const headingId = useId();
  const load = useCallback(() => api['kaitiaki-key-status']({ groupId }), [api, groupId]);
  const { data: status, error } = useProjectData(load, ['participants', 'consent']);
  const [open, setOpen] = useState<'create' | 'unlock' | 'hand-on' | 'lost' | null>(null);
  const kaitiaki = status?.kaitiaki?.name ?? null;

  return (
    <div className="tk-key" role="group" aria-labelledby={headingId}>
      <h4 id={headingId} className="tk-section-title">
        Kaitiaki key
      </h4>
      <ErrorMessage message={error ?? action.error} onDismiss={action.clear} />
      {status && !kaitiaki && <p className="tk-empty">Name the kaitiaki first: the key is theirs, and only they decide with it.</p>}
      {status && kaitiaki && !status.fingerprint && (
        <>
          <p className="tk-help">
            {kaitiaki}&rsquo;s decisions on this group&rsquo;s kōrero are signed with a kaitiaki key only they hold: a key file sealed with their passphrase. Typing their name gives no authority.
          </p>
          <button type="button" className="button button-small button-primary" onClick={() => setOpen('create')}>
            Create kaitiaki key…
          </button>
        </>
      )}
      {status?.fingerprint && (
        <>
          <div className={status.unlocked ? 'tk-key-state is-unlocked' : 'tk-key-state'} role="status" aria-label="Kaitiaki key status">
            {status.unlocked ? (
              <span>
                <strong>Unlocked for this session</strong> · fingerprint {status.fingerprint}
              </span>
            ) : (
              <span>
                <strong>Locked</strong> · {kaitiaki} unlocks the key with their passphrase to decide
              </span>
            )}
            {status.unlocked ? (
              <button type="button" className="button button-small" disabled={action.busy} onClick={() => void action.run(() => api['kaitiaki-key-lock']({ groupId }))}>
                Lock
              </button>
            ) : (
              <button type="button" className="button button-small button-primary" onClick={() => setOpen('unlock')}>
                Unlock key…
              </button>
            )}
          </div>
          {status.gaps > 0 && (
            <div className="tk-gap" role="alert">
              <p>
                <strong>A signed statement is missing.</strong> The record of this group&rsquo;s kaitiaki decisions refers to{' '}
                {status.gaps === 1 ? 'a statement' : `${status.gaps} statements`} no longer in the project: something was removed from the file, perhaps a refusal
                or a revocation. Until {kaitiaki} has reviewed the group&rsquo;s decisions and acknowledged the gap, none of its tikanga-based kōrero leaves the
                project. Restoring the project from an earlier copy also mends it.
              </p>
              <button
                type="button"
                className="button button-small"
                disabled={!status.unlocked || action.busy}
                title={status.unlocked ? undefined : `${kaitiaki} unlocks the key to acknowledge`}
                onClick={() => void action.run(() => api['kaitiaki-gap-acknowledge']({ groupId }))}
              >
                Reviewed: acknowledge the gap
              </button>
            </div>
          )}
          <p className="tk-key-fp">
            <span className="form-label">Fingerprint of {kaitiaki}&rsquo;s key</span>
            <Fingerprint value={status.fingerprint} />
          </p>
          <KeyHistory history={status.history} />
          <div className="tk-button-row tk-key-change">
            <button type="button" className="button button-small" onClick={() => setOpen('hand-on')} disabled={!status.unlocked} title={status.unlocked ? undefined : `${kaitiaki} unlocks the key to hand the role on`}>
              Hand on…
            </button>
            <button type="button" className="button button-small button-ghost" onClick={() => setOpen('lost')}>
              Lost the key?
            </button>
          </div>
          <p className="tk-help">A lost key can be replaced only through a new collective consent record of the group naming its kaitiaki; decisions signed earlier stay valid.</p>
          <ReadersEditor status={status} />
          <RemoteReviewSection status={status} />
        </>
      )}
      {open === 'create' && <CreateKeyDialog groupId={groupId} onClose={() => setOpen(null)} />}
      {open === 'unlock' && <UnlockKeyDialog groupId={groupId} onClose={() => setOpen(null)} />}
      {open === 'hand-on' && status && <HandOnDialog status={status} onClose={() => setOpen(null)} />}
      {open === 'lost' && status && <LostKeyDialog status={status} onClose={() => setOpen(null)} />}
    </div>
  );
}

function KeyHistory({ history }: { history: KaitiakiKeyStatus['history'] }) {
  const dateFormat = useDateFormat();
  if (history.length < 2) return null;
  return (
    <ul className="tk-key-history" aria-label="Earlier kaitiaki keys">
      {history.map((h) => (
        <li key={h.fingerprint}>
          {h.kaitiakiName} · {h.fingerprint} · {h.how} {formatDate(h.from.slice(0, 10), dateFormat)}
          {h.until ? `, until ${formatDate(h.until.slice(0, 10), dateFormat)}` : ' (current)'}
        </li>
      ))}
    </ul>
  );
}

function ReadersEditor({ status }: { status: KaitiakiKeyStatus }) {
  const api = useApi();
  const action = useAction();
  const [draft, setDraft] = useState<string[]>(status.readers);
  const [name, setName] = useState('');
  const stored = status.readers.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setDraft(status.readers), [stored]);
  const changed = draft.join('\n') !== stored;
  const add = () => {
    const n = name.normalize('NFC').trim();
    if (n && !draft.includes(n)) setDraft([...draft, n]);
    setName('');
  };
  return (
    <div className="tk-readers" role="group" aria-label="Readers of restricted passages">
      <h5 className="tk-subtitle">Who may read restricted (tapu) passages</h5>
      <p className="tk-help">
        Besides {status.kaitiaki?.name ?? 'the kaitiaki'}, only the people listed here, working in a kaupapa Māori frame. {status.unlocked ? 'The list is signed with the key when you save it.' : 'Only the kaitiaki changes this list, with the key unlocked.'}
      </p>
      {draft.length === 0 ? (
        <p className="tk-empty">Nobody else.</p>
      ) : (
        <ul className="tk-reader-list">
          {draft.map((r) => (
            <li key={r}>
              <span>{r}</span>
              {status.unlocked && (
                <button type="button" className="button button-ghost button-small" aria-label={`Remove ${r} from the readers`} onClick={() => setDraft(draft.filter((x) => x !== r))}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {status.unlocked && (
        <div className="tk-form-row">
          <label className="tk-field">
            <span className="form-label">Add a reader</span>
            <input
              className="input"
              value={name}
              placeholder="Their name as they work in Focal"
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
          </label>
          <button type="button" className="button button-small" disabled={!name.trim()} onClick={add}>
            Add
          </button>
          <button type="button" className="button button-small button-primary" disabled={!changed || action.busy} onClick={() => void action.run(() => api['kaitiaki-readers-set']({ groupId: status.groupId, readers: draft }))}>
            Save readers list
          </button>
        </div>
      )}
      <ErrorMessage message={action.error} onDismiss={action.clear} />
    </div>
  );
}
