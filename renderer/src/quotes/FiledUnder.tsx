/**
 * Which heading a quote goes under in a Word or Markdown bank: a small picker on the quote card
 * listing the codes whose codings cover it, plus Uncoded; and, when a new quote from a selection
 * is covered by several codes, the choice of which to file it under.
 */
import type { CheckedQuote, FilingCandidate } from '../../../shared/domain/quotes';

const UNCODED = '';

export function FiledUnder({ quote, onChange }: { quote: CheckedQuote; onChange: (codeId: number | null) => void }) {
  const options = [...quote.coveringCodes];
  // A quote filed under a code that no longer covers it (trimmed, recoded) keeps it on offer.
  if (quote.codeId !== null && !options.some((o) => o.codeId === quote.codeId)) options.unshift({ codeId: quote.codeId, codePath: quote.codePath ?? `Code ${quote.codeId}` });
  return (
    <label className="quote-filed" title="The heading this quote goes under in a Word or Markdown quote bank">
      <span className="quote-filed-label">Filed under</span>
      <select
        className="input input-compact select quote-code"
        aria-label="Filed under"
        value={quote.codeId === null ? UNCODED : String(quote.codeId)}
        onChange={(e) => onChange(e.target.value === UNCODED ? null : Number(e.target.value))}
      >
        {options.map((o) => (
          <option key={o.codeId} value={String(o.codeId)}>
            {o.codePath.split('/').join(' › ')}
          </option>
        ))}
        <option value={UNCODED}>Uncoded</option>
      </select>
    </label>
  );
}

/** Several codes cover the selection: the person picks the heading (or Uncoded). */
export function FilingChoice({ candidates, onChoose, onCancel }: { candidates: FilingCandidate[]; onChoose: (codeId: number | null) => void; onCancel: () => void }) {
  const frames = new Set(candidates.map((c) => c.frameId)).size;
  return (
    <div className="filing-choice" role="group" aria-label="File the quote under">
      <span className="passage-hint">Several codes cover this passage. File the quote under:</span>
      {candidates.map((c) => (
        <button key={c.codeId} type="button" className="button button-small" onClick={() => onChoose(c.codeId)}>
          {c.codePath.split('/').join(' › ')}
          {frames > 1 && <span className="field-help"> ({c.frameName})</span>}
        </button>
      ))}
      <button type="button" className="button button-small button-ghost" onClick={() => onChoose(null)}>
        Uncoded
      </button>
      <button type="button" className="button button-small button-ghost" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
