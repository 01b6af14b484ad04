/**
 * A group's members on its page: each member (open, remove with a confirm), and a search of the
 * register to add someone directly. A group's consent is its collective consent, not the fields a person has.
 */
import { useMemo, useState } from 'react';
import type { Participant, ParticipantDetail } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { ErrorMessage } from '../components/ErrorMessage';
import { participantSearch } from './search';

interface GroupMembersProps {
  group: ParticipantDetail;
  everyone: Participant[];
  onOpenParticipant: (id: number) => void;
}

export function GroupMembers({ group, everyone, onOpenParticipant }: GroupMembersProps) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const members = everyone.filter((x) => group.memberIds.includes(x.id));
  const others = useMemo(() => everyone.filter((x) => x.id !== group.id && !group.memberIds.includes(x.id)), [everyone, group.id, group.memberIds]);
  const search = useMemo(() => participantSearch(others), [others]);
  const found = query.trim() ? search(query).slice(0, 6) : [];

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(describeError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="detail-section" aria-labelledby="members-heading">
      <h3 id="members-heading" className="section-title">
        Members
      </h3>
      {members.length === 0 ? (
        <p className="field-help">No members yet. Search the register below to add people, or set up the rōpū from a transcript’s import results.</p>
      ) : (
        <ul className="link-list" aria-label={`Members of ${group.name}`}>
          {members.map((m) => (
            <li key={m.id}>
              <button type="button" className="link-button" onClick={() => onOpenParticipant(m.id)}>
                {m.name}
              </button>
              <span className="link-meta">{m.role}</span>
              {confirming === m.id ? (
                <span className="inline-confirm" role="group" aria-label={`Remove ${m.name} from ${group.name}?`}>
                  <span>Remove {m.name} from {group.name}? Their transcripts stay as they are.</span>
                  <button
                    type="button"
                    className="button button-small button-danger"
                    disabled={busy}
                    onClick={() => void run(() => api['group-member-remove']({ groupId: group.id, memberId: m.id })).then(() => setConfirming(null))}
                  >
                    Remove
                  </button>
                  <button type="button" className="button-ghost button-small" onClick={() => setConfirming(null)}>
                    Keep
                  </button>
                </span>
              ) : (
                <button type="button" className="button-ghost button-small" aria-label={`Remove ${m.name} from the group`} onClick={() => setConfirming(m.id)}>
                  Remove…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="form-field form-field-wide">
        <label className="form-label" htmlFor={`add-member-${group.id}`}>
          Add a member
        </label>
        <input
          id={`add-member-${group.id}`}
          className="input input-wide"
          type="search"
          value={query}
          placeholder="Search the register by name, pseudonym or role"
          onChange={(e) => setQuery(e.target.value)}
        />
        {found.length > 0 && (
          <ul className="link-list" aria-label="Matching participants">
            {found.map((p) => (
              <li key={p.id}>
                <span>{p.name}</span>
                <span className="link-meta">{p.kind === 'group' ? 'group' : p.role}</span>
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy}
                  aria-label={`Add ${p.name} to ${group.name}`}
                  onClick={() => void run(() => api['group-members-add']({ groupId: group.id, memberIds: [p.id] })).then((ok) => ok && setQuery(''))}
                >
                  Add
                </button>
              </li>
            ))}
          </ul>
        )}
        {query.trim() !== '' && found.length === 0 && <p className="field-help">No one in the register matches “{query.trim()}”.</p>}
      </div>
      <ErrorMessage message={error} onDismiss={() => setError(null)} />
    </section>
  );
}

/** In place of individual consent fields on a group's page. */
export function GroupConsentNote() {
  return (
    <section className="detail-section" aria-labelledby="group-consent-heading">
      <h3 id="group-consent-heading" className="section-title">
        Consent
      </h3>
      <p className="field-help">
        A group consents collectively: its consent is the collective consent recorded under <strong>Collective consent</strong> in the Kaitiaki section below, not individual
        consent fields. Each member’s own consent is on their page.
      </p>
    </section>
  );
}
