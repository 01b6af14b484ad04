/**
 * "Set up the rōpū…" after a tikanga-based import: create a new group or choose one, and add every
 * mapped speaker as a member with the role the speaker review gave them, in one step (the core's
 * `group-setup-from-source`). Labels not yet linked are listed, to review first.
 */
import { useCallback, useId, useState } from 'react';
import type { GroupSetupResult } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { useProjectData } from '../workspace/useProjectData';

interface GroupSetupDialogProps {
  sourceId: number;
  onClose: () => void;
  onDone?: (result: GroupSetupResult) => void;
}

export function GroupSetupDialog({ sourceId, onClose, onDone }: GroupSetupDialogProps) {
  const api = useApi();
  const id = useId();
  const loadPreview = useCallback(() => api['group-setup-preview']({ sourceId }), [api, sourceId]);
  const { data: preview, error: loadError } = useProjectData(loadPreview, ['participants', 'sources']);
  const loadPeople = useCallback(() => api['participants-list']({}), [api]);
  const { data: people } = useProjectData(loadPeople, ['participants']);
  const groups = (people ?? []).filter((p) => p.kind === 'group');
  const [choice, setChoice] = useState<'new' | number>('new');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<GroupSetupResult | null>(null);
  const chosen = preview?.groupId != null && choice === 'new' && name === '' ? preview.groupId : choice;

  const submit = async () => {
    if (busy || done) return onClose();
    if (chosen === 'new' && !name.trim()) return setError('Type the rōpū’s name, or choose an existing group.');
    setBusy(true);
    try {
      const r = await api['group-setup-from-source']({ sourceId, linkSuggested: true, ...(chosen === 'new' ? { newGroupName: name } : { groupId: chosen }) });
      setDone(r);
      onDone?.(r);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Set up the rōpū for “${preview?.sourceTitle ?? '…'}”`}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        done ? (
          <button type="submit" className="button button-primary">
            Done
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={busy || !preview}>
              Set up the rōpū
            </button>
          </>
        )
      }
    >
      <ErrorMessage message={loadError} />
      {done ? (
        <p role="status">
          {done.created ? 'Created' : 'Set up'} {done.groupName}: {done.added.length} member{done.added.length === 1 ? '' : 's'} added
          {done.alreadyMembers.length ? `, ${done.alreadyMembers.length} already in it` : ''}. It is now this transcript’s group; its page is under Participants.
        </p>
      ) : (
        <>
          <div className="form-field">
            <label className="form-label" htmlFor={`${id}-group`}>
              Rōpū
            </label>
            <select id={`${id}-group`} className="input select input-wide" value={String(chosen)} onChange={(e) => setChoice(e.target.value === 'new' ? 'new' : Number(e.target.value))}>
              <option value="new">A new group…</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
          {chosen === 'new' && (
            <div className="form-field">
              <label className="form-label" htmlFor={`${id}-name`}>
                Name of the new group
              </label>
              <input id={`${id}-name`} className="input input-wide" value={name} placeholder="e.g. Te Whare Oranga rōpū" onChange={(e) => setName(e.target.value)} />
            </div>
          )}
          <h4 className="tk-section-title">Members to add, with their roles from the speaker review</h4>
          {preview && preview.speakers.length === 0 && <p className="field-help">No speaker in this transcript is linked to a participant yet: review the speakers first.</p>}
          <ul className="link-list" aria-label="Speakers to add">
            {preview?.speakers.map((s) => (
              <li key={s.id}>
                <span>{s.name}</span>
                <span className="link-meta">
                  {s.role ?? 'participant'}
                  {s.suggested ? ` · links “${s.labels.join('”, “')}”` : ''}
                </span>
              </li>
            ))}
          </ul>
          {preview && preview.unmappedLabels.length > 0 && (
            <p className="field-help">
              Not linked yet, so not added: {preview.unmappedLabels.map((l) => `“${l}”`).join(', ')}. Link them in Review speakers, then add them on the group’s page.
            </p>
          )}
        </>
      )}
      <ErrorMessage message={error} />
    </Dialog>
  );
}
