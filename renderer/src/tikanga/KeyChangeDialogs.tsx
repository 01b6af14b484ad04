/**
 * Changing who holds the kaitiaki key: "Hand on…" (the current kaitiaki, key unlocked, names the
 * next kaitiaki and seals a new key file with the new passphrase; signed by the outgoing key) and
 * "Lost the key?" (a new key registered only through a new collective consent record of the group
 * naming the kaitiaki; audited; earlier decisions stay valid). The host asks where the new key
 * file goes; passphrases live only in these dialogs' state.
 */
import { useCallback, useMemo, useState } from 'react';
import type { KaitiakiKeyStatus } from '../../../shared/domain/kaitiaki';
import { useApi } from '../api/ApiProvider';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { useProjectData } from '../workspace/useProjectData';
import { Fingerprint, passphraseStrength, RecoveryCode } from './KeyDialogs';
import { useAction } from './useAction';

interface Props {
  status: KaitiakiKeyStatus;
  onClose: () => void;
}

type Made = KaitiakiKeyStatus & { keyFile: string | null; recoveryCode?: string };

/** People of the register, the group's members first (the next kaitiaki is usually one of them). */
function usePeople(groupId: number) {
  const api = useApi();
  const load = useCallback(() => api['participants-list']({}), [api]);
  const { data } = useProjectData(load, ['participants']);
  return useMemo(() => {
    const people = (data ?? []).filter((p) => p.kind === 'person');
    return { members: people.filter((p) => p.groupIds.includes(groupId)), others: people.filter((p) => !p.groupIds.includes(groupId)) };
  }, [data, groupId]);
}

function PersonSelect({ groupId, value, onChange, label, exclude }: { groupId: number; value: number | null; onChange: (id: number | null) => void; label: string; exclude?: number | null }) {
  const { members, others } = usePeople(groupId);
  const option = (p: { id: number; name: string }) =>
    p.id === exclude ? null : (
      <option key={p.id} value={p.id}>
        {p.name}
      </option>
    );
  return (
    <label className="tk-field tk-field-wide">
      <span className="form-label">{label}</span>
      <select className="input select" value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
        <option value="">Choose…</option>
        {members.length > 0 && <optgroup label="Members of the group">{members.map(option)}</optgroup>}
        {others.length > 0 && <optgroup label="Others in the register">{others.map(option)}</optgroup>}
      </select>
    </label>
  );
}

function PassphraseTwice({ pass, again, setPass, setAgain }: { pass: string; again: string; setPass: (s: string) => void; setAgain: (s: string) => void }) {
  const strength = passphraseStrength(pass);
  return (
    <div className="tk-key-fields">
      <label className="tk-field tk-field-wide">
        <span className="form-label">New passphrase</span>
        <input className="input" type="password" autoComplete="new-password" value={pass} onChange={(e) => setPass(e.target.value)} />
      </label>
      <p className={`tk-strength is-${pass ? strength.level : 'none'}`} aria-live="polite">
        {pass ? strength.text : 'Chosen by the new kaitiaki: a few words they will remember, at least 8 characters.'}
      </p>
      <label className="tk-field tk-field-wide">
        <span className="form-label">New passphrase again</span>
        <input className="input" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
      </label>
    </div>
  );
}

function passProblem(pass: string, again: string): string | null {
  const s = passphraseStrength(pass);
  if (s.level === 'short') return s.text;
  if (pass !== again) return 'The two passphrases differ: type the same passphrase twice.';
  return null;
}

function NewKey({ made, name, onClose, what }: { made: Made; name: string; onClose: () => void; what: string }) {
  return (
    <Dialog title="New kaitiaki key registered" onClose={onClose} step="made" onSubmit={onClose} footer={<button type="submit" className="button button-primary" data-autofocus>I have written it down</button>}>
      <div className="tk-key-made" role="status">
        <p>{what} The new key, now unlocked for this session, has the fingerprint:</p>
        {made.fingerprint && <Fingerprint value={made.fingerprint} />}
        <p className="tk-key-say">
          <strong>{name}:</strong> read the fingerprint aloud to the team and write it down.
        </p>
        {made.keyFile && (
          <p className="tk-key-file">
            Key file: <code>{made.keyFile}</code>
          </p>
        )}
        {made.recoveryCode && <RecoveryCode code={made.recoveryCode} />}
      </div>
    </Dialog>
  );
}

