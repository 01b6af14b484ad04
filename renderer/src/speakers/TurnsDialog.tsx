/**
 * A label's turns, to give some of them to someone else: another label of the same transcript
 * (the transcriber put the wrong name on a turn) or a new label (one label is really two people:
 * splitting it). One undoable step; the text and its codings stay exactly where they are.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { SourceDetail, SpeakerReviewRow } from '../../../shared/domain/project';
import { formatTimestamp } from '../../../shared/format/timestamps';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';

export type TurnsTarget = { speakerId: number } | { newLabel: string };

interface TurnsDialogProps {
  row: SpeakerReviewRow;
  onClose: () => void;
  /** Resolves to an error message, or null when done. */
  onMove: (blockIds: number[], target: TurnsTarget) => Promise<string | null>;
}

const NEW = 'new';
const preview = (text: string) => (text.length > 140 ? `${text.slice(0, 140).trimEnd()}…` : text);

export function TurnsDialog({ row, onClose, onMove }: TurnsDialogProps) {
  const api = useApi();
  const targetId = useId();
  const newId = useId();
  const [source, setSource] = useState<SourceDetail | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [target, setTarget] = useState<string>(NEW);
  const [newLabel, setNewLabel] = useState(`${row.label} (2)`);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setSource(await api['source-get']({ sourceId: row.sourceId }));
    } catch (e) {
      setError(describeError(e));
    }
  }, [api, row.sourceId]);
  useEffect(() => void load(), [load]);

  const turns = source?.blocks.filter((b) => b.speakerId === row.speakerId) ?? [];
  const others = source?.speakers.filter((s) => s.id !== row.speakerId && !s.notSpeaker) ?? [];
  const toggle = (id: number, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = async () => {
    if (busy || chosen.size === 0) return;
    if (target === NEW && !newLabel.trim()) return setError('Type the new label, e.g. the second speaker’s name.');
    setBusy(true);
    const problem = await onMove([...chosen], target === NEW ? { newLabel: newLabel.trim() } : { speakerId: Number(target) });
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  const destination = target === NEW ? `“${newLabel.trim() || 'a new label'}”` : `“${others.find((s) => String(s.id) === target)?.label ?? ''}”`;
  return (
    <Dialog
      title={`Turns of “${row.label}”`}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || chosen.size === 0}>
            {chosen.size ? `Give ${chosen.size === 1 ? '1 turn' : `${chosen.size} turns`} to ${destination}` : 'Choose turns to move'}
          </button>
        </>
      }
    >
      <p className="dialog-lead">
        Tick the turns someone else said. They move to another label of “{row.sourceTitle}”, or to a new one (splitting this label). The words and their codings stay as they are; Undo (Ctrl+Z) puts them back.
      </p>
      {source === null && !error && <p>Loading the turns…</p>}
      {source && turns.length === 0 && <p>This label has no turns left.</p>}
      {turns.length > 0 && (
        <ul className="turns-list" aria-label={`Turns of ${row.label}`}>
          {turns.map((b) => (
            <li key={b.id}>
              <label>
                <input type="checkbox" checked={chosen.has(b.id)} onChange={(e) => toggle(b.id, e.target.checked)} />
                {b.startMs != null && <span className="turn-time">{formatTimestamp(b.startMs)}</span>}
                <span className="turn-preview">{preview(source!.text.slice(b.start, b.end))}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <div className="form-field">
        <label className="form-label" htmlFor={targetId}>
          Give them to
        </label>
        <select id={targetId} className="input select input-wide" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value={NEW}>A new label (split “{row.label}”)</option>
          {others.map((s) => (
            <option key={s.id} value={String(s.id)}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {target === NEW && (
        <div className="form-field">
          <label className="form-label" htmlFor={newId}>
            New label
          </label>
          <input id={newId} className="input input-wide" value={newLabel} onChange={(e) => setNewLabel(e.target.value)} />
        </div>
      )}
      <ErrorMessage message={error} />
    </Dialog>
  );
}
