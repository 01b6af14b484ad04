/** The project's transcripts: title, mode (tikanga-based ones banded), session date and length. */
import { useCallback } from 'react';
import type { SourceSummary } from '../../../shared/domain/project';
import { formatDate } from '../../../shared/format/dates';
import { useApi } from '../api/ApiProvider';
import { useDateFormat } from '../app/AppContext';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { ModeBadge } from '../components/ModeBadge';
import { PaneHeader } from '../components/PaneHeader';
import { plural } from '../format/numbers';
import { ariaShortcut, shortcut } from '../format/keys';
import { useImportActions } from '../import/ImportContext';
import { useProjectData } from './useProjectData';
import { useRovingList } from '../components/useRovingList';

interface SourcesListProps {
  selectedId: number | null;
  onSelect: (id: number) => void;
}

export function SourcesList({ selectedId, onSelect }: SourcesListProps) {
  const api = useApi();
  const load = useCallback(() => api['sources-list']({}), [api]);
  const { data: sources, error } = useProjectData(load, ['sources', 'codings']);
  const roving = useRovingList<HTMLUListElement>();
  const dateFormat = useDateFormat();
  const { chooseFiles } = useImportActions();

  return (
    <section className="pane-section pane-section-grow" aria-labelledby="sources-heading">
      <PaneHeader id="sources-heading" title="Sources" count={sources?.length ?? null}>
        <button type="button" className="button button-small" onClick={chooseFiles} aria-keyshortcuts={ariaShortcut('i')} title={`Import transcripts (${shortcut('i')})`}>
          Import…
        </button>
      </PaneHeader>
      <div className="pane-scroll">
        <ErrorMessage message={error} />
        {sources && sources.length === 0 && (
          <EmptyState>No transcripts yet. Import transcripts ({shortcut('i')}) or drop files here.</EmptyState>
        )}
        {sources && sources.length > 0 && (
          <ul ref={roving.ref} onKeyDown={roving.onKeyDown} className="item-list" aria-labelledby="sources-heading">
            {sources.map((s) => (
              <li key={s.id}>
                <SourceItem source={s} selected={s.id === selectedId} dateFormat={dateFormat} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function SourceItem({ source: s, selected, dateFormat, onSelect }: { source: SourceSummary; selected: boolean; dateFormat: 'nz' | 'iso'; onSelect: (id: number) => void }) {
  const classes = ['source-item', s.mode === 'tikanga' ? 'source-tikanga' : '', selected ? 'is-selected' : ''].filter(Boolean).join(' ');
  return (
    <button type="button" className={classes} aria-current={selected ? 'true' : undefined} onClick={() => onSelect(s.id)}>
      <span className="source-title" title={s.title}>
        {s.title}
      </span>
      <span className="source-meta">
        <ModeBadge mode={s.mode} />
        {s.sessionDate && <span>{formatDate(s.sessionDate, dateFormat)}</span>}
        <span>{plural(s.wordCount, 'word')}</span>
      </span>
    </button>
  );
}
