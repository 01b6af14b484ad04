/**
 * One participant or group, in the main pane: profile, typed attributes, consent, and the speaker
 * labels (or members) linked to them. Every change is saved as soon as it is made.
 */
import { useCallback } from 'react';
import type { CallInput } from '../../../shared/api/contract';
import type { ParticipantDetail as Detail } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { SaveNote } from '../components/SaveNote';
import { useAutoSave, type AutoSave } from '../components/useAutoSave';
import { useProjectData } from '../workspace/useProjectData';
import { AttributeFields } from './AttributeFields';
import { ConsentFields } from './ConsentFields';
import { LinkedSection } from './LinkedSection';
import { ProfileFields } from './ProfileFields';
import { GroupTikanga } from '../tikanga/GroupTikanga';
import { GroupConsentNote } from './GroupMembers';

export type ParticipantPatch = Omit<CallInput<'participant-update'>, 'id'>;
export type ParticipantSave = AutoSave<ParticipantPatch>;

interface ParticipantDetailProps {
  id: string;
  participantId: number;
  onClose: () => void;
  onOpenSource: (sourceId: number) => void;
  onOpenParticipant: (id: number) => void;
  /** Opens the memo about this participant. */
  onMemo?: () => void;
}

export function ParticipantDetail({ id, participantId, onClose, onOpenSource, onOpenParticipant, onMemo }: ParticipantDetailProps) {
  const api = useApi();
  const load = useCallback(() => api['participant-get']({ id: participantId }), [api, participantId]);
  const { data, error } = useProjectData(load, ['participants', 'consent', 'sources']);
  const loadAll = useCallback(() => api['participants-list']({}), [api]);
  const { data: everyone } = useProjectData(loadAll, ['participants']);
  const write = useCallback((patch: ParticipantPatch) => api['participant-update']({ id: participantId, ...patch }), [api, participantId]);
  const saver = useAutoSave(write);
  const shown: Detail | null = data && data.id === participantId ? data : null;
  const linked = shown && <LinkedSection participant={shown} everyone={everyone ?? []} onOpenSource={onOpenSource} onOpenParticipant={onOpenParticipant} />;

  return (
    <section
      id={id}
      className="pane pane-main"
      aria-labelledby="participant-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented && !(e.target instanceof HTMLElement && e.target.closest('dialog'))) onClose();
      }}
    >
      <PaneHeader id="participant-heading" title={shown ? shown.name : 'Participant'}>
        {shown && <SaveNote status={saver.status} />}
        {shown && onMemo && (
          <button type="button" className="button button-small" onClick={onMemo}>
            Memo
          </button>
        )}
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </PaneHeader>
      <div className="pane-scroll detail-scroll">
        <ErrorMessage message={error} />
        {!shown && !error && <EmptyState>Loading…</EmptyState>}
        {shown && (
          <div className="detail-page">
            <p className="detail-kind">{shown.kind === 'group' ? 'Group' : 'Person'}{shown.pseudonym ? ` · shown in exports as “${shown.pseudonym}”` : ''}</p>
            <ProfileFields participant={shown} groups={(everyone ?? []).filter((p) => p.kind === 'group' && p.id !== shown.id)} saver={saver} />
            {/* A group's members come straight after its profile, among the page's main sections, not below the tikanga sub-sections. */}
            {shown.kind === 'group' && linked}
            <AttributeFields participant={shown} saver={saver} />
            {shown.kind === 'group' ? <GroupConsentNote /> : <ConsentFields participant={shown} saver={saver} />}
            {shown.kind === 'group' && <GroupTikanga group={shown} everyone={everyone ?? []} saver={saver} />}
            {shown.kind !== 'group' && linked}
          </div>
        )}
      </div>
    </section>
  );
}
