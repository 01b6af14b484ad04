/**
 * One quote in the bank: the stored words (in the app only), what would leave the app (text and
 * attribution, made by the core's gate) or why it cannot, and the actions: copy, drag out, trim,
 * cut, review identifiers, remove. The text copied or dragged is exactly what the core returned.
 */
import { useRef, useState, type ReactNode } from 'react';
import type { CheckedQuote, QuoteCut } from '../../../shared/domain/quotes';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { ModeBadge } from '../components/ModeBadge';
import { reasonLabel, reasonTitle } from '../export/reason-labels';
import { FiledUnder } from './FiledUnder';
import { KaitiakiDecision, type KaitiakiInfo } from './KaitiakiDecision';
import type { QuoteOptions } from './options';
import { selectionIn } from './raw-selection';

interface QuoteCardProps {
  quote: CheckedQuote;
  options: QuoteOptions;
  /** Rendered under the card when the user asks to review the quote's detected identifiers. */
  renderReview?: (quote: CheckedQuote, close: () => void) => ReactNode;
  onNote: (message: string) => void;
  /** For a tikanga-based quote: the kaitiaki's decisions and who the kaitiaki is. */
  kaitiaki?: KaitiakiInfo | undefined;
  /** The output a decision is for, unless the kaitiaki types another (the export's name, when given). */
  defaultOutput?: string;
}

