/**
 * The Participants section of the left pane: people, then groups (marked, with member counts).
 * Selecting one opens its editor in the main pane. The register comes in and goes out as CSV:
 * choose a file, or drop a .csv on this section.
 */
import { useCallback, useRef, type DragEvent } from 'react';
import type { Participant } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { plural } from '../format/numbers';
import { hasFiles } from '../import/files';
import { useImportActions } from '../import/ImportContext';
import { useDropZone } from '../import/useFileDrop';
import { useProjectData } from '../workspace/useProjectData';
import { RegisterNote } from './RegisterNote';
import { useRegister } from './useRegister';
import { useRovingList } from '../components/useRovingList';

interface ParticipantsPanelProps {
  selectedId: number | null;
  onSelect: (id: number) => void;
}

export function ParticipantsPanel({ selectedId, onSelect }: ParticipantsPanelProps) {
  const api = useApi();
  const load = useCallback(() => api['participants-list']({}), [api]);
  const { data: people, error } = useProjectData(load, ['participants']);
  const roving = useRovingList<HTMLUListElement>();
  const register = useRegister();
  const { reviewSpeakers } = useImportActions();
  const input = useRef<HTMLInputElement>(null);
  const dropping = useDropZone() === 'register';

  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.stopPropagation();
    const file = e.dataTransfer.files[0];
    if (file) void register.importCsv(file);
  };

  const members = new Map<number, number>();
  for (const p of people ?? []) for (const g of p.groupIds) members.set(g, (members.get(g) ?? 0) + 1);

  return (
    <section className={dropping ? 'pane-section pane-section-grow register-zone is-dropping' : 'pane-section pane-section-grow register-zone'} aria-labelledby="participants-heading" data-drop-zone="register" onDrop={onDrop}>
      <PaneHeader id="participants-heading" title="Participants" count={people?.length ?? null}>
        <button type="button" className="button-ghost button-small" onClick={() => reviewSpeakers(null)} title="Link speaker labels in transcripts to participants">
          Review speakers
        </button>
      </PaneHeader>
      <div className="register-bar" role="group" aria-label="Participant register">
        {/* The accessible names start with the visible words and add the format: “Import register (CSV)…”. */}
        <button
          type="button"
          className="button button-small"
          disabled={register.busy}
          onClick={() => input.current?.click()}
          aria-label="Import register (CSV)…"
          title="Import a participant register from a CSV file (or drop the .csv here)"
        >
          {register.busy ? 'Importing…' : 'Import register…'}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => void register.exportCsv()}
          disabled={!people?.length}
          aria-label="Export register (CSV)"
          title="Save the participant register as a CSV file"
        >
          Export register
        </button>
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          hidden
          aria-label="Participant register CSV file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void register.importCsv(file);
          }}
        />
      </div>
      {dropping && <p className="register-drop-hint">Drop a participant register (.csv) to import it</p>}
      <div className="pane-scroll">
        <ErrorMessage message={error ?? register.error} onDismiss={register.error ? register.dismiss : undefined} />
        {register.result && <RegisterNote result={register.result} onDismiss={register.dismiss} />}
        {people && people.length === 0 && (
          <EmptyState>No participants yet. Import a register (CSV), or review the speakers after importing transcripts to add them.</EmptyState>
        )}
        {people && people.length > 0 && (
          <ul ref={roving.ref} onKeyDown={roving.onKeyDown} className="item-list" aria-labelledby="participants-heading">
            {people.map((p) => (
              <li key={p.id}>
                <ParticipantRow participant={p} members={members.get(p.id) ?? 0} selected={p.id === selectedId} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

interface RowProps {
  participant: Participant;
  members: number;
  selected: boolean;
  onSelect: (id: number) => void;
}

function ParticipantRow({ participant: p, members, selected, onSelect }: RowProps) {
  const group = p.kind === 'group';
  const role = group ? `Group · ${plural(members, 'member')}` : p.role;
  // The row is one line in a narrow pane, so the name, pseudonym and role may be cut off: the tooltip has them whole.
  const whole = [p.pseudonym ? `${p.name} “${p.pseudonym}”` : p.name, p.mode === 'tikanga' ? 'Tikanga-based' : '', role].filter(Boolean).join(' · ');
  return (
    <button
      type="button"
      className={selected ? 'participant-item is-selected' : 'participant-item'}
      aria-current={selected ? 'true' : undefined}
      title={whole}
      onClick={() => onSelect(p.id)}
    >
      <span className={group ? 'participant-icon is-group' : 'participant-icon'} aria-hidden="true" />
      <span className="participant-name">{p.name}</span>
      {p.pseudonym && <span className="participant-pseudonym">“{p.pseudonym}”</span>}
      {p.mode === 'tikanga' && <span className="badge badge-tikanga">Tikanga</span>}
      <span className="participant-role">{role}</span>
    </button>
  );
}
