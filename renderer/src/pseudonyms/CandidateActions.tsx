/**
 * The actions on one detected identifier: Accept the suggestion, Edit it, Add as rule (with
 * variants), Not identifying. Keys when the row has focus: A accept, E edit, R rule, N not identifying.
 */
import { useState, type KeyboardEvent } from 'react';
import { RuleEditor } from './RuleEditor';
import { draftFor, type Detected, type PseudoActions } from './usePseudoActions';

export type ActionMode = 'idle' | 'edit' | 'rule';

interface CandidateActionsProps {
  candidate: Detected;
  actions: PseudoActions;
  mode: ActionMode;
  onMode: (mode: ActionMode) => void;
  onDone?: () => void;
}

/** A candidate whose words the core withheld (inside a restricted passage this viewer may not read). */
export function isHiddenCandidate(c: { text: string }): boolean {
  return c.text.length > 0 && /^•+$/.test(c.text);
}

export function CandidateActions({ candidate, actions, mode, onMode: setMode, onDone }: CandidateActionsProps) {
  const [replacement, setReplacement] = useState(candidate.suggestion);
  const after = (ok: boolean) => {
    if (ok) {
      setMode('idle');
      onDone?.();
    }
  };
  // An identifier inside a restricted (tapu) passage reaches this view as •••• with no words to act
  // on (the core refuses any rule or decision about it, and its note says who can review it): no actions.
  if (isHiddenCandidate(candidate)) return null;
  if (mode === 'rule') {
    return <RuleEditor draft={draftFor(candidate)} busy={actions.busy} onSave={(d) => void actions.saveRule(d).then(after)} onCancel={() => setMode('idle')} />;
  }
  if (mode === 'edit') {
    return (
      <form
        className="candidate-edit"
        onSubmit={(e) => {
          e.preventDefault();
          void actions.accept(candidate, replacement.trim()).then(after);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            setMode('idle');
          }
        }}
      >
        <label className="visually-hidden" htmlFor="candidate-replacement">
          Replacement for {candidate.text}
        </label>
        <input id="candidate-replacement" className="input" value={replacement} onChange={(e) => setReplacement(e.target.value)} autoFocus />
        <button type="submit" className="button button-primary button-small" disabled={actions.busy || !replacement.trim()}>
          Replace
        </button>
        <button type="button" className="button button-small" onClick={() => setMode('idle')}>
          Cancel
        </button>
      </form>
    );
  }
  return (
    <div className="candidate-actions" role="group" aria-label={`Actions for ${candidate.text}`}>
      <button type="button" className="button button-small" disabled={actions.busy} onClick={() => void actions.accept(candidate).then(after)} title="Accept the suggested replacement (A)">
        Accept <span className="candidate-suggestion">→ {candidate.suggestion}</span>
      </button>
      <button type="button" className="button button-small" onClick={() => setMode('edit')} title="Replace with something else (E)">
        Edit…
      </button>
      <button type="button" className="button button-small" onClick={() => setMode('rule')} title="Add as a rule with variants and a category (R)">
        Add as rule…
      </button>
      <button
        type="button"
        className="button-ghost button-small"
        disabled={actions.busy}
        onClick={() => void actions.notIdentifying(candidate.text).then(after)}
        title="Not identifying: leave it as written everywhere (N)"
      >
        Not identifying
      </button>
    </div>
  );
}

export const KEY_HINT = 'Keys on a focused item: A accept · E edit · R add as rule · N not identifying · ↑↓ move';

/** Keyboard shortcuts on a focused candidate row (↑↓ move between rows); returns true when it handled the key. */
export function candidateKeys(e: KeyboardEvent, candidate: Detected, actions: PseudoActions, open: (mode: ActionMode) => void): boolean {
  if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return false;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const li = e.currentTarget as HTMLElement;
    const next = (e.key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling) as HTMLElement | null;
    if (next) next.focus();
    e.preventDefault();
    return true;
  }
  const k = e.key.toLowerCase();
  if (isHiddenCandidate(candidate)) return false;
  if (k === 'a') void actions.accept(candidate);
  else if (k === 'n') void actions.notIdentifying(candidate.text);
  else if (k === 'e') open('edit');
  else if (k === 'r') open('rule');
  else return false;
  e.preventDefault();
  return true;
}
