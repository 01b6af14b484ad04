/**
 * Actions on a transcript selection that concern consent and the quote bank: add it as a quote,
 * mark it withdrawn ("not for the report") or restricted with a reason; and the list of this
 * transcript's marked passages, each removable.
 */
import { useCallback, useContext, useState } from 'react';
import type { FilingCandidate } from '../../../shared/domain/quotes';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { CodingContext } from '../codes/CodingContext';
import { FilingChoice } from '../quotes/FiledUnder';
import { useProjectData } from '../workspace/useProjectData';
import '../quotes/quotes.css';

interface PassageActionsProps {
  sourceId: number;
  selection: { start: number; end: number } | null;
}

export function PassageActions({ sourceId, selection }: PassageActionsProps) {
  const api = useApi();
  const load = useCallback(() => api['passage-marks-list']({ sourceId }), [api, sourceId]);
  const marks = useProjectData(load, ['consent']);
  // The range is kept when the form opens: typing a reason moves focus and the selection goes.
  const [marking, setMarking] = useState<{ kind: 'withdrawn' | 'restricted'; range: { start: number; end: number } } | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [listOpen, setListOpen] = useState(false);

  const run = async (p: Promise<unknown>, done: string) => {
    try {
      await p;
      setNote(done);
    } catch (e) {
      setNote(describeError(e));
    }
  };
  // Filed under the code covering the selection (the active frame's first); several: the person picks.
  const frameId = useContext(CodingContext)?.frameId ?? undefined;
  const [filing, setFiling] = useState<{ range: { start: number; end: number }; candidates: FilingCandidate[] } | null>(null);
  const addQuote = async (range: { start: number; end: number }, codeId?: number | null) => {
    try {
      const r = await api['quote-from-selection']({ sourceId, ...range, ...(codeId !== undefined ? { codeId } : {}), ...(frameId !== undefined ? { frameId } : {}) });
      setFiling(r.quoteId === null ? { range, candidates: r.candidates } : null);
      setNote(r.quoteId === null ? null : `Added to the quote bank, under ${r.codePath ? r.codePath.split('/').join(' › ') : 'Uncoded'}.`);
    } catch (e) {
      setNote(describeError(e));
    }
  };
  const mark = async () => {
    if (!marking) return;
    await run(api['passage-mark-add']({ sourceId, ...marking.range, kind: marking.kind, reason }), `Passage marked ${marking.kind}: it will never be exported.`);
    setMarking(null);
    setReason('');
  };

  const count = marks.data?.length ?? 0;
  return (
    <div className="passage-actions" role="toolbar" aria-label="Selection actions">
      <span className="passage-hint">{marking ? `${marking.range.end - marking.range.start} characters to mark` : selection ? `${selection.end - selection.start} characters selected` : 'Select words to quote or mark them'}</span>
      <span className="passage-buttons">
        <button type="button" className="button button-small" disabled={!selection} onClick={() => selection && void addQuote(selection)}>
          Add quote
        </button>
        <button type="button" className="button button-small button-ghost" disabled={!selection} onClick={() => selection && setMarking({ kind: 'withdrawn', range: selection })}>
          Mark withdrawn…
        </button>
        <button type="button" className="button button-small button-ghost" disabled={!selection} onClick={() => selection && setMarking({ kind: 'restricted', range: selection })}>
          Mark restricted…
        </button>
        <button type="button" className="button button-small button-ghost" aria-expanded={listOpen} onClick={() => setListOpen((o) => !o)}>
          Marked passages ({count})
        </button>
      </span>
      {filing && <FilingChoice candidates={filing.candidates} onChoose={(codeId) => void addQuote(filing.range, codeId)} onCancel={() => setFiling(null)} />}
      {marking && (
        <form
          className="passage-form"
          onSubmit={(e) => {
            e.preventDefault();
            void mark();
          }}
        >
          <label>
            Reason for marking it {marking.kind}
            <input className="input input-compact" autoFocus value={reason} placeholder={marking.kind === 'withdrawn' ? 'e.g. said “not for the report”' : 'e.g. names a workplace'} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="button button-small button-primary">
            Mark {marking.kind}
          </button>
          <button type="button" className="button button-small" onClick={() => setMarking(null)}>
            Cancel
          </button>
        </form>
      )}
      {note && (
        <p className="save-note" role="status">
          {note}
        </p>
      )}
      {listOpen && (
        <ul className="passage-marks" aria-label="Marked passages">
          {count === 0 && <li className="field-help">No passages marked in this transcript.</li>}
          {marks.data?.map((m) => (
            <li key={m.id} className={`passage-mark passage-${m.kind}`}>
              <span className="badge">{m.kind}</span> <q>{m.text.length > 120 ? `${m.text.slice(0, 120)}…` : m.text}</q>
              {m.reason && <span className="field-help"> {m.reason}</span>}
              <button type="button" className="button button-small button-ghost" onClick={() => void run(api['passage-mark-remove']({ id: m.id }), 'Mark removed.')}>
                Remove mark
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
