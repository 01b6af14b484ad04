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
}

export function SpeakerRow({ row: r, role, selected, error, busy, onSelect, onRole, onAccept, onChoose, onUnlink }: SpeakerRowProps) {
  const linked = r.participantId !== null;
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
            </>
          )}
        </td>
      </tr>
      {error && (
        <tr className="row-error">
          <td />
          <td colSpan={5}>
            <span className="field-error" role="alert">
              {error}
            </span>
          </td>
        </tr>
      )}
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
