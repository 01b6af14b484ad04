/**
 * The middle pane: the selected transcript in the transcript view (mapped speakers shown by their
 * participants' names), with a Details toggle for its metadata and removing it.
 */
import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { SourceDetails } from '../sources/SourceDetails';
import { TranscriptView } from '../transcript/TranscriptView';
import { useProjectData } from './useProjectData';
import { PassageActions } from '../consent/PassageActions';

interface TranscriptPaneProps {
  id: string;
  sourceId: number | null;
  onRemoved: () => void;
}

export function TranscriptPane({ id, sourceId, onRemoved }: TranscriptPaneProps) {
  const api = useApi();
  const load = useCallback(() => (sourceId === null ? Promise.resolve(null) : api['source-get']({ sourceId })), [api, sourceId]);
  const { data: source, error } = useProjectData(load, ['sources', 'codings']);
  const loadPeople = useCallback(() => api['participants-list']({}), [api]);
  const { data: people } = useProjectData(loadPeople, ['participants']);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const shown = source && source.id === sourceId ? source : null;

  const participantsById = useMemo(() => new Map((people ?? []).map((p) => [p.id, { name: p.name, pseudonym: p.pseudonym }])), [people]);
  const groups = useMemo(() => (people ?? []).filter((p) => p.kind === 'group'), [people]);

  return (
    <section id={id} className="pane pane-main" aria-labelledby="transcript-heading">
      <PaneHeader id="transcript-heading" title={shown?.title ?? 'Transcript'}>
        {shown && (
          <button
            type="button"
            className="button button-small"
            aria-expanded={detailsOpen}
            aria-controls="source-details"
            onClick={() => setDetailsOpen((open) => !open)}
          >
            Details
          </button>
        )}
      </PaneHeader>
      <div className="pane-scroll transcript-scroll">
        {sourceId === null && <EmptyState>Select a transcript on the left to read and code it.</EmptyState>}
        {sourceId !== null && <ErrorMessage message={error} />}
        {shown && detailsOpen && <SourceDetails id="source-details" source={shown} groups={groups} onRemoved={onRemoved} />}
        {shown && <PassageActions sourceId={shown.id} selection={selection} />}
        {shown && <TranscriptView key={shown.id} source={shown} participantsById={participantsById} onSelectionChange={setSelection} />}
      </div>
    </section>
  );
}
