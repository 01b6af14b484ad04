/**
 * The open project, NVivo-style: Sources and Participants on the left, the main pane in the
 * middle (a transcript, a participant's page, or the speaker review), the code tree on the right,
 * with draggable splitters between them and a status bar. Files dropped anywhere are imported.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MemoRequest } from '../codes/CodingContext';
import type { ProjectInfo } from '../../../shared/domain/project';
import { AutoCodeDialog } from '../codes/AutoCodeDialog';
import { CodeTreePane } from '../codes/CodeTreePane';
import { CodingContext, type ApplyMode } from '../codes/CodingContext';
import { QuickPicker } from '../codes/QuickPicker';
import { Toast, useToast } from '../codes/Toast';
import { SaveCopyButton } from './SaveCopy';
import { useCodingSession } from '../codes/useCodingSession';
import { useCodingShortcuts } from '../codes/useCodingShortcuts';
import { UndoStatus, useUndo } from '../codes/useUndo';
import { MemoDialog } from '../memos/MemoDialog';
import { MemosView } from '../memos/MemosView';
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
import { QuoteBank, type QuoteTab } from '../quotes/QuoteBank';
import { QuoteNav } from '../quotes/QuoteNav';
import { DetectionReview } from '../pseudonyms/DetectionReview';
import { PseudonymsNav } from '../pseudonyms/PseudonymsNav';
import { PseudonymsView } from '../pseudonyms/PseudonymsView';
import { SpeakerReview } from '../speakers/SpeakerReview';
import { SourcesList } from './SourcesList';
import { Splitter } from './Splitter';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { EXPORT_REFI, requestRefi } from '../exchange/RefiHost';
import { TranscriptPane } from './TranscriptPane';
import { PaneBoundary } from '../components/PaneBoundary';
import { usePaneWidths } from './usePaneWidths';
import { TeamView } from '../team/TeamView';
import { CoderCopyDialog, MergeDialog } from '../team/TeamDialogs';
import { useTeamMenu } from '../team/useTeamMenu';
import { PaneTabs, useNarrow, type PaneTab } from './PaneTabs';

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
  | { kind: 'memos' }
  | { kind: 'search'; focus: number }
  | { kind: 'analysis' }
  | { kind: 'quotes'; tab: QuoteTab }
  | { kind: 'pseudonyms' }
  | { kind: 'team' };

export function Workspace({ project, error, onDismissError }: WorkspaceProps) {
  const [widths, setWidth] = usePaneWidths();
  const [selectedSource, setSelectedSource] = useState<number | null>(null);
  const [view, setView] = useState<MainView>({ kind: 'source' });

  const reviewSpeakers = useCallback((sourceIds: number[] | null) => setView({ kind: 'review', sourceIds, key: Date.now() }), []);
  const importer = useImporter(reviewSpeakers);
  const drop = useFileDrop(importer.actions.importFiles);
  const [jump, setJump] = useState<{ sourceId: number; start: number; end: number; token: number; play?: boolean } | null>(null);
  /** Opens a transcript in the main pane; with a range, scrolls to it and flashes it. Other features call this too. */
  const openSource = useCallback((sourceId: number, range?: { start: number; end: number }, opts?: { play?: boolean }) => {
    setSelectedSource(sourceId);
    setView({ kind: 'source' });
    setJump(range ? { sourceId, start: range.start, end: range.end, token: Date.now(), ...(opts?.play ? { play: true } : {}) } : null);
  }, []);
  const openSearch = useCallback(() => setView({ kind: 'search', focus: Date.now() }), []);
  useFindShortcut(openSearch);
  const showSource = useCallback(() => setView({ kind: 'source' }), []);
  const openQuotes = useCallback(() => setView({ kind: 'quotes', tab: 'quotes' }), []);
  const actions = useMemo(() => importer.actions, [importer.actions]);

  const toast = useToast();
  const [picker, setPicker] = useState<ApplyMode | null>(null);
  const [memo, setMemo] = useState<MemoRequest | null>(null);
  const [autoCode, setAutoCode] = useState(false);
  const coding = useCodingSession({ projectPath: project.path, openSource, openMemo: setMemo, openPicker: setPicker, notify: toast.notify });
  const undo = useUndo(toast.notify);
  useCodingShortcuts(coding, undo);
  const openParticipant = useCallback((id: number) => setView({ kind: 'participant', id }), []);
  const [teamDialog, setTeamDialog] = useState<'copy' | 'merge' | null>(null);
  const openTeam = useCallback(() => setView({ kind: 'team' }), []);
  useTeamMenu({ copy: () => setTeamDialog('copy'), merge: () => setTeamDialog('merge'), agreement: openTeam });
  // At 720 px (or 200% zoom) the three panes become tabs; opening anything shows the main pane.
  const narrow = useNarrow();
  const [paneTab, setPaneTab] = useState<PaneTab>('main');
  useEffect(() => setPaneTab('main'), [view, selectedSource]);

  return (
    <CodingContext.Provider value={coding}>
    <ImportContext.Provider value={actions}>
      <DropZoneContext.Provider value={drop.zone}>
        <div className="workspace" {...drop.handlers}>
          <TopBar project={project}>
            <button type="button" className="button button-small" onClick={() => setAutoCode(true)} disabled={!coding.codes?.length} title="Code every turn of a speaker, or every match of a search">
              Auto-code…
            </button>
            <button type="button" className="button button-small" aria-pressed={view.kind === 'memos'} onClick={() => setView(view.kind === 'memos' ? { kind: 'source' } : { kind: 'memos' })}>
              Memos
            </button>
            <AnalysisButtons current={view.kind} onSearch={openSearch} onAnalyse={() => setView({ kind: 'analysis' })} />
            <button type="button" className="button button-small" onClick={() => requestRefi(EXPORT_REFI)} title="The whole project as a .qdpx for NVivo, ATLAS.ti, MAXQDA or QualCoder, or a de-identified deposit">
              Export project…
            </button>
            <button type="button" className="button button-small" aria-pressed={view.kind === 'team'} onClick={() => setView(view.kind === 'team' ? { kind: 'source' } : { kind: 'team' })} title="Coder copies, merging them back, and inter-coder agreement">
              Team
            </button>
            <SaveCopyButton notify={toast.notify} />
          </TopBar>
          {(error || importer.error) && (
            <div className="workspace-error">
              <ErrorMessage message={error ?? importer.error} onDismiss={error ? onDismissError : importer.dismissError} />
            </div>
          )}
          {narrow && <PaneTabs current={paneTab} onChange={setPaneTab} />}
          <main
            className={narrow ? 'panes is-narrow' : 'panes'}
            data-tab={narrow ? paneTab : undefined}
            style={{ gridTemplateColumns: narrow ? 'minmax(0, 1fr)' : `${widths.left}px auto minmax(320px, 1fr) auto ${widths.right}px` }}
          >
            <nav id="pane-project" className="pane pane-side" aria-label="Sources and participants">
              <SourcesList selectedId={view.kind === 'source' ? selectedSource : null} onSelect={(id) => openSource(id)} />
              <ParticipantsPanel selectedId={view.kind === 'participant' ? view.id : null} onSelect={(id) => setView({ kind: 'participant', id })} />
              <QuoteNav current={view.kind === 'quotes' ? view.tab : null} onOpen={(tab) => setView({ kind: 'quotes', tab })} />
              <PseudonymsNav current={view.kind === 'pseudonyms'} onOpen={() => setView({ kind: 'pseudonyms' })} />
            </nav>
            <Splitter side="left" width={widths.left} label="Resize sources pane" controls="pane-project" onResize={(w) => setWidth('left', w)} />
            <PaneBoundary label="This view" id="pane-main" className="pane pane-main" resetKey={`${view.kind}:${selectedSource ?? ''}:${'id' in view ? view.id : ''}`}>
              {view.kind === 'source' && <TranscriptPane id="pane-main" sourceId={selectedSource} jump={jump} onRemoved={() => setSelectedSource(null)} />}
              {view.kind === 'memos' && <MemosView id="pane-main" onClose={showSource} onOpenParticipant={openParticipant} />}
              {view.kind === 'search' && <SearchView id="pane-main" focusToken={view.focus} onOpen={openSource} onClose={showSource} onOpenQuotes={openQuotes} />}
              {view.kind === 'analysis' && <AnalysisView id="pane-main" onOpen={openSource} onClose={showSource} onOpenQuotes={openQuotes} />}
              {view.kind === 'participant' && (
                <ParticipantDetail
                  id="pane-main"
                  participantId={view.id}
                  onClose={showSource}
                  onOpenSource={(id) => openSource(id)}
                  onOpenParticipant={(id) => setView({ kind: 'participant', id })}
                  onMemo={() => setMemo({ kind: 'participant', id: view.id, label: 'Participant' })}
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
              {view.kind === 'team' && <TeamView id="pane-main" onClose={showSource} onSaveCopy={() => setTeamDialog('copy')} onMerge={() => setTeamDialog('merge')} notify={toast.notify} />}
              {view.kind === 'review' && <SpeakerReview key={view.key} id="pane-main" sourceIds={view.sourceIds} onClose={showSource} />}
            </PaneBoundary>
            <Splitter side="right" width={widths.right} label="Resize codes pane" controls="pane-codes" onResize={(w) => setWidth('right', w)} />
            <PaneBoundary label="The code tree" id="pane-codes" className="pane pane-side" as="div">
              <CodeTreePane id="pane-codes" error={coding.error} />
            </PaneBoundary>
          </main>
          <StatusBar project={project}>
            <UndoStatus undo={undo} />
          </StatusBar>
          <Toast message={toast.message} />
          {picker && <QuickPicker mode={picker} onClose={() => setPicker(null)} />}
          {memo && <MemoDialog target={memo} label={memo.label} onClose={() => setMemo(null)} />}
          {autoCode && <AutoCodeDialog onClose={() => setAutoCode(false)} />}
          {teamDialog === 'copy' && <CoderCopyDialog onClose={() => setTeamDialog(null)} notify={toast.notify} />}
          {teamDialog === 'merge' && <MergeDialog onClose={() => setTeamDialog(null)} notify={toast.notify} />}
          <DropOverlay visible={drop.zone === 'transcripts'} />
          {importer.ui}
        </div>
      </DropZoneContext.Provider>
    </ImportContext.Provider>
    </CodingContext.Provider>
  );
}
