/** File ▸ Save a copy for a coder… and File ▸ Merge coder copies…: the lead's two team dialogs. */
import { useState } from 'react';
import type { MergeReport } from '../../../shared/api/calls-team';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { useAppContext } from '../app/AppContext';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { useTeamInfo } from './useTeam';

export function CoderCopyDialog({ onClose, notify }: { onClose: () => void; notify: (m: string) => void }) {
  const api = useApi();
  const team = useTeamInfo();
  const [coder, setCoder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = team.data?.coders ?? [];
  const save = async () => {
    setError(null);
    try {
      const r = await api['team-copy-save']({ coder });
      if (r) notify(`Saved ${r.coder}’s copy: ${r.path}`);
      if (r) onClose();
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <Dialog
      title="Save a copy for a coder"
      onClose={onClose}
      onSubmit={() => void save()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!coder.trim()}>
            Save copy…
          </button>
        </>
      }
    >
      <p className="field-help">The copy is the whole project with the coder’s name recorded in it. The coder codes in their copy; merge it back with File ▸ Merge coder copies….</p>
      <label className="field-label" htmlFor="team-copy-coder">
        Coder
      </label>
      {list.length ? (
        <select id="team-copy-coder" className="input" value={coder} onChange={(e) => setCoder(e.target.value)} data-autofocus>
          <option value="">Choose a coder…</option>
          {list.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      ) : (
        <input id="team-copy-coder" className="input" value={coder} maxLength={200} onChange={(e) => setCoder(e.target.value)} data-autofocus />
      )}
      <ErrorMessage message={error} />
    </Dialog>
  );
}

export function MergeDialog({ onClose, notify }: { onClose: () => void; notify: (m: string) => void }) {
  const api = useApi();
  const { info } = useAppContext();
  const web = info.platform === 'web';
  const [paths, setPaths] = useState('');
  const [plan, setPlan] = useState<{ files: string[] | undefined; report: MergeReport } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Answers for participants whose name matches several of the project's (GUID → participant id, or new). */
  const [answers, setAnswers] = useState<Record<string, number | 'new'>>({});
  const files = () => (web ? paths.split('\n').map((p) => p.trim()).filter(Boolean) : undefined);

  const preview = async () => {
    setError(null);
    setBusy(true);
    try {
      const f = files();
      const report = await api['team-merge']({ files: f, dryRun: true });
      // On the desktop the dry run asked which copies: the real merge uses the same ones.
      setPlan(report.files.length || report.skipped.length ? { files: f ?? report.files.map((x) => x.path), report } : null);
      if (!report.files.length && !report.skipped.length) setError(web ? 'Give the path of at least one coder’s copy (.focal) in Focal’s folder.' : null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const merge = async () => {
    if (!plan) return;
    setError(null);
    setBusy(true);
    try {
      const r = await api['team-merge']({ files: plan.files ?? files(), participants: answers });
      notify(r.undoLabel ? `${r.undoLabel}: ${r.totals.codings} codings, ${r.totals.codes} codes, ${r.totals.memos} memos. Undo with Ctrl+Z.` : 'Nothing new in these copies.');
      onClose();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="Merge coder copies"
      size="wide"
      onClose={onClose}
      onSubmit={() => void (plan ? merge() : preview())}
      step={plan ? 'plan' : 'choose'}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {plan ? (
            <button type="submit" className="button button-primary" disabled={busy || !plan.report.files.length} data-autofocus>
              Merge
            </button>
          ) : (
            <button type="submit" className="button button-primary" disabled={busy || (web && !paths.trim())}>
              {web ? 'Show what would change' : 'Choose copies…'}
            </button>
          )}
        </>
      }
    >
      {!plan && (
        <>
          <p className="field-help">Brings in what each coder added: codes, their codings (kept per coder), memos, new sources and participants. Consent, pseudonyms and kaitiaki decisions stay yours: changes to them are listed, not applied. One undoable step.</p>
          {web && (
            <>
              <label className="field-label" htmlFor="team-merge-paths">
                Coders’ copies (one path a line, inside Focal’s folder)
              </label>
              <textarea id="team-merge-paths" className="input" rows={3} value={paths} onChange={(e) => setPaths(e.target.value)} data-autofocus />
            </>
          )}
        </>
      )}
      {plan && (
        <>
          <p>
            {plan.report.totals.codings} codings, {plan.report.totals.codes} codes, {plan.report.totals.memos} memos, {plan.report.totals.sources} sources and {plan.report.totals.participants} participants would be added; {plan.report.totals.conflicts} conflicts.
          </p>
          {plan.report.changes.length ? (
            <ul className="team-changes" aria-label="What the merge would change">
              {plan.report.changes.map((c, i) => (
                <li key={i} className={/conflict|not merged|not applied|several/.test(c) ? 'team-change-warn' : undefined}>
                  {c}
                </li>
              ))}
            </ul>
          ) : (
            <p className="field-help">Nothing new: these copies hold nothing the project does not already have.</p>
          )}
          {plan.report.files.flatMap((f) => f.participants.unsure).map((u) => (
            <label key={u.guid} className="field-row">
              <span>Who is “{u.name}” in this project?</span>
              <select
                className="input input-small"
                value={String(answers[u.guid] ?? '')}
                onChange={(e) => {
                  const v = e.target.value;
                  setAnswers((a) => {
                    const { [u.guid]: _drop, ...rest } = a;
                    return v === '' ? rest : { ...rest, [u.guid]: v === 'new' ? 'new' : Number(v) };
                  });
                }}
              >
                <option value="">Leave out for now</option>
                {u.candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} (#{c.id})
                  </option>
                ))}
                <option value="new">Someone new: add them</option>
              </select>
            </label>
          ))}
          {plan.report.skipped.map((s) => (
            <p key={s.file} className="field-help">
              Skipped {s.file}: {s.reason}
            </p>
          ))}
        </>
      )}
      <ErrorMessage message={error} />
    </Dialog>
  );
}
