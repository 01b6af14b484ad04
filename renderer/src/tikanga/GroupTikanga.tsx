/**
 * A group's tikanga, on its page: the kaitiaki of its data, how its kōrero is attributed, its
 * members' roles in the group, its collective consent and the kaitiaki's decisions.
 */
import { useCallback, useId } from 'react';
import type { Participant, ParticipantDetail } from '../../../shared/domain/project';
import { TIKANGA_ROLES } from '../../../shared/domain/tikanga';
import { useApi } from '../api/ApiProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/TextField';
import type { ParticipantSave } from '../participants/ParticipantDetail';
import { useProjectData } from '../workspace/useProjectData';
import { ReturnExport } from '../export/ReturnExport';
import { ApprovalsList } from './ApprovalsList';
import { CollectiveConsentSection } from './CollectiveConsentSection';
import { KaitiakiKeySection } from './KaitiakiKeySection';
import { useAction } from './useAction';
import './tikanga.css';

interface GroupTikangaProps {
  group: ParticipantDetail;
  everyone: Participant[];
  saver: ParticipantSave;
}

export function GroupTikanga({ group, everyone, saver }: GroupTikangaProps) {
  const api = useApi();
  const action = useAction();
  const headingId = useId();
  const rolesId = useId();
  const load = useCallback(() => api['group-tikanga-get']({ groupId: group.id }), [api, group.id]);
  const { data, error } = useProjectData(load, ['participants', 'consent', 'sources']);
  const persons = everyone.filter((p) => p.kind === 'person');

  return (
    <section className="detail-section tk-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        Kaitiaki, attribution and collective consent
      </h3>
      <ErrorMessage message={error} />
      <div className="form-grid">
        <SelectField
          label="Kaitiaki of the group's data"
          value={group.kaitiakiId === null ? '' : String(group.kaitiakiId)}
          error={saver.errors.kaitiakiId}
          options={[{ value: '', label: 'Not named' }, ...persons.map((p) => ({ value: String(p.id), label: p.name }))]}
          onChange={(v) => void saver.save('kaitiakiId', { kaitiakiId: v === '' ? null : Number(v) })}
        />
        <TextField
          label="Attribution of collective kōrero"
          value={group.attribution ?? ''}
          help={
            group.attribution
              ? 'As the group decided.'
              : `Not set: quotes say “group attribution not set” until the group decides, e.g. “${data?.attributionExample ?? 'Rōpū A, group interview'}”.`
          }
          error={saver.errors.attribution}
          onCommit={(v) => void saver.save('attribution', { attribution: v.trim() === '' ? null : v })}
        />
      </div>
      {group.kaitiakiId !== null && <KaitiakiKeySection groupId={group.id} />}
      {data && data.members.length > 0 && (
        <div className="tk-members">
          <h4 className="tk-section-title">Roles in the group</h4>
          <p className="tk-help">Type or choose each member&rsquo;s role in this group. Grey shows their role in the project until you do.</p>
          <datalist id={rolesId}>
            {TIKANGA_ROLES.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          <ul className="tk-member-list">
            {data.members.map((m) => (
              <li key={m.id} className="tk-member">
                <span className="tk-member-name">{m.name}</span>
                <input
                  className="input tk-member-role"
                  list={rolesId}
                  aria-label={`Role of ${m.name} in ${group.name}`}
                  defaultValue={m.groupRole ?? ''}
                  placeholder={m.role}
                  onBlur={(e) => {
                    const role = e.target.value.trim();
                    if (role !== (m.groupRole ?? '')) void action.run(() => api['group-member-role']({ groupId: group.id, memberId: m.id, role: role || null }));
                  }}
                />
              </li>
            ))}
          </ul>
          <ErrorMessage message={action.error} onDismiss={action.clear} />
        </div>
      )}
      {data && <CollectiveConsentSection groupId={group.id} consents={data.consents} persons={persons} />}
      {data && <ApprovalsList approvals={data.approvals} kaitiakiName={data.kaitiaki?.name ?? null} />}
      {data && data.sourceIds.length > 0 && <ReturnExport groups={[{ id: group.id, name: group.name }]} />}
    </section>
  );
}
