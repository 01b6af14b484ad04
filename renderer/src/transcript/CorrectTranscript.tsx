/**
 * "Correct transcript" mode: the transcript as a list of turns, each corrected on its own in a
 * plain text field (a typo, a mis-heard word). Saving diffs the turn word by word
 * (shared/text/offset-map.ts) and sends the edits to `source-correct`, which carries codings,
 * quotes, marks and labels onto the corrected words in one undo step (Ctrl+Z). A correction that
 * would remove a coded or quoted range entirely is listed first and saved only when confirmed.
 * Speakers are not text: who said what is changed in the speaker review, not here. Turns holding
 * a restricted passage this person may not read are shown masked and cannot be edited.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CorrectionResult } from '../../../shared/domain/corrections';
import type { Block, SourceDetail } from '../../../shared/domain/project';
import { diffTexts } from '../../../shared/text/offset-map';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { ErrorMessage } from '../components/ErrorMessage';
import { speakerInfo, type ParticipantNames } from './labels';

interface Props {
  source: SourceDetail;
  participantsById: ParticipantNames;
  frameId: number | null;
  onClose: () => void;
}

type Pending = { blockId: number; edits: Array<{ start: number; end: number; text: string }>; preview: CorrectionResult };

const KIND_WORD: Record<string, string> = { coding: 'Coding', quote: 'Quote', annotation: 'Annotation', 'passage-mark': 'Passage mark', label: 'Sensitivity label', part: 'Session part' };

export function CorrectTranscript({ source, participantsById, frameId, onClose }: Props) {
  const api = useApi();
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const returnTo = useRef<number | null>(null);
  const speakers = new Map(source.speakers.map((s) => [s.id, s]));
  const masked = source.masked ?? [];
  const blocks = source.blocks.filter((b) => b.end >= b.start);

  useEffect(() => {
    if (editing !== null) fieldRef.current?.focus();
    else if (returnTo.current !== null) document.querySelector<HTMLButtonElement>(`[data-correct-block="${returnTo.current}"]`)?.focus();
  }, [editing]);

  const who = (b: Block) => (b.kind === 'turn' ? (speakerInfo(b.speakerId === null ? undefined : speakers.get(b.speakerId), participantsById)?.name ?? 'Unnamed speaker') : b.kind === 'heading' ? 'Heading' : b.kind === 'note' ? 'Note' : 'Text');
  const isMasked = (b: Block) => masked.some((m) => m.start <= b.end && m.end >= b.start);

  const start = (b: Block) => {
    setEditing(b.id);
    setDraft(source.text.slice(b.start, b.end));
    setPending(null);
    setError(null);
    setStatus(null);
  };
  const cancel = () => {
    returnTo.current = editing;
    setEditing(null);
    setPending(null);
  };

  const save = async (b: Block, confirmed: Pending | null) => {
    const before = source.text.slice(b.start, b.end);
    const edits = confirmed?.edits ?? diffTexts(before, draft).map((e) => ({ start: e.start + b.start, end: e.end + b.start, text: e.text }));
    if (!edits.length) {
      cancel();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const input = { sourceId: source.id, edits, ...(frameId !== null ? { frameId } : {}) };
      if (!confirmed) {
        const preview = await api['source-correct']({ ...input, preview: true });
        if (preview.removed.length) {
          setPending({ blockId: b.id, edits, preview });
          return;
        }
      }
      const done = await api['source-correct'](input);
      returnTo.current = b.id;
      setEditing(null);
      setPending(null);
      setStatus(summary(done));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>, b: Block) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save(b, null);
    }
  };

  return (
    <div className="correct-transcript" data-testid="correct-transcript">
      <div className="correct-intro">
        <p>
          <strong>Correct transcript.</strong> Choose <em>Correct</em> on a turn, fix its words and save (Ctrl+Enter). Codings, quotes and marks stay on their words;
          Ctrl+Z undoes a saved correction. Who said what is changed in the speaker review, not here.
        </p>
        <button type="button" className="button button-small" onClick={onClose}>
          Done correcting
        </button>
      </div>
      <ErrorMessage message={error} onDismiss={() => setError(null)} />
      {status && (
        <p className="correct-status" role="status">
          {status}
        </p>
      )}
      {!blocks.length && <p className="empty-state">This transcript has no text to correct.</p>}
      <ol className="correct-list">
        {blocks.map((b) => {
          const name = who(b);
          const locked = isMasked(b);
          return (
            <li key={b.id} className={`correct-turn correct-${b.kind}`} data-block-id={b.id}>
              <div className="correct-who">{name}</div>
              {editing === b.id ? (
                <div className="correct-edit">
                  <textarea
                    ref={fieldRef}
                    className="correct-field"
                    aria-label={`Corrected words of ${name}'s ${b.kind === 'turn' ? 'turn' : 'block'}`}
                    value={draft}
                    rows={Math.min(14, Math.max(3, Math.ceil(draft.length / 80) + 1))}
                    onChange={(e) => setDraft(e.target.value)}
                    onKeyDown={(e) => onKey(e, b)}
                    disabled={busy}
                    spellCheck
                  />
                  {pending?.blockId === b.id && (
                    <div className="correct-confirm" role="alert">
                      <p>This correction replaces every word of {pending.preview.removed.length === 1 ? 'one range' : `${pending.preview.removed.length} ranges`}, so {pending.preview.removed.length === 1 ? 'it is' : 'they are'} removed with it:</p>
                      <ul>
                        {pending.preview.removed.map((r) => (
                          <li key={`${r.kind}-${r.id}`}>
                            {KIND_WORD[r.kind] ?? r.kind}
                            {r.code ? ` “${r.code}”` : ''} at {r.start}–{r.end}
                          </li>
                        ))}
                      </ul>
                      <button type="button" className="button button-small button-danger" onClick={() => void save(b, pending)} disabled={busy}>
                        Save and remove {pending.preview.removed.length === 1 ? 'it' : 'them'}
                      </button>
                      <button type="button" className="button button-small" onClick={() => setPending(null)} disabled={busy}>
                        Keep editing
                      </button>
                    </div>
                  )}
                  {pending?.blockId !== b.id && (
                    <div className="correct-actions">
                      <button type="button" className="button button-small button-primary" onClick={() => void save(b, null)} disabled={busy}>
                        Save correction
                      </button>
                      <button type="button" className="button button-small" onClick={cancel} disabled={busy}>
                        Cancel
                      </button>
                      <span className="correct-hint">Ctrl+Enter saves, Esc cancels</span>
                    </div>
                  )}
                </div>
              ) : (
                <div className="correct-view">
                  <p className="correct-text">{source.text.slice(b.start, b.end) || <em>(empty)</em>}</p>
                  {locked ? (
                    <span className="correct-locked">Restricted passage: only its kaitiaki can correct it.</span>
                  ) : (
                    <button type="button" className="button button-small" data-correct-block={b.id} aria-label={`Correct ${name}'s ${b.kind === 'turn' ? 'turn' : 'block'}`} onClick={() => start(b)} disabled={editing !== null}>
                      Correct
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function summary(r: CorrectionResult): string {
  const parts = [`Corrected (${r.edits} ${r.edits === 1 ? 'change' : 'changes'}).`];
  const moved = r.codings.changed + r.codings.trimmed;
  if (r.codings.kept + moved) parts.push(`${r.codings.kept + moved} ${r.codings.kept + moved === 1 ? 'coding stays' : 'codings stay'} on ${r.codings.kept + moved === 1 ? 'its' : 'their'} words${r.codings.trimmed ? ` (${r.codings.trimmed} trimmed)` : ''}.`);
  if (r.removed.length) parts.push(`${r.removed.length} removed.`);
  if (r.quotesSentBack.length) parts.push(`${r.quotesSentBack.length === 1 ? 'A quote' : `${r.quotesSentBack.length} quotes`} changed and ${r.quotesSentBack.length === 1 ? 'goes' : 'go'} back to be checked.`);
  if (r.statementsLapsed) parts.push(`${r.statementsLapsed === 1 ? 'One signed kaitiaki decision was' : `${r.statementsLapsed} signed kaitiaki decisions were`} made over the text before and no longer ${r.statementsLapsed === 1 ? 'counts' : 'count'}: the kaitiaki decides again.`);
  parts.push('Ctrl+Z undoes it.');
  return parts.join(' ');
}
