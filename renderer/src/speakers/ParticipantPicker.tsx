/**
 * A quick picker: type part of a name (macrons optional: `mere`, `maori`, `ropu`), move with the
 * arrow keys, and the highlighted choice is the one taken (Enter confirms the dialog). The last
 * choice creates a new participant with the typed name.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Participant } from '../../../shared/domain/project';
import { fold } from '../../../shared/text/fold';
import { participantSearch } from '../participants/search';

export type PickerChoice = { kind: 'existing'; participant: Participant } | { kind: 'new'; name: string };

interface ParticipantPickerProps {
  people: Participant[];
  initialQuery: string;
  onChoice: (choice: PickerChoice | null) => void;
}

const MAX_SHOWN = 8;

export function ParticipantPicker({ people, initialQuery, onChoice }: ParticipantPickerProps) {
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const search = useMemo(() => participantSearch(people), [people]);

  const choices = useMemo<PickerChoice[]>(() => {
    const found = search(query).slice(0, MAX_SHOWN).map((participant): PickerChoice => ({ kind: 'existing', participant }));
    const name = query.trim();
    const exact = people.some((p) => fold(p.name) === fold(name));
    return name && !exact ? [...found, { kind: 'new', name }] : found;
  }, [search, query, people]);

  const current = choices[Math.min(active, choices.length - 1)] ?? null;
  // The highlighted choice is the answer; tell the dialog whenever it changes.
  const key = current ? (current.kind === 'new' ? `new:${current.name}` : `#${current.participant.id}`) : '';
  const latest = useRef({ current, onChoice });
  useLayoutEffect(() => {
    latest.current = { current, onChoice };
  });
  useEffect(() => latest.current.onChoice(latest.current.current), [key]);

  const move = (delta: number) => setActive((a) => Math.max(0, Math.min(choices.length - 1, Math.min(a, choices.length - 1) + delta)));
  const optionId = (i: number) => `${id}-opt-${i}`;
  const index = Math.min(active, choices.length - 1);

  return (
    <div className="picker">
      <label className="form-label" htmlFor={`${id}-input`}>
        Participant
      </label>
      <input
        id={`${id}-input`}
        className="input input-wide"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(index) : undefined}
        autoComplete="off"
        placeholder="Type a name, e.g. mere or Māori"
        value={query}
        data-autofocus
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            move(e.key === 'ArrowDown' ? 1 : -1);
          }
        }}
      />
      <ul id={`${id}-list`} className="picker-list" role="listbox" aria-label="Matching participants">
        {choices.length === 0 && <li className="picker-empty">Type a name to find a participant or add a new one.</li>}
        {choices.map((c, i) => (
          <li
            key={c.kind === 'new' ? 'new' : c.participant.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === index}
            className={i === index ? 'picker-option is-active' : 'picker-option'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setActive(i)}
          >
            {c.kind === 'new' ? (
              <span className="picker-new">
                New participant: <strong>{c.name}</strong>
              </span>
            ) : (
              <>
                <span className="picker-name">{c.participant.name}</span>
                {c.participant.pseudonym && <span className="picker-meta">“{c.participant.pseudonym}”</span>}
                <span className="picker-meta picker-role">{c.participant.kind === 'group' ? 'Group' : c.participant.role}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
