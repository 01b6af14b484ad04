/** One speaker label under review: where it speaks, how often, who Focal thinks it is, and the role. */
import type { SpeakerReviewRow } from '../../../shared/domain/project';
import { roleOptions } from '../participants/roles';

interface SpeakerRowProps {
  row: SpeakerReviewRow;
  role: string;
  selected: boolean;
  error: string | undefined;
  busy: boolean;
  onSelect: (on: boolean) => void;
  onRole: (role: string) => void;
  onAccept: () => void;
  onChoose: () => void;
  onUnlink: () => void;
  /** Mark the label "Not a speaker", or (restore) a speaker again. */
  onNotSpeaker: (restore: boolean) => void;
  onTurns: () => void;
}

export function SpeakerRow({ row: r, role, selected, error, busy, onSelect, onRole, onAccept, onChoose, onUnlink, onNotSpeaker, onTurns }: SpeakerRowProps) {
  const linked = r.participantId !== null;
  if (r.notSpeaker) return <NotSpeakerRow row={r} error={error} busy={busy} onRestore={() => onNotSpeaker(true)} />;
  return (
    <>
      <tr className={[linked ? 'is-linked' : '', selected ? 'is-selected' : ''].filter(Boolean).join(' ') || undefined}>
        <td className="col-select">
          <input type="checkbox" checked={selected} aria-label={`Select ${r.label} in ${r.sourceTitle}`} onChange={(e) => onSelect(e.target.checked)} />
        </td>
        <td className="col-label">
          <span className="speaker-label" title={r.label}>
            {r.label}
          </span>
        </td>
        <td className="col-turns">{r.turnCount}</td>
        <td className="col-suggestion">
          <Suggestion row={r} />
        </td>
        <td className="col-role">
          <select className="input select input-compact" value={role} aria-label={`Role of ${r.label}`} disabled={busy} onChange={(e) => onRole(e.target.value)}>
            {roleOptions(role).map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </td>
        <td className="col-actions">
          {/* The second button always opens the picker, so focus coming back from it lands on the same kind of button. */}
          {linked ? (
            <>
              <button type="button" className="button-ghost button-small" disabled={busy} onClick={onUnlink} aria-label={`Unlink ${r.label}`}>
                Unlink
              </button>
              <button type="button" className="button-ghost button-small" disabled={busy} onClick={onChoose} aria-label={`Change participant for ${r.label}`}>
                Change…
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button button-small" disabled={busy} onClick={onAccept} aria-label={`Accept suggestion for ${r.label}`}>
                Accept
              </button>
              <button type="button" className="button-ghost button-small" disabled={busy} onClick={onChoose} aria-label={`Choose participant for ${r.label}`}>
                Choose…
              </button>
              <button type="button" className="button-ghost button-small" disabled={busy} onClick={() => onNotSpeaker(false)} aria-label={`${r.label} is not a speaker`} title="A heading or a form field read as a speaker: its text stays, credited to no one">
                Not a speaker
              </button>
            </>
          )}
          <button type="button" className="button-ghost button-small" disabled={busy} onClick={onTurns} aria-label={`Turns of ${r.label}`} title="Give some turns to another label, or split this label">
            Turns…
          </button>
        </td>
      </tr>
      <RowError error={error} />
    </>
  );
}

function RowError({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <tr className="row-error">
      <td />
      <td colSpan={5}>
        <span className="field-error" role="alert">
          {error}
        </span>
      </td>
    </tr>
  );
}

function NotSpeakerRow({ row: r, error, busy, onRestore }: { row: SpeakerReviewRow; error: string | undefined; busy: boolean; onRestore: () => void }) {
  return (
    <>
      <tr className="is-not-speaker">
        <td className="col-select" />
        <td className="col-label">
          <span className="speaker-label is-struck" title={r.label}>
            {r.label}
          </span>
        </td>
        <td className="col-turns">{r.turnCount}</td>
        <td className="col-suggestion" colSpan={2}>
          <span className="suggestion">Not a speaker: its text stays in the transcript, credited to no one</span>
        </td>
        <td className="col-actions">
          <button type="button" className="button-ghost button-small" disabled={busy} onClick={onRestore} aria-label={`${r.label} is a speaker`}>
            It is a speaker
          </button>
        </td>
      </tr>
      <RowError error={error} />
    </>
  );
}

function Suggestion({ row: r }: { row: SpeakerReviewRow }) {
  const s = r.suggestion;
  if (r.participantId !== null) {
    return (
      <span className="suggestion is-linked">
        <span className="linked-mark" aria-hidden="true">✓</span> Linked to <strong>{s.name}</strong>
      </span>
    );
  }
  if (s.participantId !== null) {
    return (
      <span className="suggestion">
        <strong>{s.name}</strong>
      </span>
    );
  }
  if (s.generic) {
    return (
      <span className="suggestion is-new" title="This label names only a role: Accept asks who it was">
        who is the {s.role}? (choose)
      </span>
    );
  }
  return (
    <span className="suggestion is-new">
      new: {s.name}
      {s.role && s.role !== 'participant' ? ` (${s.role})` : ''}
    </span>
  );
}
