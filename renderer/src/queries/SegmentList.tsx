/** Segments from a query or a matrix cell: who said it, where, the text in context; a click opens the place. */
import type { QuerySegment } from '../../../shared/domain/analysis';
import { LeadIn, TailOut, TalkRun, talkProps } from '../copy/TalkText';
import { PlayAt, useMediaTimes } from '../media/PlayFrom';

interface Props {
  segments: QuerySegment[];
  onOpen: (sourceId: number, range: { start: number; end: number }, opts?: { play?: boolean }) => void;
  label: string;
}

export function SegmentList({ segments, onOpen, label }: Props) {
  const media = useMediaTimes(segments.map((s) => s.sourceId));
  return (
    <ol className="segment-list" aria-label={label}>
      {segments.map((s) => (
        <li key={`${s.sourceId}:${s.start}:${s.end}`}>
          <button type="button" className="segment-button" onClick={() => onOpen(s.sourceId, { start: s.start, end: s.end })} title="Open the transcript at this place">
            <span className="search-hit-meta">
              <span className="search-hit-speaker">{s.speakers.map((p) => p.name ?? p.label).join(', ') || 'No speaker'}</span>
              <span className="search-hit-source">{s.sourceTitle}</span>
              {s.mode === 'tikanga' && <span className="badge badge-tikanga">Tikanga-based</span>}
            </span>
            <span className="segment-text" {...talkProps(s.sourceId)}>
              <LeadIn className="segment-context" shown={clipStart(s.before)} end={s.start} />
              <TalkRun className="segment-hit" start={s.start}>
                {s.text}
              </TalkRun>
              <TailOut className="segment-context" shown={clipEnd(s.after)} start={s.end} />
            </span>
          </button>
          <PlayAt info={media.get(s.sourceId)} offset={s.start} onPlay={() => onOpen(s.sourceId, { start: s.start, end: s.end }, { play: true })} />
        </li>
      ))}
    </ol>
  );
}

const clipStart = (t: string) => (t.length > 80 ? `…${t.slice(-80)}` : t);
const clipEnd = (t: string) => (t.length > 80 ? `${t.slice(0, 80)}…` : t);
