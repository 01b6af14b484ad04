/**
 * The middle pane: the selected transcript, read-only for now (coding arrives with the editor).
 * Every piece of transcript text is rendered as a React text node, never as HTML.
 */
import { useCallback } from 'react';
import type { SourceDetail } from '../../../shared/domain/project';
import { formatDate } from '../../../shared/format/dates';
import { useApi } from '../api/ApiProvider';
import { useDateFormat } from '../app/AppContext';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { ModeBadge } from '../components/ModeBadge';
import { PaneHeader } from '../components/PaneHeader';
import { plural } from '../format/numbers';
import { useProjectData } from './useProjectData';

export function TranscriptPane({ id, sourceId }: { id: string; sourceId: number | null }) {
  const api = useApi();
  const load = useCallback(() => (sourceId === null ? Promise.resolve(null) : api['source-get']({ sourceId })), [api, sourceId]);
  const { data: source, error } = useProjectData(load, ['sources']);
  const shown = source && source.id === sourceId ? source : null;

  return (
    <section id={id} className="pane pane-main" aria-labelledby="transcript-heading">
      <PaneHeader id="transcript-heading" title={shown?.title ?? 'Transcript'} />
      <div className="pane-scroll transcript-scroll">
        {sourceId === null && <EmptyState>Select a transcript on the left to read and code it.</EmptyState>}
        {sourceId !== null && <ErrorMessage message={error} />}
        {shown && <Transcript source={shown} />}
      </div>
    </section>
  );
}

function Transcript({ source }: { source: SourceDetail }) {
  const dateFormat = useDateFormat();
  const speakers = new Map(source.speakers.map((s) => [s.id, s.label]));
  return (
    <article className={source.mode === 'tikanga' ? 'transcript transcript-tikanga' : 'transcript'} aria-label={source.title}>
      <p className="transcript-meta">
        <ModeBadge mode={source.mode} />
        {source.kind && <span>{source.kind}</span>}
        {source.sessionDate && <span>{formatDate(source.sessionDate, dateFormat)}</span>}
        <span>{plural(source.speakerCount, 'speaker')}</span>
        <span>{plural(source.wordCount, 'word')}</span>
      </p>
      {source.blocks.length === 0 ? (
        <p className="transcript-text">{source.text}</p>
      ) : (
        source.blocks.map((b) => {
          const text = source.text.slice(b.start, b.end);
          if (b.kind === 'heading') return <h3 key={b.id} className="transcript-heading">{text}</h3>;
          if (b.kind === 'note') return <p key={b.id} className="transcript-note">{text}</p>;
          const speaker = b.speakerId !== null ? speakers.get(b.speakerId) : undefined;
          return (
            <div key={b.id} className="transcript-turn">
              {speaker && <div className="transcript-speaker">{speaker}</div>}
              <p className="transcript-text">{text}</p>
            </div>
          );
        })
      )}
    </article>
  );
}
