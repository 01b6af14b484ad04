/** Before importing: which files, which session mode, and which group the sessions belong to. */
import { useCallback, useId } from 'react';
import { useApi } from '../api/ApiProvider';
import { plural } from '../format/numbers';
import { useProjectData } from '../workspace/useProjectData';
import type { PendingFile } from './files';
import type { GroupChoice, ImportOptions, ModeChoice } from './useImportRun';

const MODES: Array<{ value: ModeChoice; label: string; help: string }> = [
  { value: 'header', label: 'From file header', help: 'A “Mode:” line in the file decides; files without one are mainstream.' },
  { value: 'mainstream', label: 'Mainstream', help: 'Focus groups and interviews.' },
  { value: 'tikanga', label: 'Tikanga-based', help: 'Hui and group interviews held in tikanga.' },
];

interface ImportSetupProps {
  files: PendingFile[];
  options: ImportOptions;
  onChange: (options: ImportOptions) => void;
}

export function ImportSetup({ files, options, onChange }: ImportSetupProps) {
  const api = useApi();
  const load = useCallback(async () => (await api['participants-list']({})).filter((p) => p.kind === 'group'), [api]);
  const { data: groups } = useProjectData(load, ['participants']);
  const groupId = useId();
  const newGroupId = useId();
  const group = options.group;
  const groupValue = group.kind === 'existing' ? String(group.id) : group.kind;

  const pickGroup = (value: string): GroupChoice =>
    value === 'none' ? { kind: 'none' } : value === 'new' ? { kind: 'new', name: group.kind === 'new' ? group.name : '' } : { kind: 'existing', id: Number(value) };

  return (
    <div className="import-setup">
      <p className="import-files-title">{plural(files.length, 'file')} to import</p>
      <ul className="import-file-names" aria-label="Files to import">
        {files.map((f, i) => (
          <li key={`${f.name}-${i}`}>{f.name}</li>
        ))}
      </ul>

      <fieldset className="form-field">
        <legend className="form-label">Session mode</legend>
        <div className="radio-cards">
          {MODES.map((m) => (
            <label key={m.value} className={m.value === options.mode ? 'radio-card is-on' : 'radio-card'}>
              <input type="radio" name="import-mode" value={m.value} checked={m.value === options.mode} onChange={() => onChange({ ...options, mode: m.value })} />
              <span className="radio-card-label">{m.label}</span>
              <span className="radio-card-help">{m.help}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="form-field">
        <label className="form-label" htmlFor={groupId}>
          Group <span className="form-optional">(optional)</span>
        </label>
        <select id={groupId} className="input select input-wide" value={groupValue} onChange={(e) => onChange({ ...options, group: pickGroup(e.target.value) })}>
          <option value="none">No group</option>
          {groups?.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
          <option value="new">New group…</option>
        </select>
      </div>
      {group.kind === 'new' && (
        <div className="form-field">
          <label className="form-label" htmlFor={newGroupId}>
            New group name
          </label>
          <input
            id={newGroupId}
            className="input input-wide"
            value={group.name}
            placeholder="e.g. Focus group 2"
            autoFocus
            onChange={(e) => onChange({ ...options, group: { kind: 'new', name: e.target.value } })}
          />
        </div>
      )}
    </div>
  );
}
