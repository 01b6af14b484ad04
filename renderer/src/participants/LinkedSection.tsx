/** Who this is in the transcripts: a person's speaker labels (with their sources), or a group's members. */
import type { Participant, ParticipantDetail } from '../../../shared/domain/project';
import { GroupMembers } from './GroupMembers';

interface LinkedSectionProps {
  participant: ParticipantDetail;
  everyone: Participant[];
  onOpenSource: (sourceId: number) => void;
  onOpenParticipant: (id: number) => void;
}

export function LinkedSection({ participant: p, everyone, onOpenSource, onOpenParticipant }: LinkedSectionProps) {
  if (p.kind === 'group') return <GroupMembers group={p} everyone={everyone} onOpenParticipant={onOpenParticipant} />;
  return (
    <section className="detail-section" aria-labelledby="speakers-heading">
      <h3 id="speakers-heading" className="section-title">
        In transcripts
      </h3>
      {p.speakers.length === 0 ? (
        <p className="field-help">Not linked to any speaker yet. Use Review speakers (Participants, on the left) to link transcript labels to {p.name}.</p>
      ) : (
        <ul className="link-list">
          {p.speakers.map((s) => (
            <li key={s.speakerId}>
              <span className="speaker-label">{s.label}</span>
              <span className="link-meta">in</span>
              <button type="button" className="link-button" onClick={() => onOpenSource(s.sourceId)}>
                {s.sourceTitle}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
