/**
 * The detections in one range of a source (a quote): the text with each detected identifier
 * highlighted by status, and the list of candidates with the four actions. Text is rendered as text
 * nodes, never HTML. Reused by the quote bank's review (give it the quote's source and range).
 * A preview of the pseudonymised text (display only, not an export) can be shown under it.
 */
import { useCallback, useState } from 'react';
import type { Candidate } from '../../../shared/domain/pseudonyms';
import { useApi } from '../api/ApiProvider';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { useProjectData } from '../workspace/useProjectData';
import { CandidateActions, candidateKeys, KEY_HINT, type ActionMode } from './CandidateActions';
import { KIND_LABEL, STATUS_LABEL } from './labels';
import { usePseudoActions } from './usePseudoActions';
import './pseudonyms.css';

export interface DetectionReviewProps {
  sourceId: number;
  start: number;
  end: number;
  /** Shown as the title, e.g. the quote's code or source. */
  title?: string;
  onClose?: () => void;
}

function segments(text: string, candidates: Candidate[]): { text: string; candidate: Candidate | null; index: number }[] {
  const out: { text: string; candidate: Candidate | null; index: number }[] = [];
  let at = 0;
  candidates.forEach((c, index) => {
    if (c.start > at) out.push({ text: text.slice(at, c.start), candidate: null, index: -1 });
    out.push({ text: text.slice(c.start, c.end), candidate: c, index });
    at = c.end;
  });
  if (at < text.length) out.push({ text: text.slice(at), candidate: null, index: -1 });
  return out;
}

export function DetectionReview({ sourceId, start, end, title, onClose }: DetectionReviewProps) {
  const api = useApi();
  const load = useCallback(() => api['pseudo-detect']({ sourceId, start, end }), [api, sourceId, start, end]);
  const detected = useProjectData(load, ['pseudonyms', 'participants', 'sources']);
  const loadPreview = useCallback(() => api['pseudo-preview']({ sourceId, start, end }), [api, sourceId, start, end]);
  const [showPreview, setShowPreview] = useState(false);
  const actions = usePseudoActions();
  const [active, setActive] = useState<number | null>(null);
  const [modes, setModes] = useState<Record<number, ActionMode>>({});

  const candidates = detected.data?.candidates ?? [];
  const pending = candidates.filter((c) => c.status === 'pending').length;
  const modeOf = (i: number) => modes[i] ?? 'idle';
  const setMode = (i: number, m: ActionMode) => setModes((x) => ({ ...x, [i]: m }));

  return (
    <section className="detection-review" aria-label={title ? `Identifiers in ${title}` : 'Identifiers in this passage'}>
      <div className="detection-head">
        <h3 className="detection-title">{title ?? 'Identifiers in this passage'}</h3>
        {/* Kept together: in a narrow pane they drop under a long title as one row, not one by one. */}
        <div className="detection-head-actions">
          <span className={`pane-count ${pending ? 'count-warn' : ''}`}>{pending ? `${pending} to review` : 'all resolved'}</span>
          <button type="button" className="button-ghost button-small" aria-expanded={showPreview} onClick={() => setShowPreview((v) => !v)}>
            {showPreview ? 'Hide preview' : 'Preview replaced text'}
          </button>
          {onClose && (
            <button type="button" className="button button-small" onClick={onClose}>
              Done
            </button>
          )}
        </div>
      </div>
      <ErrorMessage message={detected.error ?? actions.error} onDismiss={actions.error ? () => actions.setError(null) : undefined} />
      {detected.data && (
        <p className="detection-text" data-testid="detection-text">
          {segments(detected.data.text, candidates).map((s, i) =>
            s.candidate ? (
              <mark
                key={i}
                className={`detected detected-${s.candidate.status} ${active === s.index ? 'detected-active' : ''}`}
                title={`${KIND_LABEL[s.candidate.kind]}: ${STATUS_LABEL[s.candidate.status]}${s.candidate.status === 'rule' ? ` → ${s.candidate.suggestion}` : ''}`}
                onClick={() => setActive(s.index)}
              >
                {s.text}
              </mark>
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
        </p>
      )}
      {showPreview && <PreviewText load={loadPreview} />}
      {detected.data && candidates.length === 0 && <EmptyState>Nothing identifying detected here. If a name or place was missed, add a rule for it in Pseudonyms.</EmptyState>}
      {candidates.length > 0 && (
        <ul className="candidate-list" aria-label="Detected identifiers">
          {candidates.map((c, i) => (
            <li
              key={`${c.start}-${c.text}`}
              className={`candidate candidate-${c.status} ${active === i ? 'candidate-active' : ''}`}
              tabIndex={0}
              onFocus={() => setActive(i)}
              onKeyDown={(e) => {
                if (c.status === 'pending' || e.key === 'ArrowDown' || e.key === 'ArrowUp') candidateKeys(e, c, actions, (m) => setMode(i, m));
              }}
              aria-label={`${c.text}, ${KIND_LABEL[c.kind]}, ${STATUS_LABEL[c.status]}`}
            >
              <div className="candidate-line">
                <span className="candidate-text">{c.text}</span>
                <span className="candidate-kind">{KIND_LABEL[c.kind]}</span>
                <span className={`candidate-status status-${c.status}`}>
                  {STATUS_LABEL[c.status]}
                  {c.status === 'rule' ? ` → ${c.suggestion}` : ''}
                </span>
                {c.status === 'not-identifying' && (
                  <button type="button" className="button-ghost button-small" disabled={actions.busy} onClick={() => void actions.clearDecision(c.text)}>
                    Undo
                  </button>
                )}
              </div>
              {c.note && <p className="candidate-note">{c.note}</p>}
              {c.status === 'pending' && <CandidateActions candidate={c} actions={actions} mode={modeOf(i)} onMode={(m) => setMode(i, m)} />}
            </li>
          ))}
        </ul>
      )}
      {pending > 0 && <p className="key-hint">{KEY_HINT}</p>}
      {actions.note && !actions.error && (
        <p className="detection-note" role="status">
          {actions.note}
        </p>
      )}
    </section>
  );
}

function PreviewText({ load }: { load: () => Promise<{ text: string; unresolved: Candidate[] }> }) {
  const preview = useProjectData(load, ['pseudonyms', 'participants']);
  if (!preview.data) return null;
  return (
    <div className="detection-preview" aria-label="Preview with replacements (in the app only)">
      <p className="detection-preview-label">
        Preview, with rules applied{preview.data.unresolved.length ? ` (${preview.data.unresolved.length} still to review, shown as written)` : ''}:
      </p>
      <p className="detection-preview-text">{preview.data.text}</p>
    </div>
  );
}
