/**
 * The open project, NVivo-style: Sources and Participants on the left, the main pane in the
 * middle (a transcript, a participant's page, or the speaker review), the code tree on the right,
 * with draggable splitters between them and a status bar. Files dropped anywhere are imported.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ProjectInfo } from '../../../shared/domain/project';
import { ErrorMessage } from '../components/ErrorMessage';
import { DropOverlay } from '../import/DropOverlay';
import { ImportContext } from '../import/ImportContext';
import { DropZoneContext, useFileDrop } from '../import/useFileDrop';
import { useImporter } from '../import/useImporter';
import { ParticipantDetail } from '../participants/ParticipantDetail';
import { ParticipantsPanel } from '../participants/ParticipantsPanel';
import { AnalysisView } from '../matrix/AnalysisView';
import { AnalysisButtons } from '../search/AnalysisButtons';
import { SearchView } from '../search/SearchView';
import { useFindShortcut } from '../search/useFindShortcut';
import { SpeakerReview } from '../speakers/SpeakerReview';
import { CodesPane } from './CodesPane';
import { SourcesList } from './SourcesList';
import { Splitter } from './Splitter';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { TranscriptPane } from './TranscriptPane';
import { usePaneWidths } from './usePaneWidths';

interface WorkspaceProps {
  project: ProjectInfo;
  error: string | null;
  onDismissError: () => void;
}

/** What the main pane shows. Each review gets its own key so it starts from the labels unlinked at opening. */
type MainView =
  | { kind: 'source' }
  | { kind: 'participant'; id: number }
  | { kind: 'review'; sourceIds: number[] | null; key: number }
  | { kind: 'search'; focus: number }
  | { kind: 'analysis' };

export function Workspace({ project, error, onDismissError }: WorkspaceProps) {
  const [widths, setWidth] = usePaneWidths();
  const [selectedSource, setSelectedSource] = useState<number | null>(null);
  const [view, setView] = useState<MainView>({ kind: 'source' });

  const reviewSpeakers = useCallback((sourceIds: number[] | null) => setView({ kind: 'review', sourceIds, key: Date.now() }), []);
  const importer = useImporter(reviewSpeakers);
  const drop = useFileDrop(importer.actions.importFiles);
  const [scrollTo, setScrollTo] = useState<{ start: number; end: number; token: number } | undefined>(undefined);
  /** Opens a transcript, and when a range is given scrolls to it and flashes it. */
  const openSource = useCallback((sourceId: number, range?: { start: number; end: number }) => {
    setSelectedSource(sourceId);
    setScrollTo(range ? { start: range.start, end: range.end, token: Date.now() } : undefined);
    setView({ kind: 'source' });
  }, []);
  const openSearch = useCallback(() => setView({ kind: 'search', focus: Date.now() }), []);
  useFindShortcut(openSearch);
  const showSource = useCallback(() => setView({ kind: 'source' }), []);
  const actions = useMemo(() => importer.actions, [importer.actions]);

  return (
    <ImportContext.Provider value={actions}>
      <DropZoneContext.Provider value={drop.zone}>
        <div className="workspace" {...drop.handlers}>
          <TopBar project={project}>
            <AnalysisButtons current={view.kind} onSearch={openSearch} onAnalyse={() => setView({ kind: 'analysis' })} />
          </TopBar>
          {(error || importer.error) && (
            <div className="workspace-error">
              <ErrorMessage message={error ?? importer.error} onDismiss={error ? onDismissError : importer.dismissError} />
            </div>
          )}
          <main className="panes" style={{ gridTemplateColumns: `${widths.left}px auto minmax(320px, 1fr) auto ${widths.right}px` }}>
            <nav id="pane-project" className="pane pane-side" aria-label="Sources and participants">
              <SourcesList selectedId={view.kind === 'source' ? selectedSource : null} onSelect={(id) => openSource(id)} />
              <ParticipantsPanel selectedId={view.kind === 'participant' ? view.id : null} onSelect={(id) => setView({ kind: 'participant', id })} />
            </nav>
            <Splitter side="left" width={widths.left} label="Resize sources pane" controls="pane-project" onResize={(w) => setWidth('left', w)} />
            {view.kind === 'source' && <TranscriptPane id="pane-main" sourceId={selectedSource} scrollTo={scrollTo} onRemoved={() => setSelectedSource(null)} />}
            {view.kind === 'search' && <SearchView id="pane-main" focusToken={view.focus} onOpen={openSource} onClose={showSource} />}
            {view.kind === 'analysis' && <AnalysisView id="pane-main" onOpen={openSource} onClose={showSource} />}
            {view.kind === 'participant' && (
              <ParticipantDetail
                id="pane-main"
                participantId={view.id}
                onClose={showSource}
                onOpenSource={(id) => openSource(id)}
                onOpenParticipant={(id) => setView({ kind: 'participant', id })}
              />
            )}
            {view.kind === 'review' && <SpeakerReview key={view.key} id="pane-main" sourceIds={view.sourceIds} onClose={showSource} />}
            <Splitter side="right" width={widths.right} label="Resize codes pane" controls="pane-codes" onResize={(w) => setWidth('right', w)} />
            <CodesPane id="pane-codes" />
          </main>
          <StatusBar project={project} />
          <DropOverlay visible={drop.zone === 'transcripts'} />
          {importer.ui}
        </div>
      </DropZoneContext.Provider>
    </ImportContext.Provider>
  );
}
