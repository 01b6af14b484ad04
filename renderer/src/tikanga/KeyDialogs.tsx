/**
 * The kaitiaki key in the app: create it (passphrase twice, where the key file goes is asked by the
 * host), and unlock it for this session (the host asks for the key file). The fingerprint is shown
 * large, in groups, to be read aloud and written down. Passphrases live only in these dialogs'
 * state and go to the core once; nothing here stores them.
 */
import { useCallback, useState } from 'react';
import type { KaitiakiKeyStatus } from '../../../shared/domain/kaitiaki';
import { useApi } from '../api/ApiProvider';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { useProjectData } from '../workspace/useProjectData';
import { useAction } from './useAction';
import './tikanga.css';
import './tikanga-key.css';

/**
 * The recovery code, shown once: the only way to replace the key if it is lost. It is not kept in
 * the project (only a public key derived from it is), so it must be written down now.
 */
export function RecoveryCode({ code }: { code: string }) {
  return (
    <div className="tk-recovery" role="note">
      <p>
        <strong>Recovery code</strong> (shown only now): write it down and keep it with the group&rsquo;s records, apart from the key file. If the key or its passphrase is lost, this code
        and a new collective consent record of the group are the only way to register a new key.
      </p>
      <code className="tk-recovery-code" data-recovery-code={code}>
        {code}
      </code>
    </div>
  );
}

/** A fingerprint ("A1B2-C3D4-E5F6-0718") in large groups, one group per box. */
export function Fingerprint({ value, small }: { value: string; small?: boolean }) {
  const groups = value.split('-');
  return (
    <span className={small ? 'tk-fingerprint is-small' : 'tk-fingerprint'} data-fingerprint={value}>
      {groups.map((g, i) => (
        <span key={i}>
          {i > 0 && ' '}
          <span className="tk-fp-group">{g}</span>
        </span>
      ))}
    </span>
  );
}

export interface Strength {
  level: 'short' | 'weak' | 'fair' | 'strong';
  text: string;
}

/** A plain hint, not a gate: the core asks only for 8 characters; a phrase of words is best. */
export function passphraseStrength(p: string): Strength {
  const chars = [...p.normalize('NFC')].length;
  const words = p.trim().split(/\s+/).filter((w) => w.length >= 2).length;
  if (chars < 8) return { level: 'short', text: `Too short: at least 8 characters (${chars} so far).` };
  if (chars >= 20 && words >= 4) return { level: 'strong', text: 'Strong: a phrase of four or more words.' };
  if (chars >= 14 && words >= 3) return { level: 'fair', text: 'Fair. Four or more words make it stronger, and no harder to remember.' };
  return { level: 'weak', text: 'Weak: a phrase of four or more words the kaitiaki will remember is far stronger than one word.' };
}

const LOST_KEY = 'Keep the key file safe, on your own computer or a USB stick, never in the project folder. Focal cannot recover the key or its passphrase: a lost key can be replaced only through a new collective consent record of the group naming its kaitiaki.';

interface KeyDialogProps {
  groupId: number;
  onClose: () => void;
}

function useKeyStatus(groupId: number) {
  const api = useApi();
  const load = useCallback(() => api['kaitiaki-key-status']({ groupId }), [api, groupId]);
  return useProjectData(load, ['participants', 'consent']);
}

