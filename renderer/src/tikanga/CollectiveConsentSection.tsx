/** Collective consent records: who gave consent on the group's behalf, when, for which uses, with conditions; revocable. */
import { useId, useState } from 'react';
import type { Participant } from '../../../shared/domain/project';
import type { CollectiveConsent } from '../../../shared/domain/tikanga';
import { formatDate } from '../../../shared/format/dates';
import { useApi } from '../api/ApiProvider';
import { useDateFormat } from '../app/AppContext';
import { ErrorMessage } from '../components/ErrorMessage';
import { parseDateInput } from '../format/date-input';
import { useAction } from './useAction';

const USES = [
  ['forAnalysis', 'Analysis'],
  ['forQuotes', 'Quotes in reports'],
  ['forGroupAttribution', 'Quotes attributed to the group'],
  ['forReturn', 'Return of findings'],
] as const;
type Use = (typeof USES)[number][0];

export function CollectiveConsentSection({ groupId, consents, persons }: { groupId: number; consents: CollectiveConsent[]; persons: Participant[] }) {
  const api = useApi();
  const action = useAction();
  const dateFormat = useDateFormat();
  const headingId = useId();
  const today = new Date().toISOString().slice(0, 10);

  return (
    <div className="tk-consents" aria-labelledby={headingId} role="group">
      <h4 id={headingId} className="tk-section-title">
        Collective consent
      </h4>
      {consents.length === 0 && <p className="tk-empty">No collective consent recorded. Record what the group agreed to below.</p>}
      <ul className="tk-consent-list">
        {consents.map((c) => (
          <li key={c.id} className={c.revokedOn ? 'tk-consent is-revoked' : 'tk-consent'}>
            <span className="tk-consent-who">
              Given by {c.givenByName} on {formatDate(c.givenOn, dateFormat)}
            </span>
            <span className="tk-consent-uses">{USES.filter(([k]) => c[k]).map(([, l]) => l).join(' · ') || 'No uses'}</span>
            {c.conditions && <span className="tk-consent-conditions">Conditions: {c.conditions}</span>}
            {c.revokedOn ? (
              <span className="tk-consent-revoked">Revoked on {formatDate(c.revokedOn, dateFormat)}</span>
            ) : (
              <button
                type="button"
                className="button button-ghost button-small"
                aria-label={`Revoke the consent given by ${c.givenByName} on ${formatDate(c.givenOn, dateFormat)}`}
                onClick={() => void action.run(() => api['collective-consent-update']({ id: c.id, revokedOn: today }))}>
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorMessage message={action.error} onDismiss={action.clear} />
      <ConsentForm
        persons={persons}
        dateFormat={dateFormat}
        busy={action.busy}
        onRecord={(input) => action.run(() => api['collective-consent-record']({ groupId, ...input }))}
      />
    </div>
  );
}

interface ConsentInput {
  givenById?: number | null;
  givenByLabel?: string;
  givenOn: string;
  conditions: string;
  forAnalysis: boolean;
  forQuotes: boolean;
  forGroupAttribution: boolean;
  forReturn: boolean;
}

function ConsentForm({ persons, dateFormat, busy, onRecord }: { persons: Participant[]; dateFormat: 'nz' | 'iso'; busy: boolean; onRecord: (i: ConsentInput) => Promise<unknown> }) {
  const id = useId();
  const [who, setWho] = useState('');
  const [when, setWhen] = useState('');
  const [conditions, setConditions] = useState('');
  const [uses, setUses] = useState<Record<Use, boolean>>({ forAnalysis: true, forQuotes: false, forGroupAttribution: false, forReturn: true });
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    const date = parseDateInput(when, dateFormat);
    if (!date.ok || !date.value) return setProblem(date.ok ? 'Give the date consent was given.' : date.message);
    setProblem(null);
    const match = persons.find((p) => p.name === who.trim());
    const done = await onRecord({ ...(match ? { givenById: match.id } : { givenByLabel: who.trim() }), givenOn: date.value, conditions, ...uses });
    if (done !== undefined) {
      setWho('');
      setWhen('');
      setConditions('');
    }
  };
  return (
    <div className="tk-form" role="group" aria-label="Record collective consent">
      <div className="tk-form-row">
        <label className="tk-field">
          <span className="form-label">Given by</span>
          <input className="input" list={`${id}-people`} value={who} placeholder="e.g. the kaumātua" onChange={(e) => setWho(e.target.value)} />
          <datalist id={`${id}-people`}>
            {persons.map((p) => (
              <option key={p.id} value={p.name} />
            ))}
          </datalist>
        </label>
        <label className="tk-field">
          <span className="form-label">On</span>
          <input className="input" value={when} placeholder={dateFormat === 'iso' ? 'yyyy-mm-dd' : 'dd/mm/yyyy'} onChange={(e) => setWhen(e.target.value)} />
        </label>
      </div>
      <div className="tk-uses" role="group" aria-label="Consent given for">
        {USES.map(([k, label]) => (
          <label key={k} className="tk-check">
            <input type="checkbox" checked={uses[k]} onChange={(e) => setUses((u) => ({ ...u, [k]: e.target.checked }))} />
            {label}
          </label>
        ))}
      </div>
      <label className="tk-field tk-field-wide">
        <span className="form-label">Conditions</span>
        <input className="input" value={conditions} placeholder="e.g. findings returned to the rōpū before any report" onChange={(e) => setConditions(e.target.value)} />
      </label>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="tk-form-actions">
        <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void submit()}>
          Record consent
        </button>
      </div>
    </div>
  );
}
