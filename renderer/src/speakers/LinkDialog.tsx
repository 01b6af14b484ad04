/**
 * Linking one speaker label, or merging several (`GEOFF` + `Geoff`), to one participant: pick an
 * existing one or a new name, and the role they play in these sessions.
 */
import { useId, useState } from 'react';
import type { Participant, SpeakerReviewRow } from '../../../shared/domain/project';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { roleOptions } from '../participants/roles';
import type { LinkTarget } from './useSpeakerReview';
import { ParticipantPicker, type PickerChoice } from './ParticipantPicker';

interface LinkDialogProps {
  rows: SpeakerReviewRow[];
  people: Participant[];
  initialRole: string;
  onClose: () => void;
  /** Resolves to an error message, or null when linked. */
  onLink: (target: LinkTarget, role: string) => Promise<string | null>;
}

export function LinkDialog({ rows, people, initialRole, onClose, onLink }: LinkDialogProps) {
  const roleId = useId();
  const [choice, setChoice] = useState<PickerChoice | null>(null);
  const [role, setRole] = useState(initialRole);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = rows[0];
  const merging = rows.length > 1;
  const initialQuery = first?.suggestion.name ?? '';

  const submit = async () => {
    if (!choice || busy) return;
    setBusy(true);
    const target: LinkTarget = choice.kind === 'existing' ? { participantId: choice.participant.id } : { create: { name: choice.name, role } };
    const problem = await onLink(target, role);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  const title = merging ? `Merge ${rows.length} speaker labels into one participant` : `Link “${first?.label ?? ''}”`;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!choice || busy}>
            {merging ? 'Merge and link' : 'Link'}
          </button>
        </>
      }
    >
      <ul className="link-labels" aria-label="Speaker labels">
        {rows.map((r) => (
          <li key={r.speakerId}>
            <span className="speaker-label">{r.label}</span> <span className="link-meta">in {r.sourceTitle}</span>
          </li>
        ))}
      </ul>
      <ParticipantPicker people={people} initialQuery={initialQuery} onChoice={setChoice} />
      <div className="form-field">
        <label className="form-label" htmlFor={roleId}>
          Role in {merging || rows.length === 0 ? 'these sessions' : 'this session'}
        </label>
        <select id={roleId} className="input select input-wide" value={role} onChange={(e) => setRole(e.target.value)}>
          {roleOptions(role).map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage message={error} />
    </Dialog>
  );
}