export function CreateKeyDialog({ groupId, onClose }: KeyDialogProps) {
  const api = useApi();
  const action = useAction();
  const { data: status, error } = useKeyStatus(groupId);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState<(KaitiakiKeyStatus & { keyFile: string | null; recoveryCode?: string }) | null>(null);
  const strength = passphraseStrength(pass);
  const kaitiaki = status?.kaitiaki?.name ?? 'the kaitiaki';

  const create = async () => {
    if (strength.level === 'short') return setProblem(strength.text);
    if (pass !== again) return setProblem('The two passphrases differ: type the same passphrase twice.');
    setProblem(null);
    const done = await action.run(() => api['kaitiaki-key-create']({ groupId, passphrase: pass }));
    if (!done) return;
    if (!done.keyFile) return setProblem('No place was chosen for the key file, so no key was created.');
    setPass('');
    setAgain('');
    setMade(done);
  };

  return (
    <Dialog
      title={made ? 'Kaitiaki key created' : `Create the kaitiaki key of ${status?.groupName ?? 'the group'}`}
      onClose={onClose}
      step={made ? 'made' : 'form'}
      onSubmit={() => void (made ? onClose() : create())}
      footer={
        made ? (
          <button type="submit" className="button button-primary" data-autofocus>
            I have written it down
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={action.busy || !status?.kaitiaki}>
              Create key…
            </button>
          </>
        )
      }
    >
      <ErrorMessage message={error ?? action.error} onDismiss={action.clear} />
      {made?.fingerprint ? (
        <div className="tk-key-made" role="status">
          <p>The key is unlocked for this session. Its fingerprint:</p>
          <Fingerprint value={made.fingerprint} />
          <p className="tk-key-say">
            <strong>{kaitiaki}:</strong> read the fingerprint aloud to the team and write it down. Anyone can check a decision against it.
          </p>
          {made.keyFile && (
            <p className="tk-key-file">
              Key file: <code>{made.keyFile}</code>
            </p>
          )}
          {made.recoveryCode && <RecoveryCode code={made.recoveryCode} />}
          <p className="tk-key-warn">{LOST_KEY}</p>
        </div>
      ) : (
        <>
          <p className="field-help">
            Only {kaitiaki} should do this. Their decisions on the group&rsquo;s kōrero are signed with this key; the name anyone works under gives no authority. Focal asks next where to keep the key file.
          </p>
          <div className="tk-key-fields">
            <label className="tk-field tk-field-wide">
              <span className="form-label">Passphrase</span>
              <input className="input" type="password" autoComplete="new-password" value={pass} onChange={(e) => setPass(e.target.value)} data-autofocus aria-describedby="tk-strength" />
            </label>
            <p id="tk-strength" className={`tk-strength is-${pass ? strength.level : 'none'}`} aria-live="polite">
              {pass ? strength.text : 'A few words the kaitiaki will remember, at least 8 characters.'}
            </p>
            <label className="tk-field tk-field-wide">
              <span className="form-label">Passphrase again</span>
              <input className="input" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
            </label>
          </div>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          <p className="tk-key-warn">{LOST_KEY}</p>
        </>
      )}
    </Dialog>
  );
}

export function UnlockKeyDialog({ groupId, onClose }: KeyDialogProps) {
  const api = useApi();
  const action = useAction();
  const { data: status, error } = useKeyStatus(groupId);
  const [pass, setPass] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const kaitiaki = status?.kaitiaki?.name ?? 'the kaitiaki';

  const unlock = async () => {
    if (!pass) return setProblem('Type the passphrase of the key.');
    setProblem(null);
    const done = await action.run(() => api['kaitiaki-key-unlock']({ groupId, passphrase: pass }));
    setPass('');
    if (!done) return;
    if (!done.unlocked) return setProblem('No key file was chosen, so the key is still locked.');
    onClose();
  };

  const noKey = status && !status.fingerprint;
  return (
    <Dialog
      title={`Unlock the kaitiaki key of ${status?.groupName ?? 'the group'}`}
      onClose={onClose}
      onSubmit={() => void (noKey ? onClose() : unlock())}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {!noKey && (
            <button type="submit" className="button button-primary" disabled={action.busy || !status}>
              Choose key file and unlock…
            </button>
          )}
        </>
      }
    >
      <ErrorMessage message={error ?? action.error} onDismiss={action.clear} />
      {noKey ? (
        <p className="tk-key-warn">{status.groupName} has no kaitiaki key yet: {kaitiaki} creates one on the group&rsquo;s page (Create kaitiaki key…).</p>
      ) : (
        <>
          <p className="field-help">
            Type {kaitiaki}&rsquo;s passphrase; Focal asks next for the key file. Once unlocked, the key stays unlocked in this session only, until it is locked or Focal is closed.
          </p>
          {status?.fingerprint && (
            <p className="tk-key-expect">
              The group&rsquo;s key: <Fingerprint value={status.fingerprint} small />
            </p>
          )}
          <label className="tk-field tk-field-wide">
            <span className="form-label">Passphrase</span>
            <input className="input" type="password" autoComplete="current-password" value={pass} onChange={(e) => setPass(e.target.value)} data-autofocus />
          </label>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
