/** What the window shows while transcripts are dragged over it. Never takes the pointer itself. */
import { TRANSCRIPT_ACCEPT } from './files';

export function DropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null;
  return (
    <div className="drop-overlay" aria-hidden="true" data-testid="drop-overlay">
      <div className="drop-card">
        <span className="drop-title">Drop transcripts to import</span>
        <span className="drop-help">{TRANSCRIPT_ACCEPT.split(',').join(' ')}</span>
        <span className="drop-help">A participant register (.csv) goes on Participants, on the left.</span>
      </div>
    </div>
  );
}
