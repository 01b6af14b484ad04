/** People and groups in the project; pseudonyms shown beside names so the researcher sees both. */
import { useCallback } from 'react';
import type { Participant } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { useProjectData } from './useProjectData';

export function ParticipantsList() {
  const api = useApi();
  const load = useCallback(() => api['participants-list']({}), [api]);
  const { data: people, error } = useProjectData(load, ['participants']);

  return (
    <section className="pane-section" aria-labelledby="participants-heading">
      <PaneHeader id="participants-heading" title="Participants" count={people?.length ?? null} />
      <div className="pane-scroll">
        <ErrorMessage message={error} />
        {people && people.length === 0 && (
          <EmptyState>No participants yet. Speakers in imported transcripts can be linked to participants here.</EmptyState>
        )}
        {people && people.length > 0 && (
          <ul className="item-list" aria-labelledby="participants-heading">
            {people.map((p) => (
              <li key={p.id} className="participant-item">
                <ParticipantRow participant={p} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function ParticipantRow({ participant: p }: { participant: Participant }) {
  return (
    <>
      <span className={p.kind === 'group' ? 'participant-icon is-group' : 'participant-icon'} aria-hidden="true" />
      <span className="participant-name">{p.name}</span>
      {p.pseudonym && <span className="participant-pseudonym">“{p.pseudonym}”</span>}
      <span className="participant-role">{p.kind === 'group' ? 'Group' : p.role}</span>
    </>
  );
}
