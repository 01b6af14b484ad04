/** Who this is in the transcripts: a person's speaker labels (with their sources), or a group's members. */
import type { Participant, ParticipantDetail } from '../../../shared/domain/project';

interface LinkedSectionProps {
  participant: ParticipantDetail;
  everyone: Participant[];
  onOpenSource: (sourceId: number) => void;
  onOpenParticipant: (id: number) => void;
}

export function LinkedSection({ participant: p, everyone, onOpenSource, onOpenParticipant }: LinkedSectionProps) {
  if (p.kind === 'group') {
    const members = everyone.filter((x) => p.memberIds.includes(x.id));
    return (
      <section className="detail-section" aria-labelledby="members-heading">
        <h3 id="members-heading" className="section-title">
          Members
        </h3>
        {members.length === 0 ? (
          <p className="field-help">No members yet. Add people to this group from their own page, or with a group column in the register.</p>
        ) : (
          <ul className="link-list">
            {members.map((m) => (
              <li key={m.id}>
                <button type="button" className="link-button" onClick={() => onOpenParticipant(m.id)}>
                  {m.name}
                </button>
                <span className="link-meta">{m.role}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }
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
