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
import { QuoteBank, type QuoteTab } from '../quotes/QuoteBank';
import { QuoteNav } from '../quotes/QuoteNav';
import { DetectionReview } from '../pseudonyms/DetectionReview';
import { PseudonymsNav } from '../pseudonyms/PseudonymsNav';
import { PseudonymsView } from '../pseudonyms/PseudonymsView';
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
type MainView = { kind: 'source' } | { kind: 'participant'; id: number } | { kind: 'review'; sourceIds: number[] | null; key: number } | { kind: 'quotes'; tab: QuoteTab } | { kind: 'pseudonyms' };

export function Workspace({ project, error, onDismissError }: WorkspaceProps) {
  const [widths, setWidth] = usePaneWidths();
  const [selectedSource, setSelectedSource] = useState<number | null>(null);
  const [view, setView] = useState<MainView>({ kind: 'source' });

  const reviewSpeakers = useCallback((sourceIds: number[] | null) => setView({ kind: 'review', sourceIds, key: Date.now() }), []);
  const importer = useImporter(reviewSpeakers);
  const drop = useFileDrop(importer.actions.importFiles);
  const openSource = useCallback((id: number) => {
    setSelectedSource(id);
    setView({ kind: 'source' });
  }, []);
  const showSource = useCallback(() => setView({ kind: 'source' }), []);
  const actions = useMemo(() => importer.actions, [importer.actions]);

  return (
    <ImportContext.Provider value={actions}>
      <DropZoneContext.Provider value={drop.zone}>
        <div className="workspace" {...drop.handlers}>
          <TopBar project={project} />
          {(error || importer.error) && (
            <div className="workspace-error">
              <ErrorMessage message={error ?? importer.error} onDismiss={error ? onDismissError : importer.dismissError} />
            </div>
          )}
          <main className="panes" style={{ gridTemplateColumns: `${widths.left}px auto minmax(320px, 1fr) auto ${widths.right}px` }}>
            <nav id="pane-project" className="pane pane-side" aria-label="Sources and participants">
              <SourcesList selectedId={view.kind === 'source' ? selectedSource : null} onSelect={openSource} />
              <ParticipantsPanel selectedId={view.kind === 'participant' ? view.id : null} onSelect={(id) => setView({ kind: 'participant', id })} />
              <QuoteNav current={view.kind === 'quotes' ? view.tab : null} onOpen={(tab) => setView({ kind: 'quotes', tab })} />
              <PseudonymsNav current={view.kind === 'pseudonyms'} onOpen={() => setView({ kind: 'pseudonyms' })} />
            </nav>
            <Splitter side="left" width={widths.left} label="Resize sources pane" controls="pane-project" onResize={(w) => setWidth('left', w)} />
            {view.kind === 'source' && <TranscriptPane id="pane-main" sourceId={selectedSource} onRemoved={() => setSelectedSource(null)} />}
            {view.kind === 'participant' && (
              <ParticipantDetail
                id="pane-main"
                participantId={view.id}
                onClose={showSource}
                onOpenSource={openSource}
                onOpenParticipant={(id) => setView({ kind: 'participant', id })}
              />
            )}
            {view.kind === 'quotes' && (
              <QuoteBank
                id="pane-main"
                tab={view.tab}
                onTab={(tab) => setView({ kind: 'quotes', tab })}
                onClose={showSource}
                onMapSpeakers={reviewSpeakers}
                onOpenParticipant={(id) => setView({ kind: 'participant', id })}
                renderReview={(q, close) => <DetectionReview sourceId={q.sourceId} start={q.start} end={q.end} title={`Identifiers in this quote (${q.sourceTitle})`} onClose={close} />}
              />
            )}
            {view.kind === 'pseudonyms' && <PseudonymsView id="pane-main" onClose={showSource} />}
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
