/**
 * A transcript's details, editable in place: title, date, mode, kind, group, facilitators,
 * location, round and notes. Each is saved when the field is left. The text itself never changes.
 */
import { useCallback, useState } from 'react';
import type { CallInput } from '../../../shared/api/contract';
import type { Participant, SourceDetail } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { useDateFormat } from '../app/AppContext';
import { SaveNote } from '../components/SaveNote';
import { DateField, SelectField, TextField } from '../components/TextField';
import { useAutoSave } from '../components/useAutoSave';
import { plural } from '../format/numbers';
import { SESSION_KINDS } from '../../../shared/domain/tikanga';
import { GroupSetupDialog } from '../participants/GroupSetupDialog';
import { RemoveSourceDialog } from './RemoveSourceDialog';

type SourcePatch = Omit<CallInput<'source-update'>, 'sourceId'>;

interface SourceDetailsProps {
  id: string;
  source: SourceDetail;
  groups: Participant[];
  onRemoved: () => void;
}

export function SourceDetails({ id, source: s, groups, onRemoved }: SourceDetailsProps) {
  const api = useApi();
  const dateFormat = useDateFormat();
  const write = useCallback((patch: SourcePatch) => api['source-update']({ sourceId: s.id, ...patch }), [api, s.id]);
  const { errors, status, save } = useAutoSave(write);
  const [titleProblem, setTitleProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState(false);
  const [settingUp, setSettingUp] = useState(false);
  const text = (field: keyof SourcePatch) => (value: string) => void save(field, { [field]: value });
  const groupOptions = [{ value: '', label: 'No group' }, ...groups.map((g) => ({ value: String(g.id), label: g.name }))];

  return (
    <section id={id} className="source-details" aria-label="Transcript details">
      <div className="source-details-head">
        <h3 className="section-title">Details</h3>
        <SaveNote status={status} />
      </div>
      <div className="form-grid">
        <TextField
          label="Title"
          value={s.title}
          error={titleProblem ?? errors.title}
          onCommit={(title) => {
            if (title.trim() === '') return setTitleProblem('A transcript needs a title.');
            setTitleProblem(null);
            void save('title', { title });
          }}
        />
        <DateField label="Session date" value={s.sessionDate} format={dateFormat} error={errors.sessionDate} onCommit={(sessionDate) => void save('sessionDate', { sessionDate })} />
        <SelectField
          label="Mode"
          value={s.mode}
          error={errors.mode}
          options={[
            { value: 'mainstream', label: 'Mainstream' },
            { value: 'tikanga', label: 'Tikanga-based' },
          ]}
          onChange={(mode) => void save('mode', { mode })}
        />
        <TextField label="Kind of session" value={s.kind} placeholder="e.g. focus group, hui" list={`${id}-kinds`} error={errors.kind} onCommit={text('kind')} />
        <datalist id={`${id}-kinds`}>
          {SESSION_KINDS[s.mode].map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        <SelectField
          label="Group"
          value={s.groupId === null ? '' : String(s.groupId)}
          options={groupOptions}
          error={errors.groupId}
          onChange={(v) => void save('groupId', { groupId: v === '' ? null : Number(v) })}
        />
        {s.mode === 'tikanga' && s.groupId === null && (
          <div className="form-note" role="note">
            <span>This tikanga-based hui has no rōpū yet: its collective consent and its kaitiaki come from its group.</span>{' '}
            <button type="button" className="button button-small" onClick={() => setSettingUp(true)}>
              Set up the rōpū…
            </button>
          </div>
        )}
        <TextField label="Facilitators" value={s.facilitators} error={errors.facilitators} onCommit={text('facilitators')} />
        <TextField label="Location" value={s.location} error={errors.location} onCommit={text('location')} />
        <TextField label="Round" value={s.round} placeholder="e.g. 1, follow-up" error={errors.round} onCommit={text('round')} />
        <TextField label="Notes" value={s.notes} multiline error={errors.notes} onCommit={text('notes')} />
      </div>
      <div className="source-details-foot">
        <span className="field-help">
          Imported from {s.fileName} · {plural(s.codingCount, 'coding')}
        </span>
        <button type="button" className="button button-small button-danger" onClick={() => setRemoving(true)}>
          Remove transcript…
        </button>
      </div>
      {settingUp && <GroupSetupDialog sourceId={s.id} onClose={() => setSettingUp(false)} />}
      {removing && (
        <RemoveSourceDialog
          source={s}
          onClose={() => setRemoving(false)}
          onRemoved={() => {
            setRemoving(false);
            onRemoved();
          }}
        />
      )}
    </section>
  );
}
