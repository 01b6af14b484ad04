/** A time with a play button beside a passage (retrieval rows, query results): opens its transcript and plays the recording from there. */
import { formatTimestamp } from '../../../shared/format/timestamps';

export function PlayFrom({ seconds, onPlay }: { seconds: number; onPlay: () => void }) {
  const label = formatTimestamp(seconds * 1000);
  return (
    <button type="button" className="button button-small button-ghost play-from" onClick={onPlay} title={`Open the transcript and play its recording from ${label}`} aria-label={`Play from ${label}`}>
      ▶ {label}
    </button>
  );
}
