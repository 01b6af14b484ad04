/**
 * The open project, NVivo-style: Sources and Participants on the left, the transcript in the
 * middle, the code tree on the right, with draggable splitters between them and a status bar.
 */
import { useState } from 'react';
import type { ProjectInfo } from '../../../shared/domain/project';
import { ErrorMessage } from '../components/ErrorMessage';
import { CodesPane } from './CodesPane';
import { ParticipantsList } from './ParticipantsList';
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

export function Workspace({ project, error, onDismissError }: WorkspaceProps) {
  const [widths, setWidth] = usePaneWidths();
  const [selectedSource, setSelectedSource] = useState<number | null>(null);

  return (
    <div className="workspace">
      <TopBar project={project} />
      {error && (
        <div className="workspace-error">
          <ErrorMessage message={error} onDismiss={onDismissError} />
        </div>
      )}
      <main className="panes" style={{ gridTemplateColumns: `${widths.left}px auto minmax(320px, 1fr) auto ${widths.right}px` }}>
        <nav id="pane-project" className="pane pane-side" aria-label="Sources and participants">
          <SourcesList selectedId={selectedSource} onSelect={setSelectedSource} />
          <ParticipantsList />
        </nav>
        <Splitter side="left" width={widths.left} label="Resize sources pane" controls="pane-project" onResize={(w) => setWidth('left', w)} />
        <TranscriptPane id="pane-transcript" sourceId={selectedSource} />
        <Splitter side="right" width={widths.right} label="Resize codes pane" controls="pane-codes" onResize={(w) => setWidth('right', w)} />
        <CodesPane id="pane-codes" />
      </main>
      <StatusBar project={project} />
    </div>
  );
}