function RawText({ quote }: { quote: CheckedQuote }) {
  // Cut parts are shown struck through; the element's text stays exactly quote.raw for offset mapping.
  const parts: Array<{ text: string; cut: boolean }> = [];
  let at = quote.start;
  for (const c of [...quote.cuts].sort((a, b) => a.start - b.start)) {
    if (c.start > at) parts.push({ text: quote.raw.slice(at - quote.start, c.start - quote.start), cut: false });
    parts.push({ text: quote.raw.slice(c.start - quote.start, c.end - quote.start), cut: true });
    at = c.end;
  }
  if (at < quote.end) parts.push({ text: quote.raw.slice(at - quote.start), cut: false });
  return (
    <>
      {parts.map((p, i) =>
        p.cut ? (
          <del key={i} className="quote-cut" title="Cut from the quote">
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

export function QuoteCard({ quote, options, renderReview, onNote, kaitiaki, defaultOutput = '' }: QuoteCardProps) {
  const api = useApi();
  const rawRef = useRef<HTMLParagraphElement>(null);
  const [reviewing, setReviewing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = (p: Promise<unknown>) => p.then(() => setError(null), (e: unknown) => setError(describeError(e)));

  const copy = async () => {
    try {
      const r = await api['quote-copy']({ quoteId: quote.id, via: 'clipboard', options });
      if (r.text === null) return onNote('Not copied: the export gate blocks this quote.');
      // The core has put it on the system clipboard (desktop); in a browser, pass on exactly what it returned.
      await navigator.clipboard?.writeText(r.text).catch(() => {});
      onNote('Copied, pseudonymised, with its attribution.');
    } catch (e) {
      setError(describeError(e));
    }
  };

  const cutSelection = (mark: QuoteCut['mark']) => {
    const r = selectionIn(rawRef.current, quote.start);
    if (!r) return onNote('Select words in the quote first, then cut them.');
    void act(api['quote-update']({ id: quote.id, cuts: [...quote.cuts, { ...r, mark }] }));
  };
  const trimToSelection = () => {
    const r = selectionIn(rawRef.current, quote.start);
    if (!r) return onNote('Select the words to keep, then trim.');
    void act(api['quote-update']({ id: quote.id, start: r.start, end: r.end }));
  };

  const passed = quote.gate.passed;
  const hasIdentifiers = quote.gate.reasons.some((r) => r.code === 'identifier-unresolved');
  return (
    <article
      className={`quote-card ${passed ? 'is-passed' : 'is-blocked'} quote-mode-${quote.mode}`}
      aria-label={`Quote ${quote.id}`}
      data-quote-id={quote.id}
      tabIndex={0}
      aria-keyshortcuts="C X T"
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget && !(e.target instanceof HTMLParagraphElement)) return;
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        const key = e.key.toLowerCase();
        if (key === 'c' && passed) void copy();
        else if (key === 'x') cutSelection('[…]');
        else if (key === 't') trimToSelection();
        else return;
        e.preventDefault();
      }}
    >
      {quote.mode === 'tikanga' && (
        <div className="quote-band">
          <strong>Tikanga-based kōrero</strong>
          {kaitiaki?.status?.groupName && <span>· {kaitiaki.status.groupName}</span>}
          {kaitiaki?.status?.kaitiaki && <span>· kaitiaki {kaitiaki.status.kaitiaki.name}</span>}
        </div>
      )}
      <header className="quote-head">
        <ModeBadge mode={quote.mode} />
        <FiledUnder quote={quote} onChange={(codeId) => void act(api['quote-update']({ id: quote.id, codeId }))} />
        <span className="quote-source">{quote.sourceTitle}</span>
        <span className="quote-speakers">{quote.speakers.map((s) => `${s.name ?? s.label}${s.pseudonym ? ` (${s.pseudonym})` : ''}`).join(', ') || 'No speaker'}</span>
      </header>
      <p ref={rawRef} className="quote-raw" aria-label="Transcript words (in the app only)">
        <RawText quote={quote} />
      </p>
      {passed && quote.outText ? (
        <div
          className="quote-out"
          draggable
          aria-label="Will export as"
          title="Drag into a report: the pseudonymised text goes, with its attribution"
          onDragStart={(e) => {
            e.dataTransfer.setData('text/plain', quote.outText!);
            e.dataTransfer.effectAllowed = 'copy';
            void api['quote-copy']({ quoteId: quote.id, via: 'drag', options }).catch(() => {});
          }}
        >
          <span className="quote-out-label">Will export as</span>
          <q className="quote-out-text">{quote.out!.text}</q> <span className="quote-attribution">{quote.out!.attribution}</span>
        </div>
      ) : (
        <div className="quote-blocked" aria-label="Blocked by the export gate">
          <span className="quote-out-label">Blocked</span>
          <ul className="quote-reasons">
            {quote.gate.reasons.map((r, i) => (
              <li key={i}>
                <span className="reason-label" title={reasonTitle(r.code, r.row)}>
                  {reasonLabel(r.code)}
                </span>{' '}
                {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {quote.mode === 'tikanga' && kaitiaki && <KaitiakiDecision quote={quote} info={kaitiaki} defaultOutput={defaultOutput} />}
      <footer className="quote-actions">
        <button type="button" className="button button-small" disabled={!passed} onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" className="button button-small button-ghost" onClick={() => cutSelection('[…]')} title="Leave out the selected words and show the gap as […], the editorial mark for words left out of a quote (key X)">
          Cut, mark […]
        </button>
        <button type="button" className="button button-small button-ghost" onClick={() => cutSelection('...')} title="Leave out the selected words and show the gap as a plain ellipsis (...), for styles that do not use square brackets">
          Cut, mark ...
        </button>
        <button type="button" className="button button-small button-ghost" onClick={trimToSelection}>
          Trim to selection
        </button>
        {quote.cuts.length > 0 && (
          <button type="button" className="button button-small button-ghost" onClick={() => void act(api['quote-update']({ id: quote.id, cuts: [] }))}>
            Undo cuts
          </button>
        )}
        {renderReview && (
          <button type="button" className={`button button-small ${hasIdentifiers ? 'button-attention' : 'button-ghost'}`} aria-expanded={reviewing} onClick={() => setReviewing((r) => !r)}>
            Review identifiers
          </button>
        )}
        <button type="button" className="button button-small button-ghost button-danger" onClick={() => void act(api['quotes-delete']({ ids: [quote.id] }))}>
          Remove
        </button>
        <span className="quote-keys" aria-hidden="true">
          <kbd className="kbd">C</kbd> copy · <kbd className="kbd">X</kbd> cut · <kbd className="kbd">T</kbd> trim
        </span>
      </footer>
      {error && <p className="field-error">{error}</p>}
      {reviewing && renderReview?.(quote, () => setReviewing(false))}
    </article>
  );
}
