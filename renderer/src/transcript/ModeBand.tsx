/**
 * The band above the transcript. Tikanga-based sessions get a clear kōkōwai band naming the
 * session and the parts that were held but not recorded (whakatau, karakia…), so nobody reads the
 * transcript as the whole hui. Mainstream sessions get a quiet one-line header.
 */
import type { SourceDetail } from '../../../shared/domain/project';
import { partLabel, type ParticipantNames } from './offsets';

interface ModeBandProps {
  source: Pick<SourceDetail, 'mode' | 'title' | 'kind' | 'parts'>;
  participantsById?: ParticipantNames | undefined;
}

export function ModeBand({ source, participantsById }: ModeBandProps) {
  const unrecorded = source.parts
    .filter((p) => !p.recorded)
    .map((p) => partLabel(p.kind, (p.ledById !== null ? participantsById?.get(p.ledById)?.name : undefined) ?? p.ledByLabel));

  if (source.mode !== 'tikanga') {
    return (
      <div className="tv-band tv-band-mainstream" role="note" aria-label="Session">
        <span className="tv-band-mode">Mainstream session</span>
        <span className="tv-band-title">{source.title}</span>
        {source.kind && <span className="tv-band-kind">{source.kind}</span>}
      </div>
    );
  }
  return (
    <div className="tv-band tv-band-tikanga" role="note" aria-label="Tikanga-based session">
      <div className="tv-band-row">
        <span className="tv-band-mode">Tikanga-based session</span>
        <span className="tv-band-title">{source.title}</span>
      </div>
      {unrecorded.length > 0 && (
        <p className="tv-band-unrecorded">
          <span className="tv-band-key">Unrecorded:</span> {unrecorded.join(', ')}
        </p>
      )}
    </div>
  );
}
