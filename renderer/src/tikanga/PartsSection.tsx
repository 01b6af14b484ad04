/**
 * The parts of a tikanga-based session: what was held (whakatau, mihimihi, karakia…), whether it
 * was recorded, who led it and when. Unrecorded parts are logged with no text; a recorded opening
 * or closing part is marked on the selected passage and stays out of coding until the kaitiaki
 * releases it.
 */
import { useId, useState } from 'react';
import type { Participant, SessionPart, SourceDetail } from '../../../shared/domain/project';
import { PART_KINDS, PHASE_LABELS, partKindLabel, type KaitiakiStatus } from '../../../shared/domain/tikanga';
import { useApi } from '../api/ApiProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { useAction } from './useAction';

const PHASE_ORDER = { opening: 0, korero: 1, closing: 2 } as const;

interface PartsSectionProps {
  source: SourceDetail;
  people: Participant[];
  selection: { start: number; end: number } | null;
  status: KaitiakiStatus | null;
}

export function PartsSection({ source, people, selection, status }: PartsSectionProps) {
  const api = useApi();
  const action = useAction();
  const headingId = useId();
  const byId = new Map(people.map((p) => [p.id, p.name]));
  // In the order the session ran: opening, kōrero, closing; unrecorded before recorded ones of a phase.
  const parts = [...source.parts].sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] || (a.start ?? -1) - (b.start ?? -1) || a.id - b.id);
  const leader = (p: SessionPart) => (p.ledById !== null ? byId.get(p.ledById) : undefined) ?? p.ledByLabel;

  return (
    <section className="tk-section" aria-labelledby={headingId}>
      <h4 id={headingId} className="tk-section-title">
        Parts of the session
      </h4>
      {parts.length === 0 && <p className="tk-empty">No parts logged yet. Log the whakatau, karakia and other parts below, recorded or not.</p>}
      {parts.length > 0 && (
        <ul className="tk-parts" aria-labelledby={headingId}>
          {parts.map((p) => (
            <li key={p.id} className="tk-part">
              <span className={`tk-phase tk-phase-${p.phase}`}>{PHASE_LABELS[p.phase]}</span>
              <span className="tk-part-kind">{partKindLabel(p.kind)}</span>
              <span className="tk-part-state">
                {p.recorded ? (p.released ? 'Recorded · released by the kaitiaki' : p.phase === 'korero' ? 'Recorded' : 'Recorded · not coded') : 'Not recorded'}
                {leader(p) ? ` · led by ${leader(p)}` : ''}
                {p.occurredAt ? ` · ${p.occurredAt}` : ''}
              </span>
              {p.recorded && p.start !== null && p.end !== null && <span className="tk-part-range">“{excerpt(source.text, p.start, p.end)}”</span>}
              {p.recorded && p.phase !== 'korero' && (
                <span className="tk-part-explain">
                  {p.released
                    ? 'The kaitiaki has released this passage: it can be coded and quoted like the kōrero.'
                    : 'This passage is in the transcript, but it is kept out of coding and exports until the kaitiaki releases it.'}
                </span>
              )}
              <span className="tk-part-actions">
                {p.recorded && p.phase !== 'korero' && status?.actorIsKaitiaki && (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={action.busy}
                    onClick={() => void action.run(() => api['approval-record']({ scope: 'part', partId: p.id, decision: p.released ? 'refused' : 'approved', output: 'coding and export' }))}
                  >
                    {p.released ? `Withdraw release of ${partKindLabel(p.kind)}` : `Release ${partKindLabel(p.kind)}`}
                  </button>
                )}
                <button
                  type="button"
                  className="button button-ghost button-small"
                  aria-label={`Remove ${partKindLabel(p.kind)}`}
                  disabled={action.busy}
                  onClick={() => void action.run(() => api['session-part-delete']({ id: p.id }))}
                >
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage message={action.error} onDismiss={action.clear} />
      <PartForm
        source={source}
        people={people}
        selection={selection}
        onAdd={(input) => {
          // Marking the passage of a part already logged as unrecorded gives that part its range: one Mihimihi, not two.
          const unrecorded = input.recorded ? parts.find((p) => p.kind === input.kind && !p.recorded) : undefined;
          if (!unrecorded) return action.run(() => api['session-part-add']({ sourceId: source.id, ...input }));
          const { kind: _kind, ...fields } = input;
          const keep = { ...(fields.ledById === undefined && !fields.ledByLabel ? { ledById: undefined, ledByLabel: undefined } : {}), ...(fields.occurredAt ? {} : { occurredAt: undefined }), ...(fields.note ? {} : { note: undefined }) };
          return action.run(() => api['session-part-update']({ id: unrecorded.id, ...fields, ...keep }));
        }}
        busy={action.busy}
      />
    </section>
  );
}

/** The words a part covers, shortened in the middle when long. */
function excerpt(text: string, start: number, end: number): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return s.length <= 90 ? s : `${s.slice(0, 60)} … ${s.slice(-25)}`;
}

interface PartInput {
  kind: string;
  recorded: boolean;
  start?: number;
  end?: number;
  ledById?: number | null;
  ledByLabel?: string;
  occurredAt?: string | null;
  note?: string;
}

function PartForm({ people, selection, onAdd, busy }: { source: SourceDetail; people: Participant[]; selection: PartsSectionProps['selection']; onAdd: (i: PartInput) => Promise<unknown>; busy: boolean }) {
  const id = useId();
  const [kind, setKind] = useState<string>('karakia');
  const [leader, setLeader] = useState('');
  const [when, setWhen] = useState('');
  const [note, setNote] = useState('');
  const persons = people.filter((p) => p.kind === 'person');
  const submit = async (recorded: boolean) => {
    const match = persons.find((p) => p.name === leader.trim());
    const input: PartInput = {
      kind,
      recorded,
      ...(recorded && selection ? { start: selection.start, end: selection.end } : {}),
      ...(match ? { ledById: match.id } : { ledByLabel: leader.trim() }),
      occurredAt: when.trim() || null,
      note,
    };
    const done = await onAdd(input);
    if (done !== undefined) {
      setLeader('');
      setWhen('');
      setNote('');
    }
  };
  return (
    <div className="tk-form" role="group" aria-label="Log a part">
      <div className="tk-form-row">
        <label className="tk-field">
          <span className="form-label">Part</span>
          <select className="input select" value={kind} onChange={(e) => setKind(e.target.value)}>
            {/* Grouped by phase, so each option is just its name and fits the field. */}
            {(['opening', 'korero', 'closing'] as const).map((phase) => (
              <optgroup key={phase} label={PHASE_LABELS[phase]}>
                {PART_KINDS.filter((k) => k.phase === phase).map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="tk-field">
          <span className="form-label">Led by</span>
          <input className="input" list={`${id}-people`} value={leader} placeholder="Participant or name" onChange={(e) => setLeader(e.target.value)} />
          <datalist id={`${id}-people`}>
            {persons.map((p) => (
              <option key={p.id} value={p.name} />
            ))}
          </datalist>
        </label>
        <label className="tk-field">
          <span className="form-label">When</span>
          <input className="input" value={when} placeholder="e.g. day 1, 9.30am" onChange={(e) => setWhen(e.target.value)} />
        </label>
      </div>
      <label className="tk-field tk-field-wide">
        <span className="form-label">Note</span>
        <input className="input" value={note} placeholder="e.g. held at the marae, not recorded at the request of the rōpū" onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="tk-form-actions">
        <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void submit(false)}>
          Log unrecorded part
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy || !selection}
          // Keep the transcript selection: a press on the button must not clear what it acts on.
          onMouseDown={(e) => e.preventDefault()}
          title={selection ? 'Mark the selected passage as this part: it is not coded or exported unless the kaitiaki releases it' : 'Select the passage in the transcript first'}
          onClick={() => void submit(true)}
        >
          Mark selection as this part
        </button>
      </div>
    </div>
  );
}
