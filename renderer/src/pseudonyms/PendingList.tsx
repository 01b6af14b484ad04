/** Pending candidates across the project, grouped by text, with where they occur and the four actions. */
import { useState } from 'react';
import type { ScanGroup } from '../../../shared/domain/pseudonyms';
import { EmptyState } from '../components/EmptyState';
import { CandidateActions, candidateKeys, type ActionMode } from './CandidateActions';
import { KIND_LABEL } from './labels';
import type { Detected, PseudoActions } from './usePseudoActions';

const detected = (g: ScanGroup): Detected => ({
  text: g.text,
  kind: g.kind,
  suggestion: g.suggestion,
  spellings: g.spellings,
  ...(g.participantId ? { participantId: g.participantId } : {}),
});

export interface PassageRef {
  sourceId: number;
  sourceTitle: string;
  start: number;
  end: number;
}

export function PendingList({ groups, actions, onReview }: { groups: ScanGroup[]; actions: PseudoActions; onReview: (p: PassageRef) => void }) {
  const [modes, setModes] = useState<Record<string, ActionMode>>({});
  const pending = groups.filter((g) => g.status === 'pending');
  if (!pending.length) {
    return <EmptyState>Nothing to review: every detected name, place and number is covered by a rule or marked not identifying. New transcripts are scanned as they arrive.</EmptyState>;
  }
  return (
    <ul className="candidate-list" aria-label="Identifiers to review">
      {pending.map((g) => {
        const c = detected(g);
        const mode = modes[g.folded] ?? 'idle';
        const setMode = (m: ActionMode) => setModes((x) => ({ ...x, [g.folded]: m }));
        return (
          <li key={g.folded} className="candidate candidate-pending" tabIndex={0} onKeyDown={(e) => candidateKeys(e, c, actions, setMode)} aria-label={`${g.text}, ${KIND_LABEL[g.kind]}, ${g.count} times`}>
            <div className="candidate-line">
              <span className="candidate-text">{g.text}</span>
              <span className="candidate-kind">{KIND_LABEL[g.kind]}</span>
              <span className="candidate-count">{g.count}×</span>
              {g.spellings.length > 1 && <span className="candidate-spellings">also {g.spellings.filter((s) => s !== g.text).join(', ')}</span>}
            </div>
            {g.note && <p className="candidate-note">{g.note}</p>}
            <ul className="candidate-examples">
              {g.examples.map((ex) => (
                <li key={`${ex.sourceId}-${ex.start}`}>
                  <span className="example-source">{ex.sourceTitle}</span> …{ex.before}
                  <mark className="detected detected-pending">{ex.match}</mark>
                  {ex.after}…{' '}
                  <button
                    type="button"
                    className="button-ghost button-small"
                    // Many of these sit on the page: the name says which passage (it starts with the visible words).
                    aria-label={`Review the passage in ${ex.sourceTitle}`}
                    onClick={() => onReview({ sourceId: ex.sourceId, sourceTitle: ex.sourceTitle, start: ex.blockStart, end: ex.blockEnd })}
                  >
                    Review the passage
                  </button>
                </li>
              ))}
            </ul>
            <CandidateActions candidate={c} actions={actions} mode={mode} onMode={setMode} />
          </li>
        );
      })}
    </ul>
  );
}