export function HandOnDialog({ status, onClose }: Props) {
  const api = useApi();
  const action = useAction();
  const [next, setNext] = useState<number | null>(null);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState<{ made: Made; name: string } | null>(null);
  const { members, others } = usePeople(status.groupId);
  const nextName = [...members, ...others].find((p) => p.id === next)?.name ?? '';

  const handOn = async () => {
    if (next === null) return setProblem('Choose the new kaitiaki.');
    const p = passProblem(pass, again);
    if (p) return setProblem(p);
    setProblem(null);
    const done = await action.run(() => api['kaitiaki-handover']({ groupId: status.groupId, newKaitiakiId: next, passphrase: pass }));
    if (!done) return;
    if (!done.keyFile) return setProblem('No place was chosen for the new key file, so the role was not handed on.');
    setPass('');
    setAgain('');
    setMade({ made: done, name: nextName });
  };

  if (made) return <NewKey made={made.made} name={made.name} onClose={onClose} what={`${status.kaitiaki?.name ?? 'The kaitiaki'} handed the role on to ${made.name}, signed with the outgoing key.`} />;
  return (
    <Dialog
      title={`Hand on the kaitiaki role of ${status.groupName}`}
      onClose={onClose}
      onSubmit={() => void handOn()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={action.busy || !status.unlocked}>
            Hand on and create key…
          </button>
        </>
      }
    >
      <ErrorMessage message={action.error} onDismiss={action.clear} />
      {!status.unlocked ? (
        <p className="tk-key-warn">Only {status.kaitiaki?.name ?? 'the kaitiaki'} hands the role on, with the key unlocked (Unlock key…). A lost key is replaced through the group&rsquo;s consent instead (Lost the key?).</p>
      ) : (
        <>
          <p className="field-help">
            The handover is signed with {status.kaitiaki?.name}&rsquo;s key ({status.fingerprint}). The new kaitiaki chooses the passphrase of their new key; Focal asks next where to keep the key file. Decisions signed so far stay valid.
          </p>
          <PersonSelect groupId={status.groupId} value={next} onChange={setNext} label="New kaitiaki" exclude={status.kaitiaki?.id ?? null} />
          <PassphraseTwice pass={pass} again={again} setPass={setPass} setAgain={setAgain} />
        </>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}

const today = () => new Date().toLocaleDateString('en-CA');

export function LostKeyDialog({ status, onClose }: Props) {
  const api = useApi();
  const action = useAction();
  const [next, setNext] = useState<number | null>(status.kaitiaki?.id ?? null);
  const [givenBy, setGivenBy] = useState<number | null>(null);
  const [givenOn, setGivenOn] = useState(today());
  const [conditions, setConditions] = useState('');
  const [code, setCode] = useState('');
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState<{ made: Made; name: string } | null>(null);
  const { members, others } = usePeople(status.groupId);
  const nextName = [...members, ...others].find((p) => p.id === next)?.name ?? '';

  const replace = async () => {
    if (next === null) return setProblem('Choose the kaitiaki the group names.');
    if (givenBy === null) return setProblem("Choose who gave the group's consent.");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(givenOn)) return setProblem('Give the date of the consent (yyyy-mm-dd).');
    if (!code.trim()) return setProblem('Type the recovery code that was shown when the key was made or handed on.');
    const p = passProblem(pass, again);
    if (p) return setProblem(p);
    setProblem(null);
    const done = await action.run(() =>
      api['kaitiaki-key-recover']({ groupId: status.groupId, newKaitiakiId: next, givenById: givenBy, givenOn, recoveryCode: code, passphrase: pass, ...(conditions.trim() ? { conditions } : {}) }),
    );
    if (!done) return;
    if (!done.keyFile) return setProblem('No place was chosen for the new key file, so no key was registered.');
    setPass('');
    setAgain('');
    setMade({ made: done, name: nextName });
  };

  if (made) return <NewKey made={made.made} name={made.name} onClose={onClose} what={`The group's new collective consent record names ${made.name} as kaitiaki; it is in the audit log, and the team confirms it with the group.`} />;
  return (
    <Dialog
      title={`Lost the kaitiaki key of ${status.groupName}?`}
      onClose={onClose}
      onSubmit={() => void replace()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={action.busy}>
            Record consent and create key…
          </button>
        </>
      }
    >
      <ErrorMessage message={action.error} onDismiss={action.clear} />
      <div className="tk-key-warn" role="note">
        <p>
          Focal cannot recover a lost key or its passphrase, and nobody can switch the group&rsquo;s protections off without it. A new key can be registered <strong>only with the key&rsquo;s recovery code and a new collective consent record of the group</strong> naming its kaitiaki: the group decides who holds the role, the record says so, and the code (shown once when the key was made) proves it is the group acting.
        </p>
        <p>The record and the new key are written to the audit log. Decisions signed with the old key stay valid; nothing is approved again by this step.</p>
      </div>
      <PersonSelect groupId={status.groupId} value={next} onChange={setNext} label="Kaitiaki named by the group" />
      <PersonSelect groupId={status.groupId} value={givenBy} onChange={setGivenBy} label="Consent given by" />
      <label className="tk-field tk-field-wide">
        <span className="form-label">Consent given on</span>
        <input className="input" type="date" value={givenOn} onChange={(e) => setGivenOn(e.target.value)} />
      </label>
      <label className="tk-field tk-field-wide">
        <span className="form-label">Conditions of the consent (optional)</span>
        <textarea className="input" rows={2} value={conditions} onChange={(e) => setConditions(e.target.value)} />
      </label>
      <label className="tk-field tk-field-wide">
        <span className="form-label">Recovery code</span>
        <input className="input" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} placeholder="XXXX-XXXX-XXXX-XXXX-XXXX" />
      </label>
      <PassphraseTwice pass={pass} again={again} setPass={setPass} setAgain={setAgain} />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
