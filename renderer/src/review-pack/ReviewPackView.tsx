/**
 * A review pack open on the kaitiaki's machine (no project needed): the quotes awaiting their
 * decision, each with its context; the kaitiaki unlocks their key file with the passphrase,
 * approves or refuses each quote (with conditions), and saves the signed decisions file. Signing
 * happens in the core; nothing here sees the key or keeps the passphrase.
 */
import { useState } from 'react';
import type { OpenReviewPack, ReviewDecision } from '../../../shared/api/calls-kaitiaki';
import { useApi } from '../api/ApiProvider';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { Fingerprint } from '../tikanga/KeyDialogs';
import { useAction } from '../tikanga/useAction';
import './review-pack.css';

type Choice = { decision: 'approved' | 'refused' | null; conditions: string };

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function ReviewPackView({ pack, onPack, onClose }: { pack: OpenReviewPack; onPack: (p: OpenReviewPack) => void; onClose: () => void }) {
  const api = useApi();
  const action = useAction();
  const [pass, setPass] = useState('');
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [saved, setSaved] = useState<{ path: string; approved: number; refused: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const choice = (id: number): Choice => choices[id] ?? { decision: null, conditions: '' };
  const setChoice = (id: number, patch: Partial<Choice>) => {
    setSaved(null);
    setChoices((c) => ({ ...c, [id]: { ...choice(id), ...patch } }));
  };
  const decided: ReviewDecision[] = pack.quotes.flatMap((q) => {
    const c = choice(q.quoteId);
    return c.decision && !q.problem ? [{ quoteId: q.quoteId, decision: c.decision, ...(c.conditions.trim() ? { conditions: c.conditions } : {}) }] : [];
  });

  const unlock = async () => {
    if (!pass) return setProblem('Type the passphrase of your key.');
    setProblem(null);
    const r = await action.run(() => api['review-pack-unlock']({ passphrase: pass }));
    setPass('');
    if (!r) return;
    if (!r.unlocked) return setProblem('No key file was chosen, so the key is still locked.');
    onPack(r);
  };
  const save = async () => {
    if (!decided.length) return setProblem('Approve or refuse at least one quote first.');
    setProblem(null);
    const r = await action.run(() => api['review-pack-save-decisions']({ decisions: decided }));
    if (!r) return;
    if (r.cancelled || !r.path) return setProblem('No place was chosen, so no decisions file was saved.');
    setSaved({ path: r.path, approved: r.approved, refused: r.refused });
  };

  return (
    <Dialog
      title={`Review pack: ${pack.groupName}`}
      onClose={onClose}
      className="rp-dialog"
      size="wide"
      onSubmit={() => void (pack.unlocked ? save() : unlock())}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Close pack
          </button>
          <button type="submit" className="button button-primary" disabled={action.busy || !pack.unlocked || decided.length === 0}>
            Save decisions…
          </button>
        </>
      }
    >
      <p className="field-help">
        {pack.quotes.length} quote{pack.quotes.length === 1 ? '' : 's'} of {pack.groupName}&rsquo;s kōrero await{pack.quotes.length === 1 ? 's' : ''} the decision of <strong>{pack.kaitiakiName}</strong>, kaitiaki. From <code>{pack.fileName}</code>. Decisions are signed with the key{' '}
        <Fingerprint value={pack.fingerprint} small />.
      </p>
      <ErrorMessage message={action.error} onDismiss={action.clear} />
      {pack.unlocked ? (
        <p className="rp-unlocked" role="status" aria-label="Kaitiaki key status">
          <strong>Key unlocked</strong> for this pack. Approve or refuse each quote; a quote left undecided is not in the decisions file.
        </p>
      ) : (
        <div className="rp-unlock" role="group" aria-label="Unlock your kaitiaki key">
          <label className="tk-field tk-field-wide">
            <span className="form-label">Passphrase of your kaitiaki key</span>
            <input className="input" type="password" autoComplete="current-password" value={pass} onChange={(e) => setPass(e.target.value)} data-autofocus />
          </label>
          <button type="submit" className="button button-primary" disabled={action.busy}>
            Choose key file and unlock…
          </button>
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {saved && (
        <p className="save-note" role="status">
          Signed {saved.approved} approval{saved.approved === 1 ? '' : 's'} and {saved.refused} refusal{saved.refused === 1 ? '' : 's'}, saved in <code>{fileName(saved.path)}</code>. Send this file back to the analyst to import.
        </p>
      )}
      <ol className="rp-quotes" aria-label="Quotes awaiting your decision">
        {pack.quotes.map((q, i) => {
          const c = choice(q.quoteId);
          return (
            <li key={q.quoteId} className={`rp-quote${c.decision ? ` is-${c.decision}` : ''}`} aria-label={`Quote ${i + 1}`}>
              <blockquote className="rp-text">
                {q.before && <span className="rp-context">…{q.before}</span>}
                <mark className="rp-quoted">{q.text}</mark>
                {q.after && <span className="rp-context">{q.after}…</span>}
              </blockquote>
              {q.problem ? (
                <p className="field-error">This quote cannot be decided: {q.problem}.</p>
              ) : (
                <div className="rp-decide" role="radiogroup" aria-label={`Decision on quote ${i + 1}`}>
                  {(['approved', 'refused'] as const).map((d) => (
                    <label key={d} className="rp-choice">
                      <input type="radio" name={`rp-${q.quoteId}`} checked={c.decision === d} disabled={!pack.unlocked} onChange={() => setChoice(q.quoteId, { decision: d })} />
                      {d === 'approved' ? 'Approve' : 'Refuse'}
                    </label>
                  ))}
                  {c.decision && (
                    <button type="button" className="button button-ghost button-small" onClick={() => setChoice(q.quoteId, { decision: null })}>
                      Undecide
                    </button>
                  )}
                  <label className="tk-field rp-conditions">
                    <span className="form-label">Conditions</span>
                    <input className="input input-compact" value={c.conditions} disabled={!pack.unlocked} placeholder="e.g. only in the report to the rōpū" onChange={(e) => setChoice(q.quoteId, { conditions: e.target.value })} />
                  </label>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </Dialog>
  );
}
