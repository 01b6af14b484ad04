/** Name, pseudonym, role, mode, groups and notes: each saved on blur (text) or on change (choices). */
import { useId } from 'react';
import type { Participant, ParticipantDetail } from '../../../shared/domain/project';
import { SelectField, TextField } from '../components/TextField';
import type { ParticipantSave } from './ParticipantDetail';
import { MODE_LABELS, SESSION_ROLES } from './roles';

interface ProfileFieldsProps {
  participant: ParticipantDetail;
  groups: Participant[];
  saver: ParticipantSave;
}

type ModeValue = 'none' | 'mainstream' | 'tikanga';

export function ProfileFields({ participant: p, groups, saver }: ProfileFieldsProps) {
  const { errors, save } = saver;
  const rolesId = useId();
  return (
    <section className="detail-section" aria-labelledby={`${rolesId}-h`}>
      <h3 id={`${rolesId}-h`} className="section-title">
        Profile
      </h3>
      <div className="form-grid">
        <TextField label="Name" value={p.name} error={errors.name} onCommit={(name) => void save('name', { name })} />
        <TextField
          label="Pseudonym"
          value={p.pseudonym ?? ''}
          placeholder="Used in place of the name in exports"
          error={errors.pseudonym}
          onCommit={(v) => void save('pseudonym', { pseudonym: v.trim() === '' ? null : v })}
        />
        <TextField label="Role" value={p.role} list={rolesId} error={errors.role} onCommit={(role) => void save('role', { role })} />
        <datalist id={rolesId}>
          {SESSION_ROLES.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        {p.kind === 'group' && p.sessionsMode ? (
          <div className="form-field">
            <span className="form-label">Mode</span>
            <p className="field-value" aria-label="Mode">
              {MODE_LABELS[p.sessionsMode]}
            </p>
            <p className="field-help">Its sessions decide it: every session of this group is {p.sessionsMode === 'tikanga' ? 'tikanga-based' : 'mainstream'}.</p>
          </div>
        ) : (
        <SelectField<ModeValue>
          label="Mode"
          value={p.mode ?? 'none'}
          error={errors.mode}
          options={[
            { value: 'none', label: 'Not set' },
            { value: 'mainstream', label: MODE_LABELS.mainstream },
            { value: 'tikanga', label: MODE_LABELS.tikanga },
          ]}
          onChange={(v) => void save('mode', { mode: v === 'none' ? null : v })}
        />
        )}
        {p.kind === 'person' && <GroupsField participant={p} groups={groups} saver={saver} />}
        <TextField label="Notes" value={p.notes} multiline error={errors.notes} onCommit={(notes) => void save('notes', { notes })} />
      </div>
    </section>
  );
}

function GroupsField({ participant: p, groups, saver }: { participant: ParticipantDetail; groups: Participant[]; saver: ParticipantSave }) {
  const id = useId();
  const mine = groups.filter((g) => p.groupIds.includes(g.id));
  const others = groups.filter((g) => !p.groupIds.includes(g.id));
  const setGroups = (groupIds: number[]) => void saver.save('groups', { groupIds });
  return (
    <div className="form-field form-field-wide">
      <label className="form-label" htmlFor={id}>
        Groups
      </label>
      <div className="chips">
        {mine.length === 0 && <span className="chips-empty">Not in a group</span>}
        {mine.map((g) => (
          <span key={g.id} className="chip">
            {g.name}
            <button type="button" className="chip-remove" aria-label={`Remove from ${g.name}`} onClick={() => setGroups(p.groupIds.filter((x) => x !== g.id))}>
              ×
            </button>
          </span>
        ))}
        {others.length > 0 && (
          <select id={id} className="input select chip-add" value="" onChange={(e) => e.target.value && setGroups([...p.groupIds, Number(e.target.value)])}>
            <option value="">Add to group…</option>
            {others.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        )}
      </div>
      {saver.errors.groups && (
        <p className="field-error" role="alert">
          {saver.errors.groups}
        </p>
      )}
    </div>
  );
}
