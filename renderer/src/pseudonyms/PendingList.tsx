/**
 * Detected identifiers grouped by text: what each is, how often, the transcripts it occurs in, its
 * first place (with a way to open the transcript there), example contexts and, while pending, the
 * four actions. Covered ones show their replacement; ones marked not identifying can be undone.
 */
import { useState } from 'react';
import type { ScanGroup } from '../../../shared/domain/pseudonyms';
import { formatTimestamp } from '../transcript/labels';
import { CandidateActions, candidateKeys, type ActionMode } from './CandidateActions';
import { KIND_LABEL, STATUS_LABEL } from './labels';
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

interface Props {
  groups: ScanGroup[];
  /** The list's accessible name ("Identifiers to review", …). */
  label: string;
  /** The one transcript the list is filtered to, if any: rows then say where in it they first occur. */
  sourceId: number | null;
  actions: PseudoActions;
  onReview: (p: PassageRef) => void;
  /** Opens the transcript at a range (the first occurrence). */
  onOpen: (sourceId: number, range: { start: number; end: number }) => void;
}

/** "First in turn 4 of 31, at 12:05" */
function firstPlace(g: ScanGroup): string {
  const f = g.first;
  if (!f.turn) return 'First place';
  return `First in turn ${f.turn} of ${f.turns}${f.startMs !== null ? `, at ${formatTimestamp(f.startMs)}` : ''}`;
}

export function PendingList({ groups, label, sourceId, actions, onReview, onOpen }: Props) {
  const [modes, setModes] = useState<Record<string, ActionMode>>({});
  return (
    <ul className="candidate-list" aria-label={label}>
      {groups.map((g) => {
        const c = detected(g);
        const mode = modes[g.folded] ?? 'idle';
        const setMode = (m: ActionMode) => setModes((x) => ({ ...x, [g.folded]: m }));
        const firstTitle = g.occursIn.find((s) => s.sourceId === g.first.sourceId)?.sourceTitle ?? '';
        return (
          <li
            key={g.folded}
            className={`candidate candidate-${g.status}`}
            tabIndex={0}
            onKeyDown={(e) => {
              if (g.status === 'pending' || e.key === 'ArrowDown' || e.key === 'ArrowUp') candidateKeys(e, c, actions, setMode);
            }}
            aria-label={`${g.text}, ${KIND_LABEL[g.kind]}, ${g.count} times${g.status === 'pending' ? '' : `, ${STATUS_LABEL[g.status]}`}`}
          >
            <div className="candidate-line">
              <span className="candidate-text">{g.text}</span>
              <span className="candidate-kind">{KIND_LABEL[g.kind]}</span>
              <span className="candidate-count">{g.count}×</span>
              {g.status !== 'pending' && (
                <span className={`candidate-status status-${g.status}`}>
                  {STATUS_LABEL[g.status]}
                  {g.status === 'rule' ? ` → ${g.suggestion}` : ''}
                </span>
              )}
              {g.spellings.length > 1 && <span className="candidate-spellings">also {g.spellings.filter((s) => s !== g.text).join(', ')}</span>}
              {g.status === 'not-identifying' && (
                <button type="button" className="button-ghost button-small" disabled={actions.busy} onClick={() => void actions.clearDecision(g.text)} aria-label={`Review ${g.text} again`}>
                  Undo
                </button>
              )}
            </div>
            {g.note && <p className="candidate-note">{g.note}</p>}
            <p className="candidate-where">
              {sourceId === null ? (
                <span>
                  In{' '}
                  {g.occursIn.map((s, i) => (
                    <span key={s.sourceId} className="where-source">
                      {i > 0 && ', '}
                      {s.sourceTitle}
                      {g.occursIn.length > 1 && <span className="muted"> ({s.count})</span>}
                    </span>
                  ))}
                </span>
              ) : (
                <span>{firstPlace(g)}</span>
              )}
              <button
                type="button"
                className="button-ghost button-small"
                aria-label={`Open ${firstTitle} at the first ${g.text}`}
                title="Open the transcript at its first place"
                onClick={() => onOpen(g.first.sourceId, { start: g.first.start, end: g.first.end })}
              >
                Open in transcript
              </button>
            </p>
            <ul className="candidate-examples">
              {g.examples.map((ex) => (
                <li key={`${ex.sourceId}-${ex.start}`}>
                  {/* The transcript is named above when it is the only one; "…" comes from the core, only where the turn goes on. */}
                  {sourceId === null && g.occursIn.length > 1 && <span className="example-source">{ex.sourceTitle}</span>}
                  {ex.before}
                  <mark className={`detected detected-${g.status}`}>{ex.match}</mark>
                  {ex.after}{' '}
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
            {g.status === 'pending' && <CandidateActions candidate={c} actions={actions} mode={mode} onMode={setMode} />}
          </li>
        );
      })}
    </ul>
  );
}
