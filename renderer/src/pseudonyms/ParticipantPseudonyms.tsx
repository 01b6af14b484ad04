/** Each person's pseudonym: typed in, or suggested from a list that never collides with a real name here. */
import { useCallback, useEffect, useState } from 'react';
import type { Participant } from '../../../shared/domain/project';
import { fold } from '../../../shared/text/fold';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { useProjectData } from '../workspace/useProjectData';

export function ParticipantPseudonyms() {
  const api = useApi();
  const load = useCallback(() => api['participants-list']({}), [api]);
  const people = useProjectData(load, ['participants', 'pseudonyms']);
  const list = (people.data ?? []).filter((p) => p.kind === 'person');
  // Folded real names (full, first, surname) → whose: a pseudonym equal to one would print a real name.
  const realNames = new Map<string, string>();
  for (const p of list) for (const part of [p.name, ...p.name.split(/\s+/).filter((x) => x.length >= 2 && x.charAt(0) !== x.charAt(0).toLowerCase())]) realNames.set(fold(part), p.name);
  if (people.data && !list.length) return <EmptyState>No participants yet. Import the participant register or link speakers, then give each person a pseudonym here.</EmptyState>;
  return (
    <>
      <ErrorMessage message={people.error} />
      <table className="rules-table" aria-label="Participants' pseudonyms">
        <thead>
          <tr>
            <th>Participant</th>
            <th>Role</th>
            <th>Pseudonym</th>
          </tr>
        </thead>
        <tbody>
          {list.map((p) => (
            <PseudonymRow key={p.id} person={p} clash={p.pseudonym ? (realNames.get(fold(p.pseudonym)) ?? null) : null} />
          ))}
        </tbody>
      </table>
    </>
  );
}

function PseudonymRow({ person, clash }: { person: Participant; clash: string | null }) {
  const api = useApi();
  const [value, setValue] = useState(person.pseudonym ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // Changed elsewhere (the register, another window): show the stored value.
  useEffect(() => setValue(person.pseudonym ?? ''), [person.pseudonym]);
  const save = async (pseudonym: string) => {
    try {
      await api['pseudo-set-pseudonym']({ participantId: person.id, pseudonym: pseudonym.trim() || null });
      setError(null);
      setSaved(true);
    } catch (e) {
      setError(describeError(e));
    }
  };
  const suggest = async () => {
    try {
      const { pseudonym } = await api['pseudo-suggest-pseudonym']({ participantId: person.id });
      setValue(pseudonym);
      await save(pseudonym);
    } catch (e) {
      setError(describeError(e));
    }
  };
  const inputId = `pseudonym-${person.id}`;
  return (
    <tr>
      <td>
        <label htmlFor={inputId}>{person.name}</label>
      </td>
      <td className="muted">{person.role}</td>
      <td className="pseudonym-cell">
        <form
          className="pseudonym-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(value);
          }}
        >
          <input
            id={inputId}
            className="input"
            value={value}
            placeholder="no pseudonym yet"
            onChange={(e) => {
              setValue(e.target.value);
              setSaved(false);
            }}
            onBlur={() => {
              if (value.trim() !== (person.pseudonym ?? '')) void save(value);
            }}
          />
          <button type="button" className="button button-small" onClick={() => void suggest()}>
            Suggest
          </button>
          {saved && !error && <span className="save-note">Saved</span>}
        </form>
        {error && <ErrorMessage message={error} />}
        {clash && !error && (
          <p className="candidate-note pseudonym-clash" role="note">
            “{person.pseudonym}” is also {clash === person.name ? 'part of their own name' : `part of ${clash}’s name`}: quotes would print a real name. Choose another, unless that is intended.
          </p>
        )}
      </td>
    </tr>
  );
}
